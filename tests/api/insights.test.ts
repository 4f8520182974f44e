import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { InsightSettingsResSchema, InsightsResSchema, type ApiError } from '../../src/api/contract';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';
import { guid } from '../support/tokens';

let server: TestServer;
const ref = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const guardian = DEMO_PEOPLE[2]!;
const member = DEMO_PEOPLE[3]!;

beforeAll(async () => {
  server = await startTestServer();
  const now = server.clock.now().getTime();
  await server.ports.guardians.addTerm(ref, {
    userId: guardian.userId,
    since: new Date(now - 86_400_000).toISOString(),
    until: new Date(now + 30 * 86_400_000).toISOString(),
  });
});

afterAll(async () => {
  await server?.stop();
});

async function as<T = unknown>(
  userId: string,
  method: string,
  rest: string,
  body?: unknown,
  tenantId = DEMO_TEAM.tenantId,
) {
  const token = await server.tokenFor({ tenantId, userId, name: 'Someone' });
  return call<T>(`${server.url}${teamPath(DEMO_TEAM.teamId, rest)}`, {
    method,
    token,
    ...(body === undefined ? {} : { body }),
  });
}

describe('the Insights page over HTTP', () => {
  test('an owner and the Culture Guardian see it, for each period', async () => {
    for (const who of [DEMO_OWNER, guardian])
      for (const period of ['4w', '12w', 'quarter']) {
        const res = await as(who.userId, 'GET', `/insights?period=${period}`);
        expect(res.status).toBe(200);
        const data = InsightsResSchema.parse(res.body).data;
        expect(data.period.key).toBe(period);
        // Everyone active is listed, by name.
        const names = data.members.map((m) => m.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
        expect(names).toContain(member.name);
        expect(data.openBlockers.byAge.map((b) => b.label)).toEqual([
          'Under 1 day',
          '1–3 days',
          '3–7 days',
          'Over a week',
        ]);
      }
  });

  test('a member is told who insights are for', async () => {
    const res = await as<ApiError>(member.userId, 'GET', '/insights?period=4w');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      "Insights are for the team's owners and its Culture Guardian.",
    );
  });

  test('someone outside the team, or from another tenant, is refused', async () => {
    expect((await as(guid(), 'GET', '/insights?period=4w')).status).toBe(403);
    expect(
      (await as(DEMO_OWNER.userId, 'GET', '/insights?period=4w', undefined, guid())).status,
    ).toBe(404);
    expect((await as(guid(), 'GET', '/insight-settings')).status).toBe(403);
  });

  test('a missing or unknown period is a 400 naming it', async () => {
    for (const query of ['', '?period=year', '?period=4W']) {
      const res = await as<ApiError>(DEMO_OWNER.userId, 'GET', `/insights${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('period');
    }
  });
});

describe('the helper-load settings over HTTP', () => {
  test('an owner reads the defaults and saves new values', async () => {
    const before = await as(DEMO_OWNER.userId, 'GET', '/insight-settings');
    expect(InsightSettingsResSchema.parse(before.body).data).toEqual({
      helperLoadPercent: 40,
      helperLoadMinRequests: 5,
    });
    const saved = await as(DEMO_OWNER.userId, 'PUT', '/insight-settings', {
      helperLoadPercent: 60,
      helperLoadMinRequests: 8,
    });
    expect(saved.status).toBe(200);
    const after = await as(DEMO_OWNER.userId, 'GET', '/insight-settings');
    expect(InsightSettingsResSchema.parse(after.body).data).toEqual({
      helperLoadPercent: 60,
      helperLoadMinRequests: 8,
    });
  });

  test('out-of-bounds values are a 400 naming the field, and nothing is saved', async () => {
    const cases: [unknown, string][] = [
      [{ helperLoadPercent: 5, helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 95, helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 40, helperLoadMinRequests: 0 }, 'helperLoadMinRequests'],
      [{ helperLoadPercent: 40, helperLoadMinRequests: 500 }, 'helperLoadMinRequests'],
      [{ helperLoadPercent: '40', helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 40 }, 'helperLoadMinRequests'],
    ];
    const before = (await server.ports.insights.settings(ref))?.value;
    for (const [body, field] of cases) {
      const res = await as<ApiError>(DEMO_OWNER.userId, 'PUT', '/insight-settings', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await server.ports.insights.settings(ref))?.value).toEqual(before);
  });

  test('the guardian and members read them but may not change them', async () => {
    const owners = InsightSettingsResSchema.parse(
      (await as(DEMO_OWNER.userId, 'GET', '/insight-settings')).body,
    ).data;
    for (const who of [guardian, member]) {
      const read = await as(who.userId, 'GET', '/insight-settings');
      expect(read.status).toBe(200);
      expect(InsightSettingsResSchema.parse(read.body).data).toEqual(owners);
      const res = await as(who.userId, 'PUT', '/insight-settings', {
        helperLoadPercent: 20,
        helperLoadMinRequests: 2,
      });
      expect(res.status).toBe(403);
    }
  });
});
