import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector, type Failure } from '../support/fake-connector';
import {
  localNotifier,
  notifyHarness,
  recordingNotifier,
  runUntil,
  type NotifyHarness,
} from '../support/notify-harness';

// How the worker treats each answer Teams can give, against the emulator and the fake connector
// over real HTTP. Each test sends one notification to the team channel, so the first request the
// connector sees is its first attempt.

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});
beforeEach(() => {
  connector.clear();
});

async function sendOne(h: NotifyHarness, id: string, overrides = {}) {
  await h.services.enqueueNotifications([h.note(id)]);
  await runUntil(
    h.worker(overrides),
    async () => (await h.status(id)) !== 'pending' && (await h.ports.queue.depth()) === 0,
  );
  return (await h.ports.notifications.get(h.ref, id))!.value;
}

describe('a retryable answer', () => {
  const retryable: [string, Failure][] = [
    ['412', { status: 412 }],
    ['502', { status: 502 }],
    ['503', { status: 503 }],
    ['504', { status: 504 }],
    ['a dropped connection', { status: 0, connection: 'drop' }],
    ['no answer at all', { status: 0, connection: 'hang' }],
  ];

  it.each(retryable)('%s is retried after a backoff and then sent once', async (_name, failure) => {
    const h = await notifyHarness(connector);
    connector.failNext(1, failure);
    // A notifier that gives up on a silent connector quickly.
    const notifier = recordingNotifier(localNotifier(300), h.calls);

    const record = await sendOne(h, 'r1', { notifier });

    const attempts = h.requestsTo(h.ref.teamId);
    expect(attempts.map((r) => r.status)).toEqual([failure.connection ? 0 : failure.status, 200]);
    expect(record).toMatchObject({ status: 'sent', attempts: 2 });
    expect(h.deliveries(['r1'])).toEqual({ r1: 1 });
    expect(await h.ports.deadLetters.list(h.ref, 10)).toEqual([]);
    // Backoff with jitter: at least half a second between the two attempts.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(500);
  });

  it('that keeps coming is parked in the dead-letter list after maxAttempts tries', async () => {
    const h = await notifyHarness(connector);
    connector.failNext(3, { status: 503 });

    const record = await sendOne(h, 'r2', { maxAttempts: 3 });

    expect(h.requestsTo(h.ref.teamId).map((r) => r.status)).toEqual([503, 503, 503]);
    expect(record).toMatchObject({ status: 'dead_letter', attempts: 3 });
    expect(await h.ports.deadLetters.list(h.ref, 10)).toEqual([
      expect.objectContaining({
        notificationId: 'r2',
        attempts: 3,
        reason: 'gave up after 3 tries: transient failure (503)',
        summary: 'note r2',
      }),
    ]);
  });
});

describe('a non-retryable 4xx', () => {
  it.each([400, 401, 409, 413])(
    '%i is not retried: it lands in the dead-letter list after exactly one attempt',
    async (status) => {
      const h = await notifyHarness(connector);
      connector.failNext(1, { status });

      const record = await sendOne(h, 'x1');

      expect(h.requestsTo(h.ref.teamId).map((r) => r.status)).toEqual([status]);
      expect(record).toMatchObject({ status: 'dead_letter', attempts: 1 });
      expect(await h.ports.deadLetters.list(h.ref, 10)).toEqual([
        expect.objectContaining({
          notificationId: 'x1',
          attempts: 1,
          reason: `rejected by Teams (${status})`,
          target: { kind: 'channel' },
        }),
      ]);
      // Nothing is waiting to try again.
      expect(await h.ports.queue.depth()).toBe(0);
    },
  );
});
