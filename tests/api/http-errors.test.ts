import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorSchema } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import {
  call,
  startTestServer,
  storedRoster,
  teamPath,
  type ApiAnswer,
  type TestServer,
} from '../support/server';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.tokenFor({ tenantId: DEMO_TEAM.tenantId, userId: DEMO_PEOPLE[3]!.userId });
});

afterAll(async () => {
  await server?.stop();
});

async function request(path: string, options: Parameters<typeof call>[1] = {}) {
  return call(`${server.url}${path}`, options);
}

/** The error shape the tab relies on: `{ error: { code, message, field? } }`, as JSON. */
function errorOf(res: ApiAnswer) {
  expect(res.contentType).toMatch(/^application\/json/);
  return ApiErrorSchema.strict().parse(res.body).error;
}

test('/healthz answers 200 with status ok while storage answers', async () => {
  const res = await request('/healthz');

  expect(res.status).toBe(200);
  expect(res.body).toEqual({
    status: 'ok',
    mode: 'local',
    storage: 'ok',
    queue: { state: 'ok', waiting: expect.any(Number) },
  });
});

describe('bodies the server cannot use', () => {
  test('malformed JSON on a JSON POST is 400 invalid', async () => {
    const res = await request('/api/local/token', { method: 'POST', body: '{bad' });

    expect(res.status).toBe(400);
    expect(errorOf(res)).toEqual({
      code: 'invalid',
      message: 'The request body is not valid JSON.',
    });
  });

  test('malformed JSON to the signed-in API is 400 invalid too', async () => {
    const res = await request('/api/me', { method: 'POST', token, body: '{"a":' });

    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('invalid');
  });

  test('a body of the wrong shape names the field to fix', async () => {
    const res = await request('/api/local/token', { method: 'POST', body: { userId: 42 } });

    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid', field: 'userId' });
  });

  test('a user the demo directory does not know gets no token', async () => {
    const res = await request('/api/local/token', {
      method: 'POST',
      body: { userId: '00000000-0000-4000-8000-000000000999' },
    });

    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'invalid', field: 'userId' });
    expect(JSON.stringify(res.body)).not.toMatch(/"token"/);
  });

  test('a body over the local routes’ limit is 413 too_large', async () => {
    const res = await request('/api/local/token', {
      method: 'POST',
      body: { userId: DEMO_PEOPLE[0]!.userId, padding: 'x'.repeat(20 * 1024) },
    });

    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('too_large');
  });

  test('a body over the API limit (64 KiB) is 413 too_large and changes nothing', async () => {
    const ref = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
    const before = await storedRoster(server, ref);

    const res = await request(teamPath(DEMO_TEAM.teamId, '/members'), {
      method: 'POST',
      token,
      body: { department: 'x'.repeat(70 * 1024) },
    });

    expect(res.status).toBe(413);
    expect(errorOf(res).code).toBe('too_large');
    expect(await storedRoster(server, ref)).toEqual(before);
  });

  test('a body in another charset is refused', async () => {
    const res = await request('/api/local/token', {
      method: 'POST',
      body: JSON.stringify({ userId: DEMO_PEOPLE[0]!.userId }),
      headers: { 'content-type': 'application/json; charset=latin1' },
    });

    expect(res.status).toBe(415);
    expect(errorOf(res).code).toBe('invalid');
  });
});

describe('routes that do not exist', () => {
  test('an unknown /api route is a JSON 404 for a signed-in caller', async () => {
    const res = await request('/api/xyz', { token });

    expect(res.status).toBe(404);
    expect(errorOf(res)).toEqual({ code: 'not_found', message: 'There is no API route GET /xyz.' });
  });

  test('an unknown /api route asks an anonymous caller to sign in first', async () => {
    // Route names are not revealed to callers without a token.
    const res = await request('/api/xyz');

    expect(res.status).toBe(401);
    expect(errorOf(res).code).toBe('unauthorized');
  });

  test('a method the team routes do not serve is a JSON 404', async () => {
    const res = await request(teamPath(DEMO_TEAM.teamId), { method: 'DELETE', token });

    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('not_found');
  });

  test('a team id with a broken percent-escape is 400 invalid, not a server error', async () => {
    const res = await request('/api/teams/%E0%A4%A/members', { token });

    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('invalid');
  });
});

test('API answers carry nosniff and restrict framing to Teams and Microsoft 365', async () => {
  const res = await fetch(`${server.url}/api/me`);

  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(
    /frame-ancestors 'self' https:\/\/teams\.microsoft\.com /,
  );
  expect(res.headers.get('x-powered-by')).toBeNull();
});

test('no error answer carries a stack trace, a file path or an internal error name', async () => {
  const answers = [
    await request('/api/me'),
    await request('/api/me', { token: 'not-a-jwt' }),
    await request('/api/local/token', { method: 'POST', body: '{bad' }),
    await request('/api/local/token', { method: 'POST', body: { userId: ['x'] } }),
    await request('/api/local/token', { method: 'POST', body: 'x'.repeat(20 * 1024) }),
    await request('/api/me', { method: 'POST', token, body: 'y'.repeat(70 * 1024) }),
    await request(teamPath('19:nope@thread.tacv2'), { token }),
    await request(teamPath(`19:${'z'.repeat(300)}`), { token }),
    await request('/api/xyz', { token }),
    await request('/api/teams/%E0%A4%A', { token }),
    await request('/api/messages', { method: 'POST', body: '{bad' }),
  ];

  for (const res of answers) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\n\s+at |\bat [\w.<>]+ \(|node_modules|\/work\/|\.ts:\d+|\.js:\d+/);
    expect(text).not.toMatch(/SyntaxError|TypeError|URIError|RestError|ZodError|stack/i);
  }
});
