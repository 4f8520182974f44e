import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DeadLetterActionResSchema, DeadLettersResSchema } from '../../src/api/contract';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM, type DemoPerson } from '../../src/local/demo-team';
import { parkTestNotification } from '../support/notify';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';
import { waitFor } from '../support/wait';

// The owner's undelivered-notifications list over HTTP, against the real server in local mode: its
// worker sends what is retried through the local connector, into the sandbox.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const demoRef = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const member = DEMO_PEOPLE[1]!;
const tokenOf = (person: Pick<DemoPerson, 'userId' | 'name'>) =>
  server.tokenFor({ tenantId: DEMO_TEAM.tenantId, userId: person.userId, name: person.name });
const park = (summary: string, userId = member.userId) =>
  parkTestNotification(
    {
      connectionString: inject('storageConnectionString'),
      tablePrefix: server.tablePrefix,
      clock: server.clock,
    },
    { summary, userId },
  );
const path = (rest = '') => teamPath(DEMO_TEAM.teamId, `/dead-letters${rest}`);
const entry = (id: string) => `/${encodeURIComponent(id)}`;

async function list(person: Pick<DemoPerson, 'userId' | 'name'> = DEMO_OWNER) {
  const res = await call(`${server.url}${path()}`, { token: await tokenOf(person) });
  expect(res.status).toBe(200);
  return DeadLettersResSchema.parse(res.body).data;
}
const act = async (
  method: 'POST' | 'DELETE',
  id: string,
  person: Pick<DemoPerson, 'userId' | 'name'> = DEMO_OWNER,
) =>
  call(`${server.url}${path(entry(id) + (method === 'POST' ? '/retry' : ''))}`, {
    method,
    token: await tokenOf(person),
  });
const statusOf = async (id: string) =>
  (await server.ports.notifications.get(demoRef, id))?.value.status;

async function sandboxTexts() {
  const res = await call<{ data: { text: string; conversationLabel: string }[] }>(
    `${server.url}/api/local/sandbox/messages`,
  );
  expect(res.status).toBe(200);
  return res.body.data;
}

describe("the owner's undelivered notifications", () => {
  test('lists what the worker gave up on, with the recipient, the reason and the attempts', async () => {
    const first = await park('Your pairing with Ana this week');
    const second = await park('Your pairing with Chen this week', DEMO_PEOPLE[2]!.userId);

    const entries = await list();

    const ours = entries.filter((e) => e.notificationId === first || e.notificationId === second);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(
      expect.arrayContaining([
        {
          notificationId: first,
          recipient: member.name,
          summary: 'Your pairing with Ana this week',
          reason: 'rejected by Teams (400)',
          attempts: 1,
          failedAt: expect.any(String),
        },
        expect.objectContaining({ notificationId: second, recipient: DEMO_PEOPLE[2]!.name }),
      ]),
    );
    // Newest first.
    const failedAt = entries.map((e) => e.failedAt);
    expect(failedAt).toEqual([...failedAt].sort().reverse());
  });

  test('retry sends it again through the worker: it leaves the list and reaches the chat', async () => {
    const summary = `Retry me ${randomUUID()}`;
    const id = await park(summary);

    const res = await act('POST', id);

    expect(res.status).toBe(200);
    expect(DeadLetterActionResSchema.parse(res.body).data).toEqual({ notificationId: id });
    expect((await list()).map((e) => e.notificationId)).not.toContain(id);
    const delivered = await waitFor('the retried message in the sandbox', async () =>
      (await sandboxTexts()).find((m) => m.text === summary),
    );
    expect(delivered.conversationLabel).toBe(`Chat with ${member.name}`);
    expect(await statusOf(id)).toBe('sent');
    await waitFor('the queue to empty', async () =>
      (await server.ports.queue.depth()) === 0 ? true : undefined,
    );
    expect((await sandboxTexts()).filter((m) => m.text === summary)).toHaveLength(1);
  });

  test('discard removes it for good: it leaves the list and is never sent', async () => {
    const summary = `Discard me ${randomUUID()}`;
    const id = await park(summary);

    const res = await act('DELETE', id);

    expect(res.status).toBe(200);
    expect(DeadLetterActionResSchema.parse(res.body).data).toEqual({ notificationId: id });
    expect((await list()).map((e) => e.notificationId)).not.toContain(id);
    expect(await statusOf(id)).toBe('dropped');
    expect(await server.ports.queue.depth()).toBe(0);
    expect((await sandboxTexts()).map((m) => m.text)).not.toContain(summary);
  });

  test('a member may not list, retry or discard (403), and nothing changes', async () => {
    const summary = `Owners only ${randomUUID()}`;
    const id = await park(summary);
    const before = await list();

    const listed = await call(`${server.url}${path()}`, { token: await tokenOf(member) });
    const retried = await act('POST', id, member);
    const discarded = await act('DELETE', id, member);

    expect([listed.status, retried.status, discarded.status]).toEqual([403, 403, 403]);
    expect(listed.body).not.toHaveProperty('data');
    expect(await list()).toEqual(before);
    expect(await statusOf(id)).toBe('dead_letter');
    expect(await server.ports.queue.depth()).toBe(0);
    expect((await sandboxTexts()).map((m) => m.text)).not.toContain(summary);
  });

  test('an unknown id is 404 for retry and discard, and nothing changes', async () => {
    const id = await park(`Still here ${randomUUID()}`);
    const before = await list();

    const retried = await act('POST', 'test~no-such-entry');
    const discarded = await act('DELETE', 'test~no-such-entry');

    expect([retried.status, discarded.status]).toEqual([404, 404]);
    expect(await list()).toEqual(before);
    expect(before.map((e) => e.notificationId)).toContain(id);
    expect(await server.ports.queue.depth()).toBe(0);
  });

  test('an entry already retried is gone: retrying or discarding it again is 404', async () => {
    const id = await park(`Once only ${randomUUID()}`);
    expect((await act('POST', id)).status).toBe(200);

    expect((await act('POST', id)).status).toBe(404);
    expect((await act('DELETE', id)).status).toBe(404);
  });
});
