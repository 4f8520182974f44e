import type { Acknowledgement, CompactVersion } from '../../core/compact/compact';
import type { Proposal } from '../../core/compact/proposal';
import type { CompactReview } from '../../core/compact/review';
import type { HelpRequest } from '../../core/help/help-request';
import type { Kudos } from '../../core/kudos/kudos';
import type { ConversationState } from '../../core/notify/conversation-state';
import type { DeadLetter } from '../../core/notify/dead-letter';
import { targetKey } from '../../core/notify/notification';
import type { CheckIn } from '../../core/rotations/check-in';
import { programKinds } from '../../core/rotations/program';
import type { Round } from '../../core/rotations/round';
import type { NotificationSummary, Ports } from '../../core/ports';
import type { GuardianTerm } from '../../core/guardian/guardian';
import type { Member } from '../../core/team/member';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { requireOwnRecord } from '../shared/team-access';

/** Read everything: a team's history is small enough, and an export must not be cut short. */
export const ALL = Number.MAX_SAFE_INTEGER;

export type PersonalDataPorts = Pick<
  Ports,
  | 'teams'
  | 'members'
  | 'rounds'
  | 'checkIns'
  | 'guardians'
  | 'help'
  | 'kudos'
  | 'compacts'
  | 'proposals'
  | 'acknowledgements'
  | 'compactReviews'
  | 'notifications'
  | 'deadLetters'
  | 'conversations'
  | 'clock'
>;

/**
 * Every stored record that names one member in one team, as stored. What of it is theirs to see
 * (and not another member's words) is the presenter's choice.
 */
export interface PersonalData {
  team: Team;
  member: Member;
  /** Rounds they were placed in or could not be placed in, latest first per program. */
  rounds: Round[];
  checkIns: CheckIn[];
  guardianTerms: GuardianTerm[];
  /** Requests they made, took on, resolved or were the buddy for. */
  helpRequests: HelpRequest[];
  /** Kudos they gave or received. */
  kudos: Kudos[];
  /** Proposals they made, took a stance on, or decided. */
  proposals: Proposal[];
  acknowledgements: Acknowledgement[];
  /** Reviews they recorded or took part in. */
  reviews: CompactReview[];
  versionsAdopted: CompactVersion[];
  /** Notifications to their 1:1 chat (what they said is not kept here). */
  notifications: NotificationSummary[];
  undelivered: DeadLetter[];
  chat: ConversationState | undefined;
  exportedAt: Date;
}

/** "What Mutual stores about me": read with partition-scoped queries in the caller's team only. */
export async function exportPersonalData(
  actor: Actor,
  teamId: string,
  ports: PersonalDataPorts,
): Promise<PersonalData> {
  const { ref, team, me } = await requireOwnRecord(actor, teamId, ports);
  const userId = me.value.userId;
  const [
    rounds,
    guardianTerms,
    help,
    kudos,
    proposals,
    acknowledgements,
    reviews,
    versions,
    notifications,
    undelivered,
    chat,
  ] = await Promise.all([
    roundsOf(ref, userId, ports),
    ports.guardians.terms(ref, ALL),
    ports.help.list(ref),
    ports.kudos.list(ref, ALL),
    ports.proposals.list(ref),
    ports.acknowledgements.ofMember(ref, userId),
    ports.compactReviews.list(ref),
    ports.compacts.list(ref, ALL),
    ports.notifications.listTo(ref, userId),
    ports.deadLetters.list(ref, ALL),
    ports.conversations.get(ref, targetKey({ kind: 'member', userId })),
  ]);
  return {
    team,
    member: me.value,
    rounds,
    checkIns: await checkInsOf(ref, userId, rounds, ports),
    guardianTerms: guardianTerms.filter((t) => t.userId === userId),
    helpRequests: help.map((r) => r.value).filter((r) => namesInRequest(r).includes(userId)),
    kudos: kudos.filter((k) => k.fromId === userId || k.toIds.includes(userId)),
    proposals: proposals
      .map((p) => p.value)
      .filter(
        (p) =>
          p.proposedBy === userId ||
          p.decidedBy === userId ||
          p.stances.some((s) => s.userId === userId),
      ),
    acknowledgements: acknowledgements.map((a) => a.value).sort((a, b) => b.version - a.version),
    reviews: reviews.filter((r) => r.recordedBy === userId || r.participants.includes(userId)),
    versionsAdopted: versions.filter((v) => v.adoptedBy === userId),
    notifications: notifications
      .map((n) => n.value)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    undelivered: undelivered.filter(
      (d) => d.target.kind === 'member' && d.target.userId === userId,
    ),
    chat: chat?.value,
    exportedAt: ports.clock.now(),
  };
}

export const namesInRequest = (r: HelpRequest) => [
  r.requesterId,
  r.helperId,
  r.buddyId,
  r.resolvedBy,
];

/** Every round of every program that placed the member in a group or listed them as unplaced. */
export async function roundsOf(
  ref: TeamRef,
  userId: string,
  ports: Pick<Ports, 'rounds'>,
): Promise<Round[]> {
  const lists = await Promise.all(programKinds.map((kind) => ports.rounds.list(ref, kind, ALL)));
  return lists
    .flat()
    .map((r) => r.value)
    .filter(
      (r) =>
        r.groups.some((g) => g.members.includes(userId)) || r.unplaced.some((u) => u.id === userId),
    );
}

/** Check-ins are only ever asked of people in a round's groups: one point read per such round. */
async function checkInsOf(
  ref: TeamRef,
  userId: string,
  rounds: readonly Round[],
  ports: Pick<Ports, 'checkIns'>,
): Promise<CheckIn[]> {
  const out: CheckIn[] = [];
  const placed = rounds.filter((r) => r.groups.some((g) => g.members.includes(userId)));
  for (let at = 0; at < placed.length; at += PARALLEL) {
    const found = await Promise.all(
      placed.slice(at, at + PARALLEL).map((r) => ports.checkIns.get(ref, r.id, userId)),
    );
    for (const c of found) if (c) out.push(c.value);
  }
  return out;
}

const PARALLEL = 10;
