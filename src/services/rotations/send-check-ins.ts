import type { Ports } from '../../core/ports';
import { notificationId, type Notification } from '../../core/notify/notification';
import { programLabels } from '../../core/rotations/program';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { personOf } from '../shared/people';

/**
 * The scheduler's job after a round: asks each paired member who has not answered yet "did you
 * meet?", 1:1, with a card they can answer in place.
 */
export async function sendCheckIns(
  job: ScheduledJob,
  ports: Pick<
    Ports,
    'teams' | 'members' | 'rounds' | 'checkIns' | 'notifications' | 'queue' | 'clock' | 'messages'
  >,
): Promise<void> {
  const roundId = String(job.payload.roundId ?? '');
  const team = await ports.teams.get(job.team);
  if (!team?.value.active) return;
  const round = (await ports.rounds.get(job.team, roundId))?.value;
  if (!round || round.status !== 'published') return;
  const [members, answers] = await Promise.all([
    ports.members.list(job.team),
    ports.checkIns.listForRound(job.team, roundId),
  ]);
  const byId = new Map(members.map((m) => [m.value.userId, m.value]));
  const answered = new Set(answers.map((a) => a.userId));
  const createdAt = ports.clock.now().toISOString();
  const notifications: Notification[] = [];
  for (const group of round.groups) {
    for (const userId of group.members) {
      if (answered.has(userId) || !byId.get(userId)?.active) continue;
      notifications.push({
        id: notificationId('checkin', round.id, userId),
        team: job.team,
        target: { kind: 'member', userId },
        message: ports.messages.checkIn({
          teamId: job.team.teamId,
          roundId: round.id,
          programLabel: programLabels[round.program],
          partners: group.members.filter((id) => id !== userId).map((id) => personOf(byId.get(id))),
        }),
        createdAt,
      });
    }
  }
  await enqueueNotifications(notifications, ports);
}
