import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KUDOS_LIMITS } from '../../src/core/kudos/limits';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import { buildAccount, buildTeam, type TeamFixture } from '../support/teams-activities';

/**
 * Kudos are 1:1 messages from the tenant's budget with Teams: a burst from one member, or at one
 * member, is refused with a message that says when there is room again, and sends nothing.
 */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const p = (i: number) => people[i]!;
const idOf = (i: number) => p(i).aadObjectId!;

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** A give, as fast as the API's own per-user limit (20 a second) lets it through. */
async function give(who: number, to: number[], story = 'Thanks for the pairing session.') {
  const body = { toIds: to.map(idOf), story, requestKey: `key-${randomUUID()}` };
  for (;;) {
    const res = await h.apiAs<ErrorBody>(team, p(who), '/kudos', { method: 'POST', body });
    if (res.status !== 429) return res;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const stored = () => h.server.ports.kudos.list(refOf(team), 1000);

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = Array.from({ length: 14 }, (_, i) => buildAccount({ name: `Person ${i}` }));
  expect((await h.install(team, people, p(0))).status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

test('one member cannot flood a teammate: the recipient limit refuses the burst, names them and says when', async () => {
  const sent = [];
  for (let i = 0; i < 30; i++) sent.push((await give(1, [2])).status);
  expect(sent.filter((s) => s === 201)).toHaveLength(KUDOS_LIMITS.perRecipient);
  expect(sent.slice(KUDOS_LIMITS.perRecipient).every((s) => s === 400)).toBe(true);
  const refused = await give(3, [2]);
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ code: 'invalid', field: 'toIds' });
  expect(refused.body.error.message).toMatch(/Person 2 has received 10 kudos in the last hour/);
  expect(refused.body.error.message).toMatch(/again in (an?|\d+) minutes?/);
  expect(await stored()).toHaveLength(KUDOS_LIMITS.perRecipient);

  // An hour on, there is room again.
  h.server.clock.advance(KUDOS_LIMITS.windowMs + 1000);
  expect((await give(3, [2])).status).toBe(201);
});

test('one member cannot use up the send budget across teammates: the giver limit counts each message', async () => {
  // 10 at a time to ten people: 30 messages, then the next is refused.
  const ten = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
  for (let i = 0; i < 3; i++) expect((await give(0, ten)).status).toBe(201);
  const before = (await stored()).length;
  const refused = await give(0, [1]);
  expect(refused.status).toBe(400);
  expect(refused.body.error.field).toBe('toIds');
  expect(refused.body.error.message).toMatch(
    /You have thanked 30 people in the last hour.*at most 30 kudos messages an hour.*Try again in/,
  );
  expect(await stored()).toHaveLength(before);
  // Others are not held back by one member's limit.
  expect((await give(1, [3])).status).toBe(201);
});
