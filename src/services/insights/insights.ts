import { responseHours } from '../../core/compact/compact';
import { forbidden } from '../../core/errors';
import {
  concentrationOf,
  DEFAULT_INSIGHT_SETTINGS,
  HELPER_LOAD_DAYS,
  HELPER_LOAD_QUIET_DAYS,
  helperLoadsOf,
  memberBalances,
  openBlockersOf,
  periodOf,
  requestsIn,
  responseTimesOf,
  rotationStatsOf,
  validateInsightSettings,
  type Concentration,
  type InsightPeriod,
  type InsightPeriodKey,
  type InsightSettings,
  type MemberBalance,
  type OpenBlockers,
  type ResponseTimes,
  type RotationStats,
} from '../../core/insights/insights';
import { notificationId, type Notification } from '../../core/notify/notification';
import { pulseTrends } from '../../core/pulse/results';
import type { Ports } from '../../core/ports';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import type { Actor, TeamRef } from '../../core/team/team';
import { enqueueNotifications, type SendingPorts } from '../notify/enqueue-notifications';
import { personOf } from '../shared/people';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember, requireOwner } from '../shared/team-access';
import { ownerOrGuardian } from '../guardian/owner-or-guardian';

export const HELPER_LOAD_DUE = 'helper-load';
/** The daily check runs at this hour (UTC). */
const HELPER_LOAD_HOUR = 6;
const DAY_MS = 86_400_000;
/**
 * The newest pulses read for the trend. One runs at a time for at least a day, so the longest
 * period (a quarter, at most 92 days) holds at most this many.
 */
const PULSES_READ = 92;

export interface InsightsView {
  period: InsightPeriod;
  requestCount: number;
  members: MemberBalance[];
  concentration: Concentration;
  response: ResponseTimes & { commitmentHours: number };
  openBlockers: OpenBlockers;
  rotation: RotationStats;
  pulses: {
    id: string;
    closedAt: string;
    answered: number;
    items: { id: string; text: string; average: number | null }[];
  }[];
}

/**
 * The Insights page for a period ending now, computed from the team's own partition only: the
 * members, the current compact, and one filtered query each for help requests, rounds and
 * check-ins. For owners and the sitting Culture Guardian.
 */
export async function getInsights(
  actor: Actor,
  teamId: string,
  key: InsightPeriodKey,
  ports: Pick<
    Ports,
    'teams' | 'members' | 'guardians' | 'compacts' | 'insights' | 'pulses' | 'clock'
  >,
): Promise<InsightsView> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  if (!(await ownerOrGuardian(ref, me.value, ports)))
    throw forbidden("Insights are for the team's owners and its Culture Guardian.");
  const now = ports.clock.now();
  const period = periodOf(key, now);
  const [members, compact, requests, rounds, checkIns, pulses] = await Promise.all([
    ports.members.list(ref),
    ports.compacts.current(ref),
    ports.insights.helpSince(ref, period.from),
    ports.insights.roundsPublishedSince(ref, period.from),
    ports.insights.checkInsSince(ref, period.from),
    ports.pulses.list(ref, PULSES_READ).then((found) => found.map((p) => p.value)),
  ]);
  const people = members.map((m) => m.value);
  const inPeriod = requestsIn(requests, period);
  return {
    period,
    requestCount: inPeriod.length,
    members: memberBalances(people, inPeriod),
    concentration: concentrationOf(inPeriod),
    response: { ...responseTimesOf(inPeriod, period), commitmentHours: responseHours(compact) },
    openBlockers: openBlockersOf(requests, now),
    rotation: rotationStatsOf(rounds, checkIns, people, period, now),
    pulses: pulseTrends(pulses)
      .filter((p) => {
        const closed = Date.parse(p.closedAt);
        return closed >= period.from.getTime() && closed < period.to.getTime();
      })
      .map(({ pulseId, ...point }) => ({ id: pulseId, ...point })),
  };
}

/** The helper-load alert's settings: every member may read them, as with the other settings. */
export async function getInsightSettings(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'insights'>,
): Promise<InsightSettings> {
  const { ref } = await requireMember(actor, teamId, ports);
  return (await ports.insights.settings(ref))?.value ?? DEFAULT_INSIGHT_SETTINGS;
}

/** An owner changes the helper-load threshold or the minimum; bad values name their field. */
export async function saveInsightSettings(
  actor: Actor,
  teamId: string,
  change: InsightSettings,
  ports: Pick<Ports, 'teams' | 'members' | 'insights'>,
): Promise<InsightSettings> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const valid = validateInsightSettings(change);
  return retryOnConflict(async () => {
    const existing = await ports.insights.settings(ref);
    return (await ports.insights.saveSettings(ref, valid, existing?.etag)).value;
  });
}

/** The next daily check at 09:00 UTC strictly after `after`. */
export function nextHelperLoadCheck(after: Date): Date {
  const today = new Date(
    Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), HELPER_LOAD_HOUR),
  );
  return today.getTime() > after.getTime() ? today : new Date(today.getTime() + DAY_MS);
}

/** Files the daily helper-load check due at `at` (adding the same day twice adds it once). */
export async function scheduleHelperLoadCheck(
  ref: TeamRef,
  at: Date,
  ports: Pick<Ports, 'schedule' | 'clock'>,
): Promise<void> {
  const day = at.toISOString().slice(0, 10);
  await scheduleJob(
    {
      id: `helper-load~${ref.tenantId}~${ref.teamId}~${day}`,
      kind: HELPER_LOAD_DUE,
      team: ref,
      dueAt: at.toISOString(),
      payload: { day },
    },
    ports,
  );
}

type HelperLoadPorts = Pick<Ports, 'teams' | 'members' | 'guardians' | 'insights' | 'schedule'> &
  SendingPorts;

/**
 * The scheduler's daily check: over the last 28 days, anyone whose share of the help given passes
 * the threshold (with at least the minimum given) is mentioned, privately and 1:1, to the sitting
 * Culture Guardian, or to the owners when there is none or the guardian is the person flagged;
 * never to the person themselves and never in a channel. The same person is mentioned to the same
 * recipient at most once in 7 days. Then the next day's check is filed.
 */
export async function runHelperLoadCheck(job: ScheduledJob, ports: HelperLoadPorts): Promise<void> {
  const team = await ports.teams.get(job.team);
  if (!team?.value.active) return; // uninstalled: the checks stop
  const now = ports.clock.now();
  const [members, terms, settings, requests] = await Promise.all([
    ports.members.list(job.team),
    ports.guardians.terms(job.team, 1),
    ports.insights.settings(job.team),
    ports.insights.helpSince(job.team, new Date(now.getTime() - HELPER_LOAD_DAYS * DAY_MS)),
  ]);
  const active = members.map((m) => m.value).filter((m) => m.active);
  const byId = new Map(members.map((m) => [m.value.userId, m.value]));
  const term = terms[0];
  const guardian =
    term && term.until > now.toISOString()
      ? active.find((m) => m.userId === term.userId)
      : undefined;
  const owners = active.filter((m) => m.role === 'owner');
  const loads = helperLoadsOf(requests, settings?.value ?? DEFAULT_INSIGHT_SETTINGS, now);
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const quietSince = new Date(now.getTime() - HELPER_LOAD_QUIET_DAYS * DAY_MS).toISOString();

  const notifications: Notification[] = [];
  for (const load of loads) {
    const helper = byId.get(load.userId);
    if (!helper) continue;
    const toGuardian = guardian && guardian.userId !== load.userId;
    const recipients = (toGuardian ? [guardian] : owners).filter((m) => m.userId !== load.userId);
    if (recipients.length === 0) continue;
    const earlier = await ports.notifications.listByPrefix(
      job.team,
      `${HELPER_LOAD_DUE}~${load.userId}~`,
    );
    for (const to of recipients) {
      const told = earlier.some(
        (n) =>
          n.target.kind === 'member' && n.target.userId === to.userId && n.createdAt > quietSince,
      );
      if (told) continue;
      notifications.push({
        id: notificationId(HELPER_LOAD_DUE, load.userId, day, to.userId),
        team: job.team,
        target: { kind: 'member', userId: to.userId },
        message: ports.messages.helperLoad({
          teamName: team.value.name,
          helper: personOf(helper),
          given: load.given,
          total: load.total,
          percent: Math.round(load.share * 100),
          audience: toGuardian ? 'guardian' : 'owner',
          insightsLink: ports.links.page(job.team, 'insights'),
        }),
        createdAt: now.toISOString(),
      });
    }
  }
  await enqueueNotifications(notifications, ports);
  await scheduleHelperLoadCheck(job.team, nextHelperLoadCheck(now), ports);
}

/** At installation: the first daily check (filing it again on a re-install adds nothing). */
export async function startHelperLoadChecks(
  ref: TeamRef,
  ports: Pick<Ports, 'schedule' | 'clock'>,
): Promise<void> {
  await scheduleHelperLoadCheck(ref, nextHelperLoadCheck(ports.clock.now()), ports);
}
