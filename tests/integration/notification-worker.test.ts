import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifier } from '../../bot/notifier';
import type { Notification } from '../../src/core/notify/notification';
import { TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/core/notify/rate-limit';
import { createNotificationWorker } from '../../src/jobs/notification-worker';
import { createServices } from '../../src/services';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { freshStorage } from '../support/storage';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});

async function setup() {
  const { ports } = await freshStorage();
  const services = createServices(ports);
  const ref = buildTeamRef();
  const roster = Array.from({ length: 3 }, () => buildRosterEntry());
  await services.registerInstallation({
    ref,
    name: 'Platform',
    channel: { serviceUrl: connector.url, conversationId: ref.teamId },
    installedBy: roster[0]!.userId,
    roster,
  });
  const worker = createNotificationWorker({
    ports,
    notifier: createNotifier({
      appId: '',
      appPassword: '',
      appType: 'MultiTenant',
      tenantId: '',
      botId: '28:bot',
    }),
    limits: { perConversation: TEAMS_PER_CONVERSATION, perTenant: TEAMS_PER_TENANT },
    maxAttempts: 3,
    concurrency: 8,
    claimMs: 30_000,
    idleMs: 50,
    random: () => 0.5,
    log: () => {},
  });
  const note = (id: string, target: Notification['target']): Notification => ({
    id,
    team: ref,
    target,
    message: { text: `hello ${id}` },
    createdAt: new Date().toISOString(),
  });
  return { ports, services, ref, roster, worker, note };
}

describe('the notification worker', () => {
  it('sends each queued notification once, to the channel and to 1:1 chats', async () => {
    const { services, ref, roster, worker, note, ports } = await setup();
    await services.enqueueNotifications([
      note('n1', { kind: 'channel' }),
      note('n2', { kind: 'member', userId: roster[1]!.userId }),
      note('n1', { kind: 'channel' }),
    ]);
    await services.enqueueNotifications([note('n1', { kind: 'channel' })]);
    while ((await worker.drainOnce()) > 0);
    expect(connector.sentTo(ref.teamId).map((s) => s.activity.text)).toEqual(['hello n1']);
    expect(connector.created).toHaveLength(1);
    expect((await ports.notifications.get(ref, 'n2'))?.value.status).toBe('sent');
  });
});
