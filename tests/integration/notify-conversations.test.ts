import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { notifyHarness, runUntil, type NotifyHarness } from '../support/notify-harness';

// Conversations Teams closes (403: the bot was removed or blocked; 404: the conversation is gone)
// and 1:1 chats the worker opens, against the emulator and the fake connector over real HTTP.

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

/** Enqueues and runs a worker until all of them are settled and the queue is empty. */
async function deliver(h: NotifyHarness, notes: ReturnType<NotifyHarness['note']>[]) {
  await h.services.enqueueNotifications(notes);
  const ids = notes.map((n) => n.id);
  await runUntil(h.worker(), async () => {
    const statuses = await Promise.all(ids.map(h.status));
    return statuses.every((s) => s !== 'pending') && (await h.ports.queue.depth()) === 0;
  });
  return Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await h.status(id)])));
}

describe('a conversation Teams closed', () => {
  it.each([403, 404])(
    '%i on the channel marks it dead; later notifications are dropped without a request; a reinstall revives it',
    async (status) => {
      const h = await notifyHarness(connector);
      connector.failNext(1, { status });

      expect(await deliver(h, [h.note('c1')])).toEqual({ c1: 'dropped' });
      expect((await h.ports.conversations.get(h.ref, 'channel'))?.value).toMatchObject({
        dead: true,
        deadReason: expect.stringContaining(`(${status})`),
      });

      expect(await deliver(h, [h.note('c2'), h.note('c3')])).toEqual({
        c2: 'dropped',
        c3: 'dropped',
      });
      expect(h.requestsTo(h.ref.teamId).map((r) => r.status)).toEqual([status]);
      expect(await h.ports.deadLetters.list(h.ref, 10)).toEqual([]);

      // The bot is added to the team again.
      await h.services.registerInstallation({
        ref: h.ref,
        name: 'Platform',
        channel: { serviceUrl: connector.url, conversationId: h.ref.teamId },
        installedBy: h.roster[0]!.userId,
        roster: h.roster,
      });
      expect(await deliver(h, [h.note('c4')])).toEqual({ c4: 'sent' });
      expect(h.requestsTo(h.ref.teamId).map((r) => r.status)).toEqual([status, 200]);
      expect(h.deliveries(['c1', 'c2', 'c3', 'c4'])).toEqual({ c1: 0, c2: 0, c3: 0, c4: 1 });
    },
  );

  it.each([403, 404])(
    "%i on a member's chat marks it dead; re-adding the member through syncRoster revives it",
    async (status) => {
      const h = await notifyHarness(connector);
      const member = h.roster[1]!;
      // Every request carrying one of this member's notifications, wherever it went.
      const toMember = () =>
        connector.requests
          .filter((r) => /^note m\d$/.test(String((r.body as { text?: string })?.text)))
          .map((r) => `${(r.body as { text: string }).text}: ${r.status}`);
      expect(await deliver(h, [h.note('m1', h.toMember(1))])).toEqual({ m1: 'sent' });
      connector.failNext(1, { status });

      expect(await deliver(h, [h.note('m2', h.toMember(1))])).toEqual({ m2: 'dropped' });
      expect(await deliver(h, [h.note('m3', h.toMember(1))])).toEqual({ m3: 'dropped' });
      // Only this member is affected: the others still get theirs.
      expect(await deliver(h, [h.note('o1', h.toMember(2))])).toEqual({ o1: 'sent' });
      expect(toMember()).toEqual(['note m1: 200', `note m2: ${status}`]);

      // The member leaves and comes back.
      await h.services.removeMembers(h.ref, [member.userId]);
      await h.services.syncRoster(h.ref, [member], { complete: false });
      expect(await deliver(h, [h.note('m4', h.toMember(1))])).toEqual({ m4: 'sent' });
      expect(toMember()).toEqual(['note m1: 200', `note m2: ${status}`, 'note m4: 200']);
      expect(h.deliveries(['m1', 'm2', 'm3', 'm4'])).toEqual({ m1: 1, m2: 0, m3: 0, m4: 1 });
      expect(h.chatOf(member)).toBeDefined();
    },
  );

  it('a member chat that answered 404 (gone) is opened afresh once the member is back', async () => {
    // After a 404 the conversation no longer exists: revival must open a new chat, not reuse
    // the remembered id (which would 404 forever).
    const h = await notifyHarness(connector);
    const member = h.roster[1]!;
    expect(await deliver(h, [h.note('g1', h.toMember(1))])).toEqual({ g1: 'sent' });
    const gone = h.chatOf(member)!;
    connector.failWhen((r) => (r.conversationId === gone ? { status: 404 } : undefined));
    expect(await deliver(h, [h.note('g2', h.toMember(1))])).toEqual({ g2: 'dropped' });

    await h.services.removeMembers(h.ref, [member.userId]);
    await h.services.syncRoster(h.ref, [member], { complete: false });

    expect(await deliver(h, [h.note('g3', h.toMember(1))])).toEqual({ g3: 'sent' });
  });
});

describe("a member's 1:1 chat", () => {
  it('is opened once per member, even for several notifications at once, and remembered', async () => {
    const h = await notifyHarness(connector);
    const member = h.roster[2]!;

    expect(
      await deliver(h, [
        h.note('p1', h.toMember(2)),
        h.note('p2', h.toMember(2)),
        h.note('p3', h.toMember(2)),
      ]),
    ).toEqual({ p1: 'sent', p2: 'sent', p3: 'sent' });
    expect(await deliver(h, [h.note('p4', h.toMember(2))])).toEqual({ p4: 'sent' });

    const opened = connector.created.filter(
      (c) => (c.parameters.members as { id: string }[])[0]!.id === member.botUserId,
    );
    expect(opened).toHaveLength(1);
    expect(opened[0]!.parameters).toMatchObject({
      isGroup: false,
      bot: { id: '28:bot' },
      tenantId: h.ref.tenantId,
    });
    const chat = opened[0]!.id;
    expect(h.requestsTo(chat).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(
      (await h.ports.conversations.get(h.ref, `member:${member.userId}`))?.value,
    ).toMatchObject({ conversationId: chat, dead: false });
  });

  it("that Teams refuses to open (403) marks that member's conversation dead and nobody else's", async () => {
    const h = await notifyHarness(connector);
    const member = h.roster[1]!;
    connector.failNext(1, { status: 403 });

    expect(await deliver(h, [h.note('q1', h.toMember(1))])).toEqual({ q1: 'dropped' });
    expect(
      (await h.ports.conversations.get(h.ref, `member:${member.userId}`))?.value,
    ).toMatchObject({ dead: true, deadReason: expect.stringContaining('(403)') });
    const before = connector.requests.length;
    expect(await deliver(h, [h.note('q2', h.toMember(1))])).toEqual({ q2: 'dropped' });
    expect(connector.requests.length).toBe(before);

    expect(await deliver(h, [h.note('q3', h.toMember(2))])).toEqual({ q3: 'sent' });
    expect(h.deliveries(['q1', 'q2', 'q3'])).toEqual({ q1: 0, q2: 0, q3: 1 });
  });
});
