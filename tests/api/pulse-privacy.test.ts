import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PULSE_ANSWERS_PATH,
  PulseResSchema,
  PulsesResSchema,
  type PulseDto,
} from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';

/**
 * The pulse's privacy over real HTTP with signed tokens: what its results count, that reading the
 * list writes nothing, and that an answer's URL names no pulse.
 */
let server: TestServer;
const ref = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
type Person = (typeof DEMO_PEOPLE)[number];
const [owner, ben, chen, dana, emeka] = DEMO_PEOPLE as unknown as [
  Person,
  Person,
  Person,
  Person,
  Person,
];
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const tokenOf = (person: { userId: string }) =>
  server.tokenFor({ tenantId: DEMO_TEAM.tenantId, userId: person.userId });

async function startPulse(minAnswers: number, days = 7): Promise<PulseDto> {
  const res = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, '/pulses')}`, {
    method: 'POST',
    token: await tokenOf(owner),
    body: { days, minAnswers },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return PulseResSchema.parse(res.body).data;
}

async function answer(person: { userId: string }, pulseId: string, value: number) {
  const res = await call(`${server.url}${PULSE_ANSWERS_PATH}`, {
    method: 'POST',
    token: await tokenOf(person),
    body: {
      teamId: DEMO_TEAM.teamId,
      pulseId,
      scores: { mistakes: value, questions: value },
      text: '',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return PulseResSchema.parse(res.body).data;
}

async function list(person: { userId: string }) {
  const res = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, '/pulses')}`, {
    token: await tokenOf(person),
  });
  expect(res.status).toBe(200);
  return PulsesResSchema.parse(res.body).data;
}

async function closeNow(pulseId: string) {
  const res = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, `/pulses/${pulseId}/close`)}`, {
    method: 'POST',
    token: await tokenOf(owner),
  });
  expect(res.status).toBe(200);
}

describe('the pulse over HTTP', () => {
  test('its minimum counts answers other than the reader’s: the runner and a colluder learn nothing of a third', async () => {
    const pulse = await startPulse(3);
    // The runner and a colluder answer 1; the person they want to expose answers 5.
    await answer(owner, pulse.id, 1);
    await answer(ben, pulse.id, 1);
    await answer(chen, pulse.id, 5);
    await closeNow(pulse.id);
    for (const reader of [owner, ben, dana]) {
      const seen = (await list(reader)).pulses.find((p) => p.id === pulse.id)!;
      expect(seen.results).toEqual({ kind: 'withheld', answered: 3, needed: 4 });
    }
  });

  test('with more answers than the minimum, every reader sees the same released results', async () => {
    const pulse = await startPulse(3);
    for (const [person, value] of [
      [owner, 1],
      [ben, 2],
      [chen, 4],
      [dana, 5],
    ] as const)
      await answer(person, pulse.id, value);
    await closeNow(pulse.id);
    const seen = (await list(emeka)).pulses.find((p) => p.id === pulse.id)!;
    expect(seen.results).toMatchObject({ kind: 'released', answered: 4 });
    expect((await list(owner)).pulses.find((p) => p.id === pulse.id)!.results).toEqual(
      seen.results,
    );
  });

  test('reading the list writes nothing: a pulse past its end reads as closed, and the scheduler closes it', async () => {
    const pulse = await startPulse(3, 1);
    await answer(ben, pulse.id, 3);
    const before = await server.ports.pulses.get(ref, pulse.id);
    server.clock.advance(DAY + 60_000);

    const seen = (await list(dana)).pulses.find((p) => p.id === pulse.id)!;
    expect(seen).toMatchObject({
      status: 'closed',
      closedAt: pulse.closesAt,
      answeredByMe: null,
      can: { answer: false, close: false },
    });
    expect(seen.results).toEqual({ kind: 'withheld', answered: 1, needed: 4 });
    // Stored as it was: same ETag, still open, its key still there.
    const after = await server.ports.pulses.get(ref, pulse.id);
    expect(after?.etag).toBe(before?.etag);
    expect(after?.value.status).toBe('open');

    // An answer after the end is refused, and a new pulse may start (that POST closes it).
    const late = await call(`${server.url}${PULSE_ANSWERS_PATH}`, {
      method: 'POST',
      token: await tokenOf(chen),
      body: { teamId: DEMO_TEAM.teamId, pulseId: pulse.id, scores: { mistakes: 2 } },
    });
    expect(late.status).toBe(409);

    await server.runDueJobs();
    const closed = await server.ports.pulses.get(ref, pulse.id);
    expect(closed?.value).toMatchObject({ status: 'closed', hashKey: '' });
    expect((await list(dana)).pulses.find((p) => p.id === pulse.id)!.results).toEqual(seen.results);
  });

  test('an answer travels in the body to one URL for every pulse; the old per-pulse URL still answers', async () => {
    const pulse = await startPulse(3);
    expect(PULSE_ANSWERS_PATH).not.toMatch(/teams|u\d{15}/);
    const answered = await answer(ben, pulse.id, 4);
    expect(answered).toMatchObject({ id: pulse.id, answeredByMe: true });

    // A bad pulse id in the body is named as the field to fix.
    const bad = await call<{ error: { field?: string } }>(`${server.url}${PULSE_ANSWERS_PATH}`, {
      method: 'POST',
      token: await tokenOf(chen),
      body: { teamId: DEMO_TEAM.teamId, pulseId: 'nope', scores: { mistakes: 2 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('pulseId');

    // Tabs loaded before the change still post to the per-pulse URL.
    const old = await call(
      `${server.url}${teamPath(DEMO_TEAM.teamId, `/pulses/${pulse.id}/answers`)}`,
      { method: 'POST', token: await tokenOf(chen), body: { scores: { mistakes: 2 } } },
    );
    expect(old.status).toBe(200);
    await closeNow(pulse.id);

    // The tab posts answers to the one URL, never to a per-pulse one.
    const page = readFileSync('src/tab/features/pulse/pulse-page.tsx', 'utf8');
    expect(page).toContain('PULSE_ANSWERS_PATH');
    expect(page).not.toMatch(/\/answers`/);
  });
});
