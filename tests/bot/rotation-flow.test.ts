import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ProgramResSchema,
  RoundResSchema,
  RoundsResSchema,
  type ProgramUpdateReq,
  type RoundDto,
} from '../../src/api/contract';
import { CHECK_IN_DUE } from '../../src/services/rotations/publish-round';
import { startBotHarness, refOf, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import { buildAccount, buildTeam, cardAction, type TeamFixture } from '../support/teams-activities';
import { until } from '../support/wait';

let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const owner = () => people[0]!;

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  // Eight people: seven take part (an odd count, so one trio), one stays paused.
  people = Array.from({ length: 8 }, (_, i) =>
    buildAccount({ name: `Person ${String.fromCharCode(65 + i)}` }),
  );
  expect((await h.install(team, people)).status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

const skillShare: ProgramUpdateReq = {
  enabled: true,
  cadence: 'weekly',
  weekday: 1,
  hour: 9,
  timeZone: 'Europe/Lisbon',
  groupSize: 2,
  preview: true,
  sprintWeeks: 2,
};

/** The 1:1 chat the worker opened with a member, if any. */
const chatWith = (account: ConnectorAccount) =>
  h.connector.created.find((c) => (c.parameters.members as { id: string }[])[0]!.id === account.id)
    ?.id;

describe('a skill-share rotation', () => {
  let draft: RoundDto;

  test('before anyone opts in, a round is empty and says nothing to anybody', async () => {
    const made = await api<unknown>(owner(), 'POST', '/programs/cross_check/rounds', {});
    expect(made.status).toBe(201);
    const round = RoundResSchema.parse(made.body).data;
    expect(round.groups).toEqual([]);
    expect(round.unplaced).toEqual([]);
  });

  test('members opt in with their skills; one pauses', async () => {
    const skills = [
      { teaches: ['SQL'], learns: ['Design'] },
      { teaches: ['Design'], learns: ['SQL'] },
      { teaches: ['Testing'], learns: ['Python'] },
      { teaches: ['Python'], learns: ['Testing'] },
      { teaches: ['Writing'], learns: [] },
      { teaches: [], learns: ['Writing'] },
      { teaches: [], learns: [] },
    ];
    for (const [i, person] of people.entries()) {
      const s = skills[i] ?? { teaches: [], learns: [] };
      const res = await api(person, 'PUT', '/profile', {
        optedIn: true,
        department: i % 2 === 0 ? 'Engineering' : 'Design',
        teaches: s.teaches.map((name) => ({ name, level: 'expert' })),
        learns: s.learns.map((name) => ({ name, level: 'beginner' })),
        ...(i === 7 ? { pausedUntil: '2999-01-01' } : {}),
      });
      expect(res.status).toBe(200);
    }
  });

  test('only an owner sets up a program or makes a round', async () => {
    const member = people[1]!;
    expect((await api(member, 'PUT', '/programs/skill_share', skillShare)).status).toBe(403);
    expect((await api(member, 'POST', '/programs/skill_share/rounds', {})).status).toBe(403);
    const saved = await api(owner(), 'PUT', '/programs/skill_share', skillShare);
    expect(saved.status).toBe(200);
    const program = ProgramResSchema.parse(saved.body).data;
    expect(program.enabled).toBe(true);
    // The first Monday 09:00 in Lisbon after the server's Wednesday 7 January 2026, 10:00.
    expect(new Date(program.nextRunAt!).toISOString()).toBe('2026-01-12T09:00:00.000Z');
  });

  test('with preview on, a round waits as a draft only the owner sees', async () => {
    const made = await api(owner(), 'POST', '/programs/skill_share/rounds', {});
    expect(made.status).toBe(201);
    draft = RoundResSchema.parse(made.body).data;
    expect(draft.status).toBe('draft');
    // Seven taking part: two pairs and one trio; the paused person is nowhere, silently.
    expect(draft.groups.map((g) => g.members.length).sort()).toEqual([2, 2, 3]);
    const placed = draft.groups.flatMap((g) => g.members.map((m) => m.id));
    expect(new Set(placed).size).toBe(7);
    expect(placed).not.toContain(people[7]!.aadObjectId);
    expect(draft.unplaced).toEqual([]);
    // Complementary skills were paired, and the reason says so.
    const sqlPair = draft.groups.find((g) =>
      g.members.some((m) => m.id === people[0]!.aadObjectId),
    );
    expect(sqlPair?.members.map((m) => m.id)).toContain(people[1]!.aadObjectId);
    expect(sqlPair?.reason).toMatch(/SQL/);

    const asMember = await api(people[2]!, 'GET', '/rounds?program=skill_share');
    expect(RoundsResSchema.parse(asMember.body).data.current).toBeNull();
    expect((await api(people[2]!, 'GET', `/rounds/${draft.id}`)).status).toBe(404);
  });

  test('a swap that would put someone in two groups, or rests on a stale draft, is refused', async () => {
    const [first, second] = draft.groups;
    const a = first!.members[0]!.id;
    const sameGroup = first!.members[1]!.id;
    const b = second!.members[0]!.id;
    const together = await api<{ error: { field: string } }>(
      owner(),
      'POST',
      `/rounds/${draft.id}/swap`,
      {
        a,
        b: sameGroup,
        revision: draft.revision,
      },
    );
    expect(together.status).toBe(400);
    expect(together.body.error.field).toBe('b');
    const stranger = await api(owner(), 'POST', `/rounds/${draft.id}/swap`, {
      a,
      b: people[7]!.aadObjectId,
      revision: draft.revision,
    });
    expect(stranger.status).toBe(400);
    const stale = await api(owner(), 'POST', `/rounds/${draft.id}/swap`, {
      a,
      b,
      revision: draft.revision - 1,
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await api(people[1]!, 'POST', `/rounds/${draft.id}/swap`, {
          a,
          b,
          revision: draft.revision,
        })
      ).status,
    ).toBe(403);

    const swapped = await api(owner(), 'POST', `/rounds/${draft.id}/swap`, {
      a,
      b,
      revision: draft.revision,
    });
    expect(swapped.status).toBe(200);
    const after = RoundResSchema.parse(swapped.body).data;
    expect(after.revision).toBe(draft.revision + 1);
    expect(after.groups[0]!.members.map((m) => m.id)).toContain(b);
    expect(after.groups[1]!.members.map((m) => m.id)).toContain(a);
    draft = after;
  });

  test('publishing notifies every paired member once and the channel once, even when retried', async () => {
    const stale = await api(owner(), 'POST', `/rounds/${draft.id}/publish`, {
      revision: draft.revision - 1,
    });
    expect(stale.status).toBe(409);
    const [first, retry] = await Promise.all([
      api(owner(), 'POST', `/rounds/${draft.id}/publish`, { revision: draft.revision }),
      api(owner(), 'POST', `/rounds/${draft.id}/publish`, { revision: draft.revision }),
    ]);
    // Two racing publishes: one wins; the other either sees it published or gets a conflict.
    expect([first.status, retry.status]).toContain(200);
    const again = await api(owner(), 'POST', `/rounds/${draft.id}/publish`, {
      revision: draft.revision,
    });
    expect(again.status).toBe(200);
    const published = RoundResSchema.parse(again.body).data;
    expect(published.status).toBe('published');
    expect(published.progress?.total).toBe(8); // seven members and the channel

    let progress = published.progress;
    await until(async () => {
      const res = await api(owner(), 'GET', `/rounds/${draft.id}`);
      progress = RoundResSchema.parse(res.body).data.progress;
      return progress?.sent === 8;
    }, 'every notification sent');
    expect(progress).toEqual({ total: 8, sent: 8, failed: 0 });

    for (const person of people.slice(0, 7)) {
      const chat = chatWith(person);
      expect(chat, person.name).toBeDefined();
      expect(h.connector.sentTo(chat!)).toHaveLength(1);
    }
    expect(chatWith(people[7]!)).toBeUndefined();
    const channel = h.connector.sentTo(team.teamId);
    expect(channel).toHaveLength(1);

    // The 1:1 card names the partner, the reason and the links to chat and to meet.
    const me = people[0]!;
    const myGroup = published.groups.find((g) => g.members.some((m) => m.id === me.aadObjectId))!;
    const card = JSON.stringify(h.connector.sentTo(chatWith(me)!)[0]!.activity);
    for (const partner of myGroup.members.filter((m) => m.id !== me.aadObjectId))
      expect(card).toContain(partner.name);
    expect(card).toContain('teams.microsoft.com/l/chat/0/0');
    expect(card).toContain('teams.microsoft.com/l/meeting/new');
  });

  test('members see their partner; past rounds list earlier publications', async () => {
    const res = await api(people[3]!, 'GET', '/rounds?program=skill_share');
    const { current } = RoundsResSchema.parse(res.body).data;
    expect(current?.id).toBe(draft.id);
    expect(current?.myGroup).not.toBeNull();
    expect(current!.groups[current!.myGroup!]!.members.map((m) => m.id)).toContain(
      people[3]!.aadObjectId,
    );
  });

  test('"did you meet?" goes to those who have not answered, and is answered in place', async () => {
    const answering = people[0]!;
    const first = await api(answering, 'PUT', `/rounds/${draft.id}/check-in`, {
      answer: 'not_yet',
    });
    expect(first.status).toBe(200);
    const before = h.connector.sent.length;
    await h.server.services.jobHandlers[CHECK_IN_DUE]!({
      id: `checkin-test-${draft.id}`,
      kind: CHECK_IN_DUE,
      team: refOf(team),
      dueAt: h.server.clock.now().toISOString(),
      payload: { roundId: draft.id },
      attempts: 0,
      lastError: '',
    });
    await until(async () => h.connector.sent.length >= before + 6, 'six check-in cards');
    await new Promise((r) => setTimeout(r, 300));
    expect(h.connector.sent.length).toBe(before + 6);
    expect(h.connector.sentTo(chatWith(answering)!)).toHaveLength(1);

    const responder = people[2]!;
    const pressed = await h.send(
      cardAction({
        serviceUrl: h.connector.url,
        tenantId: team.tenantId,
        from: responder,
        verb: 'checkIn',
        data: { teamId: team.teamId, roundId: draft.id, answer: 'met' },
      }),
    );
    expect(pressed.status).toBe(200);
    expect(pressed.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
    });
    expect(JSON.stringify(pressed.body)).toContain('Thanks, noted: We met');

    const view = RoundResSchema.parse(
      (await api(responder, 'GET', `/rounds/${draft.id}`)).body,
    ).data;
    expect(view.myCheckIn).toBe('met');
    expect(view.checkIns).toEqual({ met: 1, not_yet: 1, skipped: 0 });

    // Someone who was not in the round cannot answer for it.
    const outsider = await h.send(
      cardAction({
        serviceUrl: h.connector.url,
        tenantId: team.tenantId,
        from: people[7]!,
        verb: 'checkIn',
        data: { teamId: team.teamId, roundId: draft.id, answer: 'met' },
      }),
    );
    // Teams shows the refusal to the person who pressed; the card stays as it was.
    expect(outsider.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(/not paired in that round/),
    });
    const stored = await h.server.ports.checkIns.listForRound(refOf(team), draft.id);
    expect(stored.map((c) => c.userId).sort()).toEqual(
      [answering.aadObjectId, responder.aadObjectId].sort(),
    );
  });

  test('a draft that a newer round replaced cannot be published', async () => {
    const latest = (await h.server.ports.rounds.get(refOf(team), draft.id))!.value;
    const stale = { ...latest, id: 'skill_share-202001060900', status: 'draft' as const };
    await h.server.ports.rounds.create(refOf(team), stale);
    const res = await api<{ error: { code: string; message: string } }>(
      owner(),
      'POST',
      `/rounds/${stale.id}/publish`,
      { revision: stale.revision },
    );
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/newer round/);
    expect((await h.server.ports.rounds.get(refOf(team), stale.id))!.value.status).toBe('draft');
  });
});

describe('an empty or tiny team', () => {
  test('a team of one is told why nobody was paired', async () => {
    const solo = buildTeam();
    const only = buildAccount({ name: 'Only Person' });
    expect((await h.install(solo, [only])).status).toBe(200);
    await h.apiAs(solo, only, '/profile', { method: 'PUT', body: { optedIn: true } });
    const res = await h.apiAs(solo, only, '/programs/skill_share/rounds', {
      method: 'POST',
      body: {},
    });
    const round = RoundResSchema.parse(res.body).data;
    expect(round.groups).toEqual([]);
    expect(round.unplaced).toHaveLength(1);
    expect(round.unplaced[0]!.reason).toMatch(/nobody else/i);
  });
});
