import { invalid } from '../errors';
import type { HelpRequest } from '../help/help-request';
import type { CheckIn } from '../rotations/check-in';
import type { Round } from '../rotations/round';
import { isTakingPart } from '../team/boundaries';
import type { Member } from '../team/member';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const insightPeriodKeys = ['4w', '12w', 'quarter'] as const;
export type InsightPeriodKey = (typeof insightPeriodKeys)[number];

/** A stretch of time the page looks at: `from` inclusive, `to` exclusive. */
export interface InsightPeriod {
  key: InsightPeriodKey;
  from: Date;
  to: Date;
}

/**
 * The period ending now: '4w' is the 28 days before `now`, '12w' the 84 days before it, and
 * 'quarter' the current calendar quarter (UTC) from its first day up to `now`.
 */
export function periodOf(key: InsightPeriodKey, now: Date): InsightPeriod {
  if (key === 'quarter') {
    const firstMonth = Math.floor(now.getUTCMonth() / 3) * 3;
    return { key, from: new Date(Date.UTC(now.getUTCFullYear(), firstMonth, 1)), to: now };
  }
  const days = key === '4w' ? 28 : 84;
  return { key, from: new Date(now.getTime() - days * DAY_MS), to: now };
}

/** The columns of a help request the metrics read (the store reads only these). */
export type InsightRequest = Pick<
  HelpRequest,
  | 'id'
  | 'requesterId'
  | 'status'
  | 'helperId'
  | 'createdAt'
  | 'responseHours'
  | 'dueAt'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'resolvedBy'
>;

export const insightRequestColumns = [
  'id',
  'requesterId',
  'status',
  'helperId',
  'createdAt',
  'responseHours',
  'dueAt',
  'firstResponseAt',
  'resolvedAt',
  'resolvedBy',
] as const satisfies readonly (keyof InsightRequest)[];

/**
 * Who helped with a request, or '' when nobody did. A claim sets `helperId`; a release clears it
 * (the request is open again and the person who let go is not credited); a resolve keeps it, and
 * only the requester or the current helper may resolve. So the helper is `helperId`, and for a
 * resolved request with an empty `helperId` it is `resolvedBy` when that is not the requester
 * (which the rules make impossible today, but a stored row is not trusted to follow them).
 */
export function helperOf(r: InsightRequest): string {
  if (r.helperId && r.helperId !== r.requesterId) return r.helperId;
  if (r.status === 'resolved' && r.resolvedBy && r.resolvedBy !== r.requesterId)
    return r.resolvedBy;
  return '';
}

const inPeriod = (iso: string, p: Pick<InsightPeriod, 'from' | 'to'>) => {
  const t = Date.parse(iso);
  return t >= p.from.getTime() && t < p.to.getTime();
};

/** The requests made in the period (by `createdAt`). */
export const requestsIn = (requests: readonly InsightRequest[], p: InsightPeriod) =>
  requests.filter((r) => inPeriod(r.createdAt, p));

export interface MemberBalance {
  id: string;
  name: string;
  department: string;
  /** Requests of the period this member helped with. */
  given: number;
  /** Requests of the period this member made that someone helped with. */
  received: number;
  /** Distinct requesters this member helped, and their distinct non-blank departments. */
  peopleHelped: number;
  departmentsHelped: number;
}

/**
 * Give / receive balance and breadth per member, over the requests of the period. Everyone active
 * is listed, and anyone no longer active who gave or received in the period; ordered by name
 * (then id), never by the counts, so the list is not a ranking.
 */
export function memberBalances(
  members: readonly Pick<Member, 'userId' | 'name' | 'department' | 'active'>[],
  periodRequests: readonly InsightRequest[],
): MemberBalance[] {
  const byId = new Map(members.map((m) => [m.userId, m]));
  const given = new Map<string, number>();
  const received = new Map<string, number>();
  const people = new Map<string, Set<string>>();
  const departments = new Map<string, Set<string>>();
  const add = (map: Map<string, number>, id: string) => map.set(id, (map.get(id) ?? 0) + 1);
  for (const r of periodRequests) {
    const helper = helperOf(r);
    if (!helper) continue;
    add(given, helper);
    add(received, r.requesterId);
    if (!people.has(helper)) people.set(helper, new Set());
    people.get(helper)!.add(r.requesterId);
    const department = byId.get(r.requesterId)?.department.trim() ?? '';
    if (department) {
      if (!departments.has(helper)) departments.set(helper, new Set());
      departments.get(helper)!.add(department.toLowerCase());
    }
  }
  return members
    .filter((m) => m.active || given.has(m.userId) || received.has(m.userId))
    .map((m) => ({
      id: m.userId,
      name: m.name,
      department: m.department,
      given: given.get(m.userId) ?? 0,
      received: received.get(m.userId) ?? 0,
      peopleHelped: people.get(m.userId)?.size ?? 0,
      departmentsHelped: departments.get(m.userId)?.size ?? 0,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export interface Concentration {
  /** Share (0–1) of all help given that the top 20% of helpers gave; null when nobody helped. */
  topShare: number | null;
  topHelpers: number;
  helpers: number;
  totalGiven: number;
}

/**
 * How concentrated helping is: the share of the help given by the top ceil(20%) of the people who
 * helped at all (at least one person). Only the count matters, so ties cannot change it.
 */
export function concentrationOf(periodRequests: readonly InsightRequest[]): Concentration {
  const counts = new Map<string, number>();
  for (const r of periodRequests) {
    const helper = helperOf(r);
    if (helper) counts.set(helper, (counts.get(helper) ?? 0) + 1);
  }
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  if (total === 0) return { topShare: null, topHelpers: 0, helpers: 0, totalGiven: 0 };
  const top = Math.max(1, Math.ceil(sorted.length * 0.2));
  const topGiven = sorted.slice(0, top).reduce((a, b) => a + b, 0);
  return { topShare: topGiven / total, topHelpers: top, helpers: sorted.length, totalGiven: total };
}

/** Nearest rank: the smallest value with at least `q` of the sample at or below it. */
export function nearestRank(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Monday 00:00 UTC of the week `at` falls in. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

export interface ResponseWeek {
  weekStart: string;
  responded: number;
  withinCommitment: number;
  medianHours: number | null;
}

export interface ResponseTimes {
  responded: number;
  withinCommitment: number;
  medianHours: number | null;
  p90Hours: number | null;
  waiting: number;
  weeks: ResponseWeek[];
}

/** Hours from asking to the first claim (kept through releases). */
const responseHoursOf = (r: InsightRequest) =>
  (Date.parse(r.firstResponseAt) - Date.parse(r.createdAt)) / HOUR_MS;

/**
 * Is the first response within the commitment the request was made under: by its own `dueAt`
 * (which is `createdAt` plus its `responseHours`), so a later change of the compact does not
 * rewrite history.
 */
const withinOwnCommitment = (r: InsightRequest) => {
  const due = Date.parse(r.dueAt);
  const limit = Number.isNaN(due) ? Date.parse(r.createdAt) + r.responseHours * HOUR_MS : due;
  return Date.parse(r.firstResponseAt) <= limit;
};

/**
 * Time to first response over the requests of the period: median and p90 (nearest rank) in hours,
 * how many came within their own commitment, and the same per week (Monday 00:00 UTC), every week
 * the period touches listed oldest first. "Waiting" counts requests of the period nobody has
 * responded to and that are not resolved (a request its requester resolved alone is not waiting).
 */
export function responseTimesOf(
  periodRequests: readonly InsightRequest[],
  period: InsightPeriod,
): ResponseTimes {
  const responded = periodRequests.filter((r) => r.firstResponseAt);
  const summary = (list: readonly InsightRequest[]) => {
    const hours = list.map(responseHoursOf).sort((a, b) => a - b);
    return {
      responded: list.length,
      withinCommitment: list.filter(withinOwnCommitment).length,
      hours,
    };
  };
  const all = summary(responded);
  const weeks: ResponseWeek[] = [];
  for (let at = weekStart(period.from).getTime(); at < period.to.getTime(); at += 7 * DAY_MS) {
    const span = { from: new Date(at), to: new Date(at + 7 * DAY_MS) };
    const week = summary(responded.filter((r) => inPeriod(r.createdAt, span)));
    weeks.push({
      weekStart: span.from.toISOString(),
      responded: week.responded,
      withinCommitment: week.withinCommitment,
      medianHours: median(week.hours),
    });
  }
  return {
    responded: all.responded,
    withinCommitment: all.withinCommitment,
    medianHours: median(all.hours),
    p90Hours: nearestRank(all.hours, 0.9),
    waiting: periodRequests.filter((r) => !r.firstResponseAt && r.status !== 'resolved').length,
    weeks,
  };
}

export const blockerAgeBuckets = [
  { label: 'Under 1 day', below: 24 },
  { label: '1–3 days', below: 72 },
  { label: '3–7 days', below: 168 },
  { label: 'Over a week', below: Number.POSITIVE_INFINITY },
] as const;

export interface OpenBlockers {
  total: number;
  byAge: { label: string; count: number }[];
  oldestHours: number | null;
}

/**
 * Blockers still open now (open, or claimed and not resolved), whenever they were asked, by age:
 * under 24 hours, 24–72, 72–168, and 168 hours or more.
 */
export function openBlockersOf(requests: readonly InsightRequest[], now: Date): OpenBlockers {
  const ages = requests
    .filter((r) => r.status !== 'resolved')
    .map((r) => Math.max(0, (now.getTime() - Date.parse(r.createdAt)) / HOUR_MS));
  return {
    total: ages.length,
    byAge: blockerAgeBuckets.map((bucket, i) => {
      const above = i === 0 ? 0 : blockerAgeBuckets[i - 1]!.below;
      return {
        label: bucket.label,
        count: ages.filter((a) => a >= above && a < bucket.below).length,
      };
    }),
    oldestHours: ages.length === 0 ? null : Math.max(...ages),
  };
}

export interface RotationStats {
  rounds: number;
  participants: number;
  eligible: number;
  answered: number;
  met: number;
  meetRate: number | null;
}

/**
 * Rotation participation and meet rate: the published rounds of every program with `publishedAt`
 * in the period; the distinct members placed in their groups, against the members who may take
 * part now (active, opted in, not paused, as a rotation picks them). A group "answered" when any
 * of its members answered the check-in of that round; it "met" when any of them said 'met'; the
 * meet rate is met / answered (null with no answers).
 */
export function rotationStatsOf(
  rounds: readonly Round[],
  checkIns: readonly Pick<CheckIn, 'roundId' | 'userId' | 'answer'>[],
  members: readonly Member[],
  period: InsightPeriod,
  now: Date,
): RotationStats {
  const published = rounds.filter(
    (r) => r.status === 'published' && inPeriod(r.publishedAt, period),
  );
  const answers = new Map<string, string>();
  for (const c of checkIns) answers.set(`${c.roundId}|${c.userId}`, c.answer);
  const placed = new Set<string>();
  let answered = 0;
  let met = 0;
  for (const round of published)
    for (const group of round.groups) {
      for (const id of group.members) placed.add(id);
      const said = group.members
        .map((id) => answers.get(`${round.id}|${id}`))
        .filter((a) => a !== undefined);
      if (said.length > 0) answered++;
      if (said.includes('met')) met++;
    }
  return {
    rounds: published.length,
    participants: placed.size,
    eligible: members.filter((m) => m.active && isTakingPart(m, now)).length,
    answered,
    met,
    meetRate: answered === 0 ? null : met / answered,
  };
}

/** The helper-load alert's settings. */
export interface InsightSettings {
  /** Percent of the help given over the last 4 weeks above which one member is flagged. */
  helperLoadPercent: number;
  /** The least help given in those weeks before anyone is flagged. */
  helperLoadMinRequests: number;
}

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  helperLoadPercent: 40,
  helperLoadMinRequests: 5,
};

export function validateInsightSettings(s: InsightSettings): InsightSettings {
  if (
    !Number.isInteger(s.helperLoadPercent) ||
    s.helperLoadPercent < 10 ||
    s.helperLoadPercent > 90
  )
    throw invalid(
      'The helper-load threshold is a whole percent from 10 to 90.',
      'helperLoadPercent',
    );
  if (
    !Number.isInteger(s.helperLoadMinRequests) ||
    s.helperLoadMinRequests < 1 ||
    s.helperLoadMinRequests > 100
  )
    throw invalid(
      'The least number of helped requests is a whole number from 1 to 100.',
      'helperLoadMinRequests',
    );
  return { helperLoadPercent: s.helperLoadPercent, helperLoadMinRequests: s.helperLoadMinRequests };
}

/** The days the helper-load alert looks back over. */
export const HELPER_LOAD_DAYS = 28;
/** A flagged person is mentioned to the same recipients at most once in this many days. */
export const HELPER_LOAD_QUIET_DAYS = 7;

export interface HelperLoad {
  userId: string;
  given: number;
  total: number;
  share: number;
}

/**
 * Who carries too much of the helping: everyone whose share of the help given over the last 28
 * days is strictly above the threshold and who gave at least the minimum; most loaded first.
 */
export function helperLoadsOf(
  requests: readonly InsightRequest[],
  settings: InsightSettings,
  now: Date,
): HelperLoad[] {
  const window = { from: new Date(now.getTime() - HELPER_LOAD_DAYS * DAY_MS), to: now };
  const counts = new Map<string, number>();
  for (const r of requests) {
    if (!inPeriod(r.createdAt, window)) continue;
    const helper = helperOf(r);
    if (helper) counts.set(helper, (counts.get(helper) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts]
    .map(([userId, given]) => ({ userId, given, total, share: given / total }))
    .filter(
      (l) =>
        l.share * 100 > settings.helperLoadPercent && l.given >= settings.helperLoadMinRequests,
    )
    .sort((a, b) => b.share - a.share || a.userId.localeCompare(b.userId));
}

/** A share in words for a card: "12 of the 20 requests … (60%)", never a ranking. */
export function shareInWords(given: number, total: number): string {
  const percent = Math.round((given / total) * 100);
  return `${given} of the ${total} requests the team helped with in the last 4 weeks (${percent}%)`;
}
