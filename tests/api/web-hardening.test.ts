import { afterAll, beforeAll, expect, test } from 'vitest';
import { request as httpRequest } from 'node:http';
import { ApiErrorSchema } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';

/**
 * Web hardening over real HTTP: the security headers on the tab and the API, the per-user rate
 * limit (here lowered to 5 a minute), and body limits, with nothing stored by a refused request.
 */
let server: TestServer;
const [ana, ben] = [DEMO_PEOPLE[0]!, DEMO_PEOPLE[1]!];
const ref = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };

beforeAll(async () => {
  server = await startTestServer({ API_RATE_PER_USER: '5/1m' });
});

afterAll(async () => {
  await server?.stop();
});

const tokenOf = (userId: string) => server.tokenFor({ tenantId: DEMO_TEAM.tenantId, userId });

test('pages and API answers carry a strict content security policy and no HSTS on plain http', async () => {
  for (const path of ['/', '/api/me']) {
    const res = await fetch(`${server.url}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toContain('https://teams.microsoft.com');
    expect(directives.get('frame-ancestors')).not.toContain('*');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  }
});

test('past the per-user limit a caller gets 429 with Retry-After, nothing runs, and others are unaffected', async () => {
  const token = await tokenOf(ana.userId);
  for (let i = 0; i < 5; i++)
    expect((await call(`${server.url}/api/me`, { token })).status).toBe(200);
  const refused = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, '/compact/proposals')}`, {
    method: 'POST',
    token,
    body: { kind: 'add', text: 'We flood the API.', reason: 'To test the limit.' },
  });
  expect(refused.status).toBe(429);
  expect(ApiErrorSchema.parse(refused.body).error.code).toBe('rate_limited');
  expect((await server.ports.proposals.list(ref)).length).toBe(0);
  const res = await fetch(`${server.url}/api/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);

  // Another member has their own allowance.
  expect((await call(`${server.url}/api/me`, { token: await tokenOf(ben.userId) })).status).toBe(
    200,
  );
});

test('an oversized body is refused with 413 before any use case runs', async () => {
  const res = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, '/compact/proposals')}`, {
    method: 'POST',
    token: await tokenOf(ben.userId),
    body: { kind: 'add', text: 'x'.repeat(80 * 1024), reason: 'Too big' },
  });
  expect(res.status).toBe(413);
  expect(ApiErrorSchema.parse(res.body).error.code).toBe('too_large');
  expect((await server.ports.proposals.list(ref)).length).toBe(0);
});

/** A raw HTTP request with the `Host` header of our choice (fetch does not let a page set it). */
function rawRequest(
  path: string,
  options: { host: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const target = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers: { ...options.headers, host: options.host },
        setHost: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

test('local mode answers only requests addressed to loopback: a DNS-rebinding page gets 421 on every route', async () => {
  const port = new URL(server.url).port;
  const token = await tokenOf(ana.userId);
  const routes: {
    path: string;
    method: string;
    headers?: Record<string, string>;
    body?: string;
  }[] = [
    { path: '/', method: 'GET' },
    { path: '/api/local/users', method: 'GET' },
    { path: '/api/local/sandbox/messages', method: 'GET' },
    {
      path: '/api/local/token',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: ana.userId }),
    },
    { path: '/api/me', method: 'GET', headers: { authorization: `Bearer ${token}` } },
    {
      path: '/api/messages',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', channelId: 'msteams', text: 'hi' }),
    },
    { path: '/local/connector/v3/conversations', method: 'POST' },
  ];
  for (const hostile of [
    `evil.example:${port}`,
    'evil.example',
    `localhost.evil.example:${port}`,
  ]) {
    for (const route of routes) {
      const answer = await rawRequest(route.path, { ...route, host: hostile });
      expect(answer.status, `${route.method} ${route.path} as ${hostile}`).toBe(421);
      expect(answer.body).not.toMatch(/eyJ/); // no token minted
      expect(ApiErrorSchema.parse(JSON.parse(answer.body)).error.message).toMatch(/localhost/);
    }
  }
  // A loopback name on the listening port still works, by every name loopback goes by.
  for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `LOCALHOST:${port}`]) {
    const answer = await rawRequest('/api/local/token', {
      host,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: ana.userId }),
    });
    expect(answer.status, host).toBe(200);
  }
  // Loopback by name, but another port (a page on another local server rebinding to this one).
  expect((await rawRequest('/api/local/users', { host: 'localhost:1' })).status).toBe(421);
});

test('an API body in UTF-16 is refused with 415 and stores nothing; UTF-8 said outright still works', async () => {
  const token = await tokenOf(ben.userId);
  const body = JSON.stringify({ kind: 'add', text: 'Sent as UTF-16.', reason: 'Charset test.' });
  const before = (await server.ports.proposals.list(ref)).length;
  const res = await fetch(`${server.url}${teamPath(DEMO_TEAM.teamId, '/compact/proposals')}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json; charset=utf-16le',
    },
    body: Buffer.from(body, 'utf16le'),
  });
  expect(res.status).toBe(415);
  expect(ApiErrorSchema.parse(await res.json()).error.message).toMatch(/UTF-8/);
  expect((await server.ports.proposals.list(ref)).length).toBe(before);
  const utf8 = await fetch(`${server.url}/api/local/users`, {
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  });
  expect(utf8.status).toBe(200);
});
