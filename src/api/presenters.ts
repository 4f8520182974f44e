import {
  MAJORITY_ADOPTER,
  responseHours,
  TEMPLATE_ADOPTER,
  type CompactVersion,
} from '../core/compact/compact';
import { endorsements, objections, type Proposal } from '../core/compact/proposal';
import type { CompactReview } from '../core/compact/review';
import type { CompactView } from '../services/compact/compact-view';
import type { Member } from '../core/team/member';
import type { CurrentCompact } from '../services/compact/get-compact';
import type { MyTeam } from '../services/team/list-my-teams';
import type { getTeam } from '../services/team/get-team';
import type { VerifiedUser } from './auth';
import type {
  CompactDto,
  CompactOverviewDto,
  CompactReviewDto,
  ProposalDto,
  DeadLetterDto,
  GuardianDto,
  HelpRequestDto,
  HelpSettingsDto,
  MeDto,
  MemberDto,
  ProfileDto,
  ProgramDto,
  RoundDto,
  TeamDto,
} from './contract';
import type { Program } from '../core/rotations/program';
import { groupOf } from '../core/rotations/round';
import type { RoundView } from '../services/rotations/rounds';
import type { GuardianView } from '../services/guardian/guardian';
import type { DeadLetterView } from '../services/notify/dead-letters';
import { isOverdue, type HelpRequest } from '../core/help/help-request';
import type { HelpSettings } from '../services/help/help-settings';

export const presentMember = (m: Member): MemberDto => ({
  id: m.userId,
  name: m.name,
  email: m.email,
  role: m.role,
  department: m.department,
  teaches: m.teaches,
  learns: m.learns,
});

export const presentTeam = ({
  team,
  me,
  memberCount,
}: Awaited<ReturnType<typeof getTeam>>): TeamDto => ({
  id: team.teamId,
  name: team.name,
  memberCount,
  myRole: me.role,
});

export const presentMe = (
  user: VerifiedUser,
  teams: MyTeam[],
  removed: { teamId: string; name: string }[],
): MeDto => ({
  user: { id: user.userId, tenantId: user.tenantId, name: user.name },
  teams: teams.map(({ team, role }) => ({ id: team.teamId, name: team.name, role })),
  removedTeams: removed.map(({ teamId, name }) => ({ id: teamId, name })),
});

/**
 * Who someone is shown as once they left or deleted their data (their row is gone, or its name
 * was cleared).
 */
const FORMER_NAME = 'A former member';

/** Who a version or a decision is credited to when the majority rule adopted it. */
const MAJORITY_NAME = 'a majority of the team';

export function presentCompact(current: CurrentCompact | undefined): CompactDto | null {
  if (!current) return null;
  const { version, adoptedByName } = current;
  return {
    version: version.version,
    adoptedAt: version.adoptedAt,
    adoptedBy:
      version.adoptedBy === TEMPLATE_ADOPTER
        ? null
        : version.adoptedBy === MAJORITY_ADOPTER
          ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
          : { id: version.adoptedBy, name: adoptedByName ?? FORMER_NAME },
    note: version.note,
    responseHours: responseHours(version),
    clauses: version.clauses,
  };
}

export const presentDeadLetter = (d: DeadLetterView): DeadLetterDto => ({
  notificationId: d.notificationId,
  recipient: d.recipientName ?? 'Team channel',
  summary: d.summary,
  reason: d.reason,
  attempts: d.attempts,
  failedAt: d.failedAt,
});

export const presentProfile = (m: Member): ProfileDto => ({
  id: m.userId,
  name: m.name,
  department: m.department,
  teaches: m.teaches,
  learns: m.learns,
  optedIn: m.optedIn,
  pausedUntil: m.pausedUntil || null,
  availabilityPerWeek: m.availabilityPerWeek,
  quietHours: m.quietHours,
  timeZone: m.timeZone,
});

export const presentProgram = (p: Program): ProgramDto => ({
  kind: p.kind,
  enabled: p.enabled,
  cadence: p.cadence,
  weekday: p.weekday,
  hour: p.hour,
  timeZone: p.timeZone,
  groupSize: p.groupSize,
  preview: p.preview,
  sprintWeeks: p.sprintWeeks,
  nextRunAt: p.nextRunAt || null,
  updatedAt: p.updatedAt || null,
});

export function presentRound(view: RoundView, viewerId: string): RoundDto {
  const { round, people, checkIns } = view;
  const person = (id: string) => {
    const m = people.get(id);
    return { id, name: m?.name || FORMER_NAME, department: m?.department ?? '' };
  };
  const tally = { met: 0, not_yet: 0, skipped: 0 };
  for (const c of checkIns) tally[c.answer]++;
  const mine = groupOf(round, viewerId);
  return {
    id: round.id,
    program: round.program,
    status: round.status,
    createdAt: round.createdAt,
    publishedAt: round.publishedAt || null,
    revision: round.revision,
    groups: round.groups.map((g) => ({
      members: g.members.map(person),
      reason: g.reason,
      weight: Math.round(g.weight * 1000) / 1000,
    })),
    unplaced: round.unplaced.map((u) => ({ ...person(u.id), reason: u.reason })),
    totalWeight: Math.round(round.totalWeight * 1000) / 1000,
    myGroup: mine < 0 ? null : mine,
    myCheckIn: checkIns.find((c) => c.userId === viewerId)?.answer ?? null,
    progress: view.progress,
    checkIns: tally,
  };
}

export function presentGuardian(view: GuardianView): GuardianDto {
  const name = (id: string) => view.people.get(id)?.name || FORMER_NAME;
  return {
    enabled: view.settings.enabled,
    everyMonths: view.settings.everyMonths,
    current: view.current && {
      id: view.current.userId,
      name: name(view.current.userId),
      since: view.current.since,
      until: view.current.until,
    },
    history: view.history.map((t) => ({ id: t.userId, name: name(t.userId), since: t.since })),
  };
}

/** A help request as the board shows it to `viewerId`, with what they may do to it. */
export function presentHelpRequest(
  r: HelpRequest,
  people: ReadonlyMap<string, Member>,
  viewerId: string,
  now: Date,
): HelpRequestDto {
  const person = (id: string) => (id ? { id, name: people.get(id)?.name || FORMER_NAME } : null);
  const mine =
    r.requesterId === viewerId
      ? 'requester'
      : r.helperId === viewerId
        ? 'helper'
        : r.buddyId === viewerId
          ? 'buddy'
          : null;
  return {
    id: r.id,
    status: r.status,
    requester: person(r.requesterId) ?? { id: '', name: FORMER_NAME },
    helper: person(r.helperId),
    buddy: person(r.buddyId),
    blocker: r.blocker,
    skills: r.skills,
    urgency: r.urgency,
    source: { text: r.source.text, authorName: r.source.authorName, link: r.source.link },
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    responseHours: r.responseHours,
    firstResponseAt: r.firstResponseAt || null,
    resolvedAt: r.resolvedAt || null,
    thankedAt: r.thankedAt || null,
    overdue: isOverdue(r, now),
    mine,
    can: {
      claim: r.status === 'open' && r.requesterId !== viewerId,
      release: r.status === 'claimed' && r.helperId === viewerId,
      resolve: r.status !== 'resolved' && (r.requesterId === viewerId || r.helperId === viewerId),
      thank: r.status === 'resolved' && !!r.helperId && !r.thankedAt && r.requesterId === viewerId,
    },
    revision: r.revision,
  };
}

export const presentHelpSettings = (s: HelpSettings): HelpSettingsDto => ({
  supportChannel: s.supportChannel,
  channels: s.channels,
  channelsError: s.channelsError || null,
});

const personRef = (people: ReadonlyMap<string, Member>, id: string) => ({
  id,
  name: people.get(id)?.name || FORMER_NAME,
});

/** One version, with its adopter's name ("majority" and the template have none). */
export const presentVersion = (
  version: CompactVersion,
  people: ReadonlyMap<string, Member>,
): CompactDto =>
  presentCompact({
    version,
    adoptedByName: people.get(version.adoptedBy)?.name || undefined,
  })!;

const adopterOf = (v: CompactVersion, people: ReadonlyMap<string, Member>) =>
  v.adoptedBy === TEMPLATE_ADOPTER
    ? null
    : v.adoptedBy === MAJORITY_ADOPTER
      ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
      : personRef(people, v.adoptedBy);

/** Whether the clause a proposal changes or removes still reads as it did when it was made. */
function isOutdated(p: Proposal, current: CompactVersion | undefined): boolean {
  if (p.status !== 'open' || p.kind === 'add') return false;
  const clause = current?.clauses.find((c) => c.id === p.clauseId);
  return (
    !clause ||
    clause.text !== p.previousText ||
    (clause.commitment?.hours ?? null) !== p.previousCommitmentHours
  );
}

export function presentProposal(p: Proposal, view: CompactView): ProposalDto {
  const { me, people, current } = view;
  const open = p.status === 'open';
  const mine = p.stances.find((s) => s.userId === me.userId)?.stance ?? null;
  const outdated = isOutdated(p, current);
  const owner = me.role === 'owner';
  return {
    id: p.id,
    kind: p.kind,
    clauseId: p.clauseId,
    text: p.text,
    commitmentHours: p.commitmentHours,
    previousText: p.previousText,
    previousCommitmentHours: p.previousCommitmentHours,
    reason: p.reason,
    proposedBy: personRef(people, p.proposedBy),
    proposedAt: p.proposedAt,
    baseVersion: p.baseVersion,
    status: p.status,
    stances: p.stances.map((s) => ({
      person: personRef(people, s.userId),
      stance: s.stance,
      comment: s.comment,
      at: s.at,
    })),
    endorsements: endorsements(p).length,
    objections: objections(p).length,
    decidedBy: p.decidedBy
      ? p.decidedBy === MAJORITY_ADOPTER
        ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
        : personRef(people, p.decidedBy)
      : null,
    decidedAt: p.decidedAt || null,
    decisionNote: p.decisionNote,
    adoptedVersion: p.adoptedVersion || null,
    outdated,
    myStance: mine,
    can: {
      endorse: open && mine !== 'endorse',
      object: open && mine !== 'object',
      adopt: open && owner && !outdated,
      decline: open && owner,
      withdraw: open && p.proposedBy === me.userId,
    },
    revision: p.revision,
  };
}

export function presentCompactOverview(view: CompactView): CompactOverviewDto {
  const { current, people, members, me } = view;
  const acked = new Set(view.acknowledgements.map((a) => a.userId));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const open = view.proposals.filter((p) => p.status === 'open');
  const decided = view.proposals.filter((p) => p.status !== 'open');
  return {
    current: current ? presentVersion(current, people) : null,
    acknowledged: view.acknowledgements
      .map((a) => ({ person: personRef(people, a.userId), at: a.at }))
      .sort((a, b) => byName(a.person, b.person)),
    notAcknowledged: members
      .filter((m) => !acked.has(m.userId))
      .map((m) => ({ id: m.userId, name: m.name }))
      .sort(byName),
    me: { id: me.userId, name: me.name },
    myAcknowledgedAt: view.acknowledgements.find((a) => a.userId === me.userId)?.at ?? null,
    proposals: [...open, ...decided].map((p) => presentProposal(p, view)),
    versions: view.versions.map((v) => ({
      version: v.version,
      adoptedAt: v.adoptedAt,
      adoptedBy: adopterOf(v, people),
      note: v.note,
      clauseCount: v.clauses.length,
    })),
    settings: view.settings,
    majority: {
      takingPart: view.takingPart.size,
      needed: Math.floor(view.takingPart.size / 2) + 1,
    },
    reviews: view.reviews.map((r) => presentReview(r, people)),
    reviewOverdue: view.reviewOverdue,
    members: members.map((m) => ({ id: m.userId, name: m.name })).sort(byName),
    can: {
      propose: true,
      recordReview: view.canRecordReview,
      editSettings: me.role === 'owner',
    },
  };
}

export const presentReview = (
  r: CompactReview,
  people: ReadonlyMap<string, Member>,
): CompactReviewDto => ({
  id: r.id,
  heldOn: r.heldOn,
  recordedBy: personRef(people, r.recordedBy),
  recordedAt: r.recordedAt,
  participants: r.participants.map((id) => personRef(people, id)),
  adoptedVersions: r.adoptedVersions,
  note: r.note,
});
