import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../src/core/notify/notification';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { notifyHarness, runUntil, type NotifyHarness } from '../support/notify-harness';

// Cards replaced in place (a help request's card after each change): an update notification
// names the one that posted the message, and the worker PUTs over the activity Teams gave it.

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

async function deliver(h: NotifyHarness, notes: Notification[]) {
  await h.services.enqueueNotifications(notes);
  const ids = notes.map((n) => n.id);
  await runUntil(h.worker(), async () => {
    const statuses = await Promise.all(ids.map(h.status));
    return statuses.every((s) => s !== 'pending') && (await h.ports.queue.depth()) === 0;
  });
  return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await h.status(id)])));
}

const updateOf = (h: NotifyHarness, of: string, revision: number): Notification => ({
  ...h.note(`${of}-r${revision}`),
  message: { text: `${of} at revision ${revision}` },
  update: { of, revision },
});

describe('updating a posted card', () => {
  it('replaces the message Teams gave an id to, and skips an update older than what it shows', async () => {
    const h = await notifyHarness(connector);
    expect(await deliver(h, [h.note('card')])).toEqual({ card: 'sent' });
    const posted = connector.sentTo(h.ref.teamId)[0]!;
    const record = (await h.ports.notifications.get(h.ref, 'card'))!.value;
    expect(record).toMatchObject({ activityId: posted.id, conversationId: h.ref.teamId });

    expect(await deliver(h, [updateOf(h, 'card', 3)])).toEqual({ 'card-r3': 'sent' });
    // Revision 2 arrives late (a retry): the card already shows 3, so nothing is sent.
    expect(await deliver(h, [updateOf(h, 'card', 2)])).toEqual({ 'card-r2': 'sent' });
    expect(connector.updated.map((u) => [u.activityId, u.activity.text])).toEqual([
      [posted.id, 'card at revision 3'],
    ]);
    expect((await h.ports.notifications.get(h.ref, 'card'))!.value.shownRevision).toBe(3);
    expect(connector.sent).toHaveLength(1);
  });

  it('waits for the original to be posted before updating it', async () => {
    const h = await notifyHarness(connector);
    // The update is queued first, as when a claim comes a moment after the request.
    await h.services.enqueueNotifications([updateOf(h, 'late', 2)]);
    expect(await deliver(h, [h.note('late')])).toEqual({ late: 'sent' });
    await runUntil(h.worker(), async () => (await h.status('late-r2')) === 'sent');
    const order = connector.requests.map((r) => r.method);
    expect(order).toEqual(['POST', 'PUT']);
    expect(connector.updated[0]!.activityId).toBe(connector.sent[0]!.id);
  });

  it('drops an update of a message that was never delivered, without a request', async () => {
    const h = await notifyHarness(connector);
    connector.failNext(1, { status: 400 });
    expect(await deliver(h, [h.note('lost')])).toEqual({ lost: 'dead_letter' });
    const before = connector.requests.length;
    expect(await deliver(h, [updateOf(h, 'lost', 2)])).toEqual({ 'lost-r2': 'dropped' });
    expect(connector.requests.length).toBe(before);
  });
});
