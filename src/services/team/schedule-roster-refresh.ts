import type { Ports } from '../../core/ports';
import type { TeamRef } from '../../core/team/team';
import { scheduleJob } from '../shared/schedule-job';

export const ROSTER_REFRESH = 'roster-refresh';
const DAY_MS = 24 * 3_600_000;

/**
 * Membership events can be missed (an outage, a throttled delivery), so each team's roster is
 * also read again from Teams once a day. One job per team per day; the id makes that so.
 */
export async function scheduleRosterRefresh(
  team: TeamRef,
  ports: Pick<Ports, 'schedule' | 'clock'>,
): Promise<void> {
  const due = new Date(ports.clock.now().getTime() + DAY_MS);
  await scheduleJob(
    {
      id: `roster~${team.tenantId}~${team.teamId}~${due.toISOString().slice(0, 10)}`,
      kind: ROSTER_REFRESH,
      team,
      dueAt: due.toISOString(),
      payload: {},
    },
    ports,
  );
}
