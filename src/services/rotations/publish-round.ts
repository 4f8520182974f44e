import { renderGroupReason } from '../../core/rotations/pairing/group-reason';
import { conflict, notFound } from '../../core/errors';
import type { Ports } from '../../core/ports';
import { notificationId, type Notification } from '../../core/notify/notification';
import { checkInDelayDays } from '../../core/rotations/check-in';
import { defaultProgram, intervalWeeks, programLabels } from '../../core/rotations/program';
import type { Round } from '../../core/rotations/round';
import type { Member } from '../../core/team/member';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { personOf } from '../shared/people';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { scheduleJob } from '../shared/schedule-job';
import { requireOwner } from '../shared/team-access';

export const CHECK_IN_DUE = 'check-in-due';

export type PublishPorts = Pick<
  Ports,
  | 'teams'
  | 'members'
  | 'rounds'
  | 'programs'
  | 'notifications'
  | 'queue'
  | 'schedule'
  | 'clock'
  | 'messages'
>;

/** An owner publishes the draft they reviewed (at `revision`). */
export async function publishDraft(
  actor: Actor,
  teamId: string,
  roundId: string,
  revision: number,
  ports: PublishPorts,
): Promise<Round> {
  const { ref } = await requireOwner(actor, teamId, ports);
  return publishRound(ref, roundId, { revision, by: actor.userId }, ports);
}

/**
 * Publishes a round: marks it published (ETag-guarded), then puts one 1:1 notification per member
 * and a channel summary in the outbox, and files the "did you meet?" check-in. Publishing a
 * round that is already published only re-queues what is not yet sent (a retried publish), so
 * nobody hears twice.
 */
export async function publishRound(
  ref: TeamRef,
  roundId: string,
  options: { revision: number; by: string },
  ports: PublishPorts,
): Promise<Round> {
  const found = await ports.rounds.get(ref, roundId);
  if (!found) throw notFound('That round does not exist.');
  let round = found.value;
  if (round.status === 'draft') {
    if (options.revision !== round.revision)
      throw conflict('This draft changed since you loaded it; reload it and publish again.');
    const [latest] = await ports.rounds.list(ref, round.program, 1);
    if (latest && latest.value.id !== round.id)
      throw conflict('A newer round replaced this draft; reload to see it.');
    const now = ports.clock.now().toISOString();
    round = { ...round, status: 'published', publishedAt: now, publishedBy: options.by };
    round = (await ports.rounds.update(ref, round, found.etag)).value;
  }
  await notifyRound(ref, round, ports);
  return round;
}

async function notifyRound(ref: TeamRef, round: Round, ports: PublishPorts) {
  const [team, members, program] = await Promise.all([
    ports.teams.get(ref),
    ports.members.list(ref),
    ports.programs.get(ref, round.program),
  ]);
  if (!team?.value.active) return;
  const byId = new Map(members.map((m) => [m.value.userId, m.value]));
  await enqueueNotifications(roundNotifications(team.value, round, byId, ports), ports);
  const weeks = intervalWeeks(program?.value ?? defaultProgram(round.program));
  const due = new Date(Date.parse(round.publishedAt) + checkInDelayDays(weeks) * 86_400_000);
  await scheduleJob(
    {
      id: `checkin~${ref.tenantId}~${ref.teamId}~${round.id}`,
      kind: CHECK_IN_DUE,
      team: ref,
      dueAt: due.toISOString(),
      payload: { roundId: round.id },
    },
    ports,
  );
}

/** Ids `round~<round>~<member>` and `round~<round>~channel`: progress is counted by that prefix. */
export const roundNotificationPrefix = (roundId: string) => `round~${roundId}~`;

function roundNotifications(
  team: Team,
  round: Round,
  byId: ReadonlyMap<string, Member>,
  ports: Pick<Ports, 'messages' | 'clock'>,
): Notification[] {
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  const label = programLabels[round.program];
  const createdAt = ports.clock.now().toISOString();
  const out: Notification[] = [];
  for (const group of round.groups) {
    for (const userId of group.members) {
      if (!byId.get(userId)?.active) continue; // left the team since the round was made
      out.push({
        id: notificationId('round', round.id, userId),
        team: ref,
        target: { kind: 'member', userId },
        message: ports.messages.pairing({
          teamName: team.name,
          programLabel: label,
          partners: group.members.filter((id) => id !== userId).map((id) => personOf(byId.get(id))),
          reason: renderGroupReason(group.reason, (id) => personOf(byId.get(id))),
        }),
        createdAt,
      });
    }
  }
  for (const { id: userId, reason } of round.unplaced) {
    if (!byId.get(userId)?.active) continue;
    out.push({
      id: notificationId('round', round.id, userId),
      team: ref,
      target: { kind: 'member', userId },
      message: ports.messages.unplaced({ teamName: team.name, programLabel: label, reason }),
      createdAt,
    });
  }
  if (round.groups.length > 0) {
    out.push({
      id: notificationId('round', round.id, 'channel'),
      team: ref,
      target: { kind: 'channel' },
      message: ports.messages.roundSummary({
        teamName: team.name,
        programLabel: label,
        groups: round.groups.map((g) => ({
          names: g.members.map((id) => personOf(byId.get(id)).name),
        })),
        unplaced: round.unplaced.length,
      }),
      createdAt,
    });
  }
  return out;
}
