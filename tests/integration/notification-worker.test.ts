import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNotifier } from '../../bot/notifier';
import { DomainError } from '../../src/core/errors';
import type { Notification } from '../../src/core/notify/notification';
import { TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/core/notify/rate-limit';
import { createNotificationWorker } from '../../src/jobs/notify/notification-worker';
import { createServices } from '../../src/services';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import {
  localNotifier,
  notifyHarness,
  recordingNotifier,
  runUntil,
  sleep,
  type NotifierCall,
  type NotifyHarness,
} from '../support/notify-harness';
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
    createdAt: ports.clock.now().toISOString(),
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

beforeEach(() => {
  connector.clear();
});

/** True once none of `ids` is pending and no queue message (visible or hidden) is left. */
const allSettled = (h: NotifyHarness, ids: readonly string[]) => async () =>
  (await Promise.all(ids.map(h.status))).every((s) => s !== 'pending') &&
  (await h.ports.queue.depth()) === 0;

const once = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, 1]));

describe('idempotent delivery', () => {
  it('the same notification enqueued many times, one after another and at once, is sent once', async () => {
    const h = await notifyHarness(connector);
    const note = h.note('dup', h.toMember(1));
    let created = 0;
    for (let i = 0; i < 3; i++) created += await h.services.enqueueNotifications([note]);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => h.services.enqueueNotifications([note])),
    );
    created += concurrent.reduce((a, b) => a + b, 0);
    expect(created).toBe(1);
    expect(await h.ports.queue.depth()).toBe(8);

    // Copies a worker holds back come back after its claim time, then find it sent.
    await runUntil(h.worker({ claimMs: 1_000 }), allSettled(h, ['dup']));

    expect(h.deliveries(['dup'])).toEqual({ dup: 1 });
    expect((await h.ports.notifications.get(h.ref, 'dup'))?.value).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
  });

  it('enqueueing a notification after it was sent queues nothing and sends nothing', async () => {
    const h = await notifyHarness(connector);
    await h.services.enqueueNotifications([h.note('late')]);
    await runUntil(h.worker(), allSettled(h, ['late']));
    expect(await h.status('late')).toBe('sent');

    expect(await h.services.enqueueNotifications([h.note('late')])).toBe(0);
    expect(await h.ports.queue.depth()).toBe(0);
    expect(await h.worker().drainOnce()).toBe(0);
    expect(h.deliveries(['late'])).toEqual({ late: 1 });
  });

  it('a stale-ETag update of a notification record is a conflict and changes nothing', async () => {
    const h = await notifyHarness(connector);
    const { record } = await h.ports.notifications.record(h.note('etag'));
    const current = await h.ports.notifications.update(
      { ...record.value, attempts: 1, lastError: 'first writer' },
      record.etag,
    );

    const stale = h.ports.notifications.update(
      { ...record.value, status: 'sent', lastError: 'second writer' },
      record.etag,
    );

    await expect(stale).rejects.toBeInstanceOf(DomainError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    expect(await h.ports.notifications.get(h.ref, 'etag')).toEqual(current);
  });
});

describe('a worker that stops or dies', () => {
  it('one that claimed a notification and died without settling: a new worker sends it once, after the claim expires', async () => {
    const h = await notifyHarness(connector);
    await h.services.enqueueNotifications([h.note('held'), h.note('taken')]);
    // The dead worker received both (hidden for 1 s), claimed one for 3 s, and never came back.
    const received = await h.ports.queue.receive(32, 1_000);
    expect(received).toHaveLength(2);
    const found = (await h.ports.notifications.get(h.ref, 'held'))!;
    const claimedUntil = h.ports.clock.now().getTime() + 3_000;
    await h.ports.notifications.update(
      {
        ...found.value,
        attempts: found.value.attempts + 1,
        claimedUntil: new Date(claimedUntil).toISOString(),
      },
      found.etag,
    );

    await runUntil(h.worker({ claimMs: 1_000 }), allSettled(h, ['held', 'taken']));

    expect(h.deliveries(['held', 'taken'])).toEqual(once(['held', 'taken']));
    const sends = h.requestsTo(h.ref.teamId);
    const heldSend = sends.find((r) => (r.body as { text: string }).text === 'note held')!;
    expect(heldSend.at).toBeGreaterThanOrEqual(claimedUntil);
    expect((await h.ports.notifications.get(h.ref, 'held'))?.value).toMatchObject({
      status: 'sent',
      attempts: 2,
      claimedUntil: '',
    });
    expect((await h.ports.notifications.get(h.ref, 'taken'))?.value.attempts).toBe(1);
  });

  it('one stopped in the middle of a batch loses nothing: a new worker sends the rest, each once', async () => {
    const h = await notifyHarness(connector, { members: 6 });
    // The channel takes at most 8 per 2 s, so twenty of them keep a worker busy for seconds.
    const notes = [
      ...Array.from({ length: 20 }, (_, i) => h.note(`c${i}`)),
      ...h.roster.map((_, m) => h.note(`m${m}`, h.toMember(m))),
    ];
    const ids = notes.map((n) => n.id);
    await h.services.enqueueNotifications(notes);

    const first = h.worker();
    first.start();
    while (connector.sent.length < 5) await sleep(20);
    await first.stop();
    const afterFirst = (await Promise.all(ids.map(h.status))).filter((s) => s === 'sent').length;
    expect(afterFirst).toBeGreaterThanOrEqual(5);
    expect(afterFirst).toBeLessThan(ids.length);

    await runUntil(h.worker(), allSettled(h, ids));

    expect(h.deliveries(ids)).toEqual(once(ids));
    expect(new Set(await Promise.all(ids.map(h.status)))).toEqual(new Set(['sent']));
  });

  it('two workers on the same queue, each holding a copy of every notification at once, send each once', async () => {
    const h = await notifyHarness(connector, { members: 5 });
    const notes = [
      ...Array.from({ length: 6 }, (_, i) => h.note(`c${i}`)),
      ...h.roster.flatMap((_, m) => [
        h.note(`a${m}`, h.toMember(m)),
        h.note(`b${m}`, h.toMember(m)),
      ]),
    ];
    const ids = notes.map((n) => n.id);
    await h.services.enqueueNotifications(notes);
    await h.services.enqueueNotifications(notes);
    expect(await h.ports.queue.depth()).toBe(2 * ids.length);

    // Room for all sixteen in each, so one takes the first copies and the other the second ones,
    // and both race for every notification.
    const calls: NotifierCall[][] = [[], []];
    const workers = calls.map((mine) =>
      h.worker({
        claimMs: 1_000,
        concurrency: ids.length,
        notifier: recordingNotifier(localNotifier(), mine),
      }),
    );
    await Promise.all(workers.map((w) => runUntil(w, allSettled(h, ids))));

    expect(h.deliveries(ids)).toEqual(once(ids));
    expect(new Set(await Promise.all(ids.map(h.status)))).toEqual(new Set(['sent']));
    // Which worker wins each race depends on timing (after a restart both first wait out the
    // tenant window), so only the total is fixed: every send came from one of the two.
    expect(calls.flat().filter((c) => c.op === 'send')).toHaveLength(ids.length);
  });
});
