import { randomBytes } from 'node:crypto';
import type { TeamRef } from '../../src/core/team/team';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { createTableStorage } from '../../src/store';
import { tablePorts, type TestClock } from './storage';

export interface ServerStorage {
  /** The storage the server under test uses (its AZURE_STORAGE_CONNECTION_STRING). */
  connectionString: string;
  /** Its STORAGE_TABLE_PREFIX. */
  tablePrefix: string;
  /** The time the server runs on, so what is parked is dated as the server would date it. */
  clock?: TestClock;
}

/**
 * Leaves a notification in the dead-letter table exactly as the worker does after giving up on
 * it (recorded, then parked), so tab and API tests can show, retry and discard a real entry.
 * Returns the notification id.
 */
export async function parkTestNotification(
  server: ServerStorage,
  opts: { summary: string; team?: TeamRef; userId?: string },
): Promise<string> {
  const storage = createTableStorage(server);
  const ports = tablePorts(storage, server.clock);
  const team = opts.team ?? { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
  const id = `test~${randomBytes(4).toString('hex')}`;
  const target = { kind: 'member' as const, userId: opts.userId ?? DEMO_PEOPLE[1]!.userId };
  const { record } = await ports.notifications.record({
    id,
    team,
    target,
    message: { text: opts.summary },
    createdAt: ports.clock.now().toISOString(),
  });
  const reason = 'rejected by Teams (400)';
  await ports.deadLetters.add({
    team,
    notificationId: id,
    target,
    summary: opts.summary,
    reason,
    attempts: 1,
    failedAt: ports.clock.now().toISOString(),
  });
  await ports.notifications.update(
    { ...record.value, status: 'dead_letter', attempts: 1, lastError: reason },
    record.etag,
  );
  return id;
}
