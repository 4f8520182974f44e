import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  KudosFeedResSchema,
  KudosResSchema,
  MyKudosResSchema,
  type KudosDto,
} from '../../src/api/contract';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import {
  buildAccount,
  buildTeam,
  membersRemovedFromTeam,
  type TeamFixture,
} from '../support/teams-activities';

/** Kudos over real HTTP with verified tokens, against the emulator. */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OLGA, ANA, BEN, CARLA, LEO] = [0, 1, 2, 3, 4];
const p = (i: number) => people[i]!;
const idOf = (i: number) => p(i).aadObjectId!;
const stranger = buildAccount({ name: 'Sam Stranger' });

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

let keys = 0;
const give = (who: ConnectorAccount, toIds: string[], story: string, requestKey?: string) =>
  api(who, 'POST', '/kudos', {
    toIds,
    story,
    requestKey: requestKey ?? `key-${randomUUID()}-${++keys}`,
  });

const feed = async (who: ConnectorAccount, query = '') => {
  const res = await api(who, 'GET', `/kudos${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return KudosFeedResSchema.parse(res.body).data;
};

const stored = () => h.server.ports.kudos.list(refOf(team), 1000);

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = ['Olga Owner', 'Ana Souza', 'Ben Okafor', 'Carla Cruz', 'Leo Leaver'].map((name) =>
    buildAccount({ name }),
  );
  expect((await h.install(team, people, p(OLGA))).status).toBe(200);
  const left = await h.send(
    membersRemovedFromTeam({
      serviceUrl: h.connector.url,
      team,
      from: p(OLGA),
      members: [p(LEO)],
    }),
  );
  expect(left.status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

describe('giving kudos', () => {
  let first: KudosDto;

  test('a member thanks two teammates with a story: 201, with everyone named', async () => {
    const res = await give(p(ANA), [idOf(BEN), idOf(CARLA)], '  Ben and Carla fixed the build.  ');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    first = KudosResSchema.parse(res.body).data;
    expect(first).toMatchObject({
      from: { id: idOf(ANA), name: 'Ana Souza' },
      to: [
        { id: idOf(BEN), name: 'Ben Okafor' },
        { id: idOf(CARLA), name: 'Carla Cruz' },
      ],
      story: 'Ben and Carla fixed the build.',
      helpRequestId: null,
    });
  });

  test('the same submit sent again answers 200 with the same kudos and stores one', async () => {
    const before = (await stored()).length;
    const once = await give(p(ANA), [idOf(CARLA)], 'Thanks for the review.', 'double-click-1');
    const twice = await give(p(ANA), [idOf(CARLA)], 'Thanks for the review.', 'double-click-1');
    expect(once.status).toBe(201);
    expect(twice.status).toBe(200);
    expect(KudosResSchema.parse(twice.body).data).toEqual(KudosResSchema.parse(once.body).data);
    expect((await stored()).length).toBe(before + 1);
    // Two submits at once also store one.
    const both = await Promise.all([
      give(p(BEN), [idOf(ANA)], 'Thanks for pairing.', 'same-time-1'),
      give(p(BEN), [idOf(ANA)], 'Thanks for pairing.', 'same-time-1'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    expect((await stored()).length).toBe(before + 2);
  });

  test('the feed lists every kudos latest first, a page at a time', async () => {
    const later = await give(p(CARLA), [idOf(OLGA)], 'Olga unblocked the release.');
    expect(later.status).toBe(201);
    const all = await feed(p(BEN));
    expect(all.kudos[0]?.story).toBe('Olga unblocked the release.');
    const times = all.kudos.map((k) => k.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.kudos.map((k) => k.story)).toContain('Ben and Carla fixed the build.');
    expect(all.next).toBeNull();

    // One at a time: following `next` walks the same list, each kudos once.
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page = await feed(
        p(BEN),
        `?limit=1${next ? `&after=${encodeURIComponent(next)}` : ''}`,
      );
      walked.push(...page.kudos.map((k) => k.id));
      next = page.next;
    } while (next);
    expect(walked).toEqual(all.kudos.map((k) => k.id));
  });

  test('my kudos: what I received and what I gave, latest first', async () => {
    const res = await api(p(BEN), 'GET', '/me/kudos');
    expect(res.status).toBe(200);
    const mine = MyKudosResSchema.parse(res.body).data;
    expect(mine.received.map((k) => k.story)).toEqual(['Ben and Carla fixed the build.']);
    expect(mine.given.map((k) => k.story)).toEqual(['Thanks for pairing.']);
    const carla = MyKudosResSchema.parse((await api(p(CARLA), 'GET', '/me/kudos')).body).data;
    expect(carla.received.map((k) => k.story)).toEqual([
      'Thanks for the review.',
      'Ben and Carla fixed the build.',
    ]);
    expect(carla.given.map((k) => k.story)).toEqual(['Olga unblocked the release.']);
  });
});

describe('refusals store nothing', () => {
  const refused = async (
    res: { status: number; body: unknown },
    status: number,
    field?: string,
  ) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const { error } = res.body as ErrorBody;
    if (field) expect(error.field).toBe(field);
    return error;
  };

  test('bad input gets 400 naming the field', async () => {
    const before = await stored();
    await refused(await give(p(ANA), [idOf(LEO)], 'Thanks, Leo.'), 400, 'toIds');
    await refused(await give(p(ANA), ['not-a-member'], 'Thanks!'), 400, 'toIds');
    await refused(await give(p(ANA), [idOf(ANA)], 'Me!'), 400, 'toIds');
    await refused(await give(p(ANA), [idOf(BEN), idOf(ANA)], 'Us!'), 400, 'toIds');
    await refused(await give(p(ANA), [], 'Nobody'), 400, 'toIds');
    await refused(await give(p(ANA), [idOf(BEN)], '   '), 400, 'story');
    const long = await refused(await give(p(ANA), [idOf(BEN)], 'x'.repeat(501)), 400, 'story');
    expect(long.message).toMatch(/500 characters/);
    await refused(
      await api(p(ANA), 'POST', '/kudos', { toIds: [idOf(BEN)], story: 'ok', requestKey: 'a/b' }),
      400,
      'requestKey',
    );
    await refused(await api(p(ANA), 'GET', '/kudos?after=../../x'), 400, 'after');
    expect(await stored()).toEqual(before);
  });

  test('a stranger and a removed member are refused', async () => {
    const before = await stored();
    for (const who of [stranger, p(LEO)]) {
      await refused(await give(who, [idOf(BEN)], 'Hello'), 403);
      await refused(await api(who, 'GET', '/kudos'), 403);
      await refused(await api(who, 'GET', '/me/kudos'), 403);
    }
    expect(await stored()).toEqual(before);
  });

  test('the personal data routes beside /me/kudos still answer', async () => {
    const res = await api(p(BEN), 'GET', '/me/data');
    expect(res.status).toBe(200);
  });
});
