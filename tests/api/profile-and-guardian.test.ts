import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  GuardianResSchema,
  ProfileResSchema,
  ProgramsResSchema,
  type ApiError,
} from '../../src/api/contract';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM, type DemoPerson } from '../../src/local/demo-team';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const demoRef = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
async function as<T = unknown>(
  person: Pick<DemoPerson, 'userId' | 'name'>,
  method: string,
  rest: string,
  body?: unknown,
) {
  const token = await server.tokenFor({
    tenantId: DEMO_TEAM.tenantId,
    userId: person.userId,
    name: person.name,
  });
  return call<T>(`${server.url}${teamPath(DEMO_TEAM.teamId, rest)}`, {
    method,
    token,
    ...(body === undefined ? {} : { body }),
  });
}

describe('my profile and boundaries', () => {
  const me = DEMO_PEOPLE[4]!;

  test('the seeded demo members have opted in', async () => {
    const res = await as(me, 'GET', '/profile');
    expect(res.status).toBe(200);
    const profile = ProfileResSchema.parse(res.body).data;
    expect(profile).toMatchObject({ id: me.userId, optedIn: true, pausedUntil: null });
  });

  test('a member changes only what they send, and reads it back', async () => {
    const res = await as(me, 'PUT', '/profile', {
      pausedUntil: '2027-01-31',
      quietHours: { start: '18:30', end: '08:00' },
      timeZone: 'America/Sao_Paulo',
      availabilityPerWeek: 2,
      learns: [{ name: '  Public   speaking ', level: 'beginner' }],
    });
    expect(res.status).toBe(200);
    const profile = ProfileResSchema.parse((await as(me, 'GET', '/profile')).body).data;
    expect(profile).toMatchObject({
      optedIn: true,
      pausedUntil: '2027-01-31',
      quietHours: { start: '18:30', end: '08:00' },
      timeZone: 'America/Sao_Paulo',
      availabilityPerWeek: 2,
      learns: [{ name: 'Public speaking', level: 'beginner' }],
      department: me.department,
    });
    // Resuming clears the pause; null quiet hours clear them.
    await as(me, 'PUT', '/profile', { pausedUntil: null, quietHours: null });
    const resumed = ProfileResSchema.parse((await as(me, 'GET', '/profile')).body).data;
    expect(resumed).toMatchObject({ pausedUntil: null, quietHours: null });
  });

  test('bad values are refused with the field to fix, and nothing is saved', async () => {
    const before = (await server.ports.members.get(demoRef, me.userId))!.value;
    const cases: [unknown, string][] = [
      [{ timeZone: 'Mars/Olympus', department: 'Changed' }, 'timeZone'],
      [{ availabilityPerWeek: 500 }, 'availabilityPerWeek'],
      [{ pausedUntil: 'next week' }, 'pausedUntil'],
      [{ pausedUntil: '2026-02-30' }, 'pausedUntil'],
      [{ quietHours: { start: '7pm', end: '08:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '08:00', end: '08:00' } }, 'quietHours'],
      [{ teaches: [{ name: '', level: 'expert' }] }, 'teaches'],
      [{ teaches: [{ name: 'SQL', level: 'guru' }] }, 'teaches.0.level'],
      [
        { teaches: Array.from({ length: 21 }, (_, i) => ({ name: `s${i}`, level: 'expert' })) },
        'teaches',
      ],
      [{ department: 'x'.repeat(81) }, 'department'],
    ];
    for (const [body, field] of cases) {
      const res = await as<ApiError>(me, 'PUT', '/profile', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await server.ports.members.get(demoRef, me.userId))!.value).toEqual(before);
  });

  test('someone outside the team has no profile here', async () => {
    const res = await call(`${server.url}${teamPath(DEMO_TEAM.teamId, '/profile')}`, {
      token: await server.tokenFor({
        tenantId: DEMO_TEAM.tenantId,
        userId: 'f0000000-0000-4000-8000-00000000ffff',
        name: 'Stranger',
      }),
    });
    expect(res.status).toBe(403);
  });
});

describe('programs', () => {
  test('every member sees the three programs; the seed set up skill share and blocker buddies', async () => {
    const res = await as(DEMO_PEOPLE[2]!, 'GET', '/programs');
    const programs = ProgramsResSchema.parse(res.body).data;
    expect(programs.map((p) => [p.kind, p.enabled])).toEqual([
      ['skill_share', true],
      ['cross_check', false],
      ['blocker_buddy', true],
    ]);
  });

  test('an unknown program or bad settings are refused', async () => {
    const ok = {
      enabled: true,
      cadence: 'weekly',
      weekday: 3,
      hour: 10,
      timeZone: 'UTC',
      groupSize: 2,
      preview: false,
      sprintWeeks: 2,
    };
    expect((await as(DEMO_OWNER, 'PUT', '/programs/karaoke', ok)).status).toBe(400);
    const badZone = await as<ApiError>(DEMO_OWNER, 'PUT', '/programs/cross_check', {
      ...ok,
      timeZone: 'Atlantis/Capital',
    });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.field).toBe('timeZone');
    const badSize = await as<ApiError>(DEMO_OWNER, 'PUT', '/programs/cross_check', {
      ...ok,
      groupSize: 4,
    });
    expect(badSize.status).toBe(400);
    expect(await server.ports.programs.get(demoRef, 'cross_check')).toBeUndefined();
  });
});

describe('the Culture Guardian', () => {
  test('turning the rotation on names a guardian and announces it', async () => {
    const member = DEMO_PEOPLE[3]!;
    expect((await as(member, 'PUT', '/guardian', { enabled: true, everyMonths: 1 })).status).toBe(
      403,
    );
    const res = await as(DEMO_OWNER, 'PUT', '/guardian', { enabled: true, everyMonths: 2 });
    expect(res.status).toBe(200);
    const guardian = GuardianResSchema.parse(res.body).data;
    expect(guardian.enabled).toBe(true);
    expect(guardian.current).not.toBeNull();
    const months =
      (Date.parse(guardian.current!.until) - Date.parse(guardian.current!.since)) / 86_400_000;
    expect(months).toBeGreaterThanOrEqual(59);
    expect(months).toBeLessThanOrEqual(62);
    const notes = await server.ports.notifications.listByPrefix(demoRef, 'guardian~');
    expect(notes.map((n) => n.target)).toEqual(
      expect.arrayContaining([
        { kind: 'channel' },
        { kind: 'member', userId: guardian.current!.id },
      ]),
    );
  });

  test('rotating hands the role to someone who has not served, skipping paused people', async () => {
    // Everyone but two has paused: the next guardian must be one of those two.
    const available = [DEMO_PEOPLE[6]!, DEMO_PEOPLE[9]!];
    for (const p of DEMO_PEOPLE)
      if (!available.includes(p)) await as(p, 'PUT', '/profile', { pausedUntil: '2999-12-31' });
    const served: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await as(DEMO_OWNER, 'POST', '/guardian/rotate', {});
      expect(res.status).toBe(200);
      served.push(GuardianResSchema.parse(res.body).data.current!.id);
    }
    // Least recently served first: the two alternate.
    expect(served[0]).not.toBe(served[1]);
    expect(served[2]).toBe(served[0]);
    expect(new Set(served)).toEqual(new Set(available.map((p) => p.userId)));
    for (const p of DEMO_PEOPLE) await as(p, 'PUT', '/profile', { pausedUntil: null });
  });

  test('with everyone paused, rotating explains why nobody can take the role', async () => {
    for (const p of DEMO_PEOPLE) await as(p, 'PUT', '/profile', { pausedUntil: '2999-12-31' });
    const res = await as<ApiError>(DEMO_OWNER, 'POST', '/guardian/rotate', {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/everyone is paused/);
    for (const p of DEMO_PEOPLE) await as(p, 'PUT', '/profile', { pausedUntil: null });
  });
});
