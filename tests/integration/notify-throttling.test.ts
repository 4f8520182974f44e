import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ATTEMPTS } from '../../src/core/notify/notification';
import { TEAMS_PER_CONVERSATION, type RateWindow } from '../../src/core/notify/rate-limit';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import {
  notifyHarness,
  runUntil,
  windowViolations,
  type NotifyHarness,
  type WorkerOverrides,
} from '../support/notify-harness';
import { seededRandom } from '../support/seeded-random';

// Teams throttling, against the emulator and the fake connector over real HTTP, with Teams' real
// windows (7 per second and 8 per 2 seconds per conversation).

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

/** Runs one worker until every notification is settled and nothing is left on the queue. */
async function deliverAll(h: NotifyHarness, ids: readonly string[], overrides: WorkerOverrides) {
  let statuses: Record<string, string | undefined> = {};
  await runUntil(
    h.worker(overrides),
    async () => {
      statuses = await h.settled(ids, 60_000);
      return (await h.ports.queue.depth()) === 0;
    },
    60_000,
  );
  return statuses;
}

/** Per conversation, every span of a window that held more requests than the limit allows. */
function overLimit(h: NotifyHarness, windows: readonly RateWindow[]) {
  const byConversation = new Map<string, number[]>();
  for (const r of connector.requests)
    if (r.conversationId)
      byConversation.set(r.conversationId, [...(byConversation.get(r.conversationId) ?? []), r.at]);
  const out: { conversationId: string; limit: number; windowMs: number; spanMs: number }[] = [];
  for (const [conversationId, times] of byConversation) {
    times.sort((a, b) => a - b);
    for (const { limit, windowMs } of windows)
      for (const v of windowViolations(times, limit, windowMs))
        out.push({ conversationId, limit, windowMs, spanMs: Math.round(v.spanMs) });
  }
  return out;
}

describe('a 429 storm', () => {
  it('sends every notification exactly once and honours each Retry-After for its conversation', async () => {
    const h = await notifyHarness(connector, { members: 6 });
    const random = seededRandom(7);
    // A third of the sends (not the chat openings) are throttled, each with a 1 s Retry-After.
    connector.failWhen((request) =>
      request.conversationId !== undefined && random() < 0.35
        ? { status: 429, retryAfter: 1 }
        : undefined,
    );
    const notes = [
      ...Array.from({ length: 16 }, (_, i) => h.note(`channel-${i}`)),
      ...h.roster.flatMap((_, m) => [
        h.note(`member-${m}-a`, h.toMember(m)),
        h.note(`member-${m}-b`, h.toMember(m)),
      ]),
    ];
    const ids = notes.map((n) => n.id);
    await h.services.enqueueNotifications(notes);

    const statuses = await deliverAll(h, ids, { maxAttempts: DEFAULT_MAX_ATTEMPTS });

    // Exactly once, whatever was throttled on the way.
    expect(statuses).toEqual(Object.fromEntries(ids.map((id) => [id, 'sent'])));
    expect(h.deliveries(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    const throttled = h.calls.filter((c) => c.op === 'send' && c.result.status === 429);
    expect(throttled.length).toBeGreaterThan(5);
    expect(throttled.every((t) => t.result.retryAfterMs === 1_000)).toBe(true);

    // After a 429, the worker starts no send to that conversation until Retry-After has passed.
    const early = throttled.flatMap((t) =>
      h.calls
        .filter(
          (c) =>
            c.op === 'send' &&
            c.target === t.target &&
            c.startedAt > t.endedAt &&
            c.startedAt < t.endedAt + t.result.retryAfterMs!,
        )
        .map((c) => ({ target: c.target, afterMs: Math.round(c.startedAt - t.endedAt) })),
    );
    expect(early).toEqual([]);
  });

  it("never lets what reaches Teams exceed a conversation's 7 per second or 8 per 2 seconds", async () => {
    // The gate counts a send when it lets it pass, but the request leaves after the claim's
    // round trips; each entry is re-stamped when its answer arrives (an upper bound of when
    // Teams saw it), so the spacing holds at Teams' end too.
    const h = await notifyHarness(connector);
    let sends = 0;
    // A light storm: every tenth send to the channel is throttled.
    connector.failWhen((request) =>
      request.conversationId !== undefined && ++sends % 10 === 0
        ? { status: 429, retryAfter: 1 }
        : undefined,
    );
    const notes = Array.from({ length: 30 }, (_, i) => h.note(`burst-${i}`));
    const ids = notes.map((n) => n.id);
    await h.services.enqueueNotifications(notes);

    const statuses = await deliverAll(h, ids, { maxAttempts: DEFAULT_MAX_ATTEMPTS });

    expect(statuses).toEqual(Object.fromEntries(ids.map((id) => [id, 'sent'])));
    expect(overLimit(h, TEAMS_PER_CONVERSATION)).toEqual([]);
  });
});
