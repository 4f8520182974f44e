import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApiErrorSchema } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';

/**
 * Text that is not well-formed Unicode (a lone surrogate, which JSON's `\ud800` can carry) cannot
 * become a storage key: wherever it reaches one, the answer is a 400 that says what to fix, never
 * a bare 500, and nothing is stored.
 */
let server: TestServer;
const [ana] = [DEMO_PEOPLE[0]!];
const LONE = '\ud800';
// JSON.stringify writes a lone surrogate as the escape `\ud800`, as an attacker would send it.
const json = (value: unknown) => JSON.stringify(value);

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

test('a lone surrogate in any id that reaches a key answers 400 with what to fix', async () => {
  const token = await server.tokenFor({ tenantId: DEMO_TEAM.tenantId, userId: ana.userId });
  const team = teamPath(DEMO_TEAM.teamId);
  const requests: { method: string; path: string; body?: unknown }[] = [
    {
      method: 'POST',
      path: '/api/pulse-answers',
      body: { teamId: `t${LONE}`, pulseId: 'u000000000000000-abcdef', scores: { a: 1 } },
    },
    { method: 'POST', path: `${team}/kudos`, body: { toIds: [`x${LONE}`], story: 'Thanks.' } },
    { method: 'GET', path: `/api/teams/${encodeURIComponent('t')}%ED%A0%80/kudos` },
  ];
  for (const request of requests) {
    const res = await call(`${server.url}${request.path}`, {
      method: request.method,
      token,
      body: request.body === undefined ? undefined : json(request.body),
    });
    const what = `${request.method} ${request.path} ${json(request.body)}`;
    expect(res.status, `${what}: ${json(res.body)}`).toBe(400);
    const { error } = ApiErrorSchema.parse(res.body);
    expect(error.message, what).toMatch(/not valid|malformed/i);
  }
  expect(
    await server.ports.kudos.list({ tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId }, 100),
  ).toHaveLength(0);
});
