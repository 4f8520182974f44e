import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CompactResSchema,
  LocalTokenResSchema,
  MeResSchema,
  MembersResSchema,
  TeamResSchema,
  type ApiError,
} from '../../src/api/contract';
import { templateClauses } from '../../src/core/compact/template';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM, type DemoPerson } from '../../src/local/demo-team';
import { call, startTestServer, storedRoster, teamPath, type TestServer } from '../support/server';
import { buildAccount, buildTeam } from '../support/teams-activities';
import { guid } from '../support/tokens';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const demoMember = DEMO_PEOPLE[1]!;
const tokenOf = (person: Pick<DemoPerson, 'userId' | 'name'>, tenantId = DEMO_TEAM.tenantId) =>
  server.tokenFor({ tenantId, userId: person.userId, name: person.name });
const get = async (path: string, token?: string) =>
  call(`${server.url}${path}`, token === undefined ? {} : { token });
const demoRef = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };

/** A team of its own, installed through the same use case the bot calls. */
async function installTeam(size: number) {
  const team = buildTeam();
  const people = Array.from({ length: size }, () => buildAccount());
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  await server.services.registerInstallation({
    ref,
    name: team.name,
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: people[0]!.aadObjectId,
    roster: people.map((p) => ({
      userId: p.aadObjectId!,
      name: p.name,
      email: p.email!,
      botUserId: p.id,
    })),
  });
  const token = (i: number) =>
    server.tokenFor({
      tenantId: team.tenantId,
      userId: people[i]!.aadObjectId!,
      name: people[i]!.name,
    });
  return { team, ref, people, token };
}

describe('a demo member', () => {
  test('sees who they are and the demo team in /api/me', async () => {
    const res = await get('/api/me', await tokenOf(demoMember));

    expect(res.status).toBe(200);
    expect(MeResSchema.parse(res.body).data).toEqual({
      user: { id: demoMember.userId, tenantId: DEMO_TEAM.tenantId, name: demoMember.name },
      teams: [{ id: DEMO_TEAM.teamId, name: DEMO_TEAM.name, role: 'member' }],
      removedTeams: [],
    });
  });

  test('the owner who installed the team sees the owner role', async () => {
    const res = await get('/api/me', await tokenOf(DEMO_OWNER));

    expect(MeResSchema.parse(res.body).data.teams).toEqual([
      { id: DEMO_TEAM.teamId, name: DEMO_TEAM.name, role: 'owner' },
    ]);
  });

  test('opens the team: its name, its twelve members and their own role', async () => {
    const res = await get(teamPath(DEMO_TEAM.teamId), await tokenOf(demoMember));

    expect(res.status).toBe(200);
    expect(TeamResSchema.parse(res.body).data).toEqual({
      id: DEMO_TEAM.teamId,
      name: DEMO_TEAM.name,
      memberCount: 12,
      myRole: 'member',
      // A member reads the settings; only owners edit them or see what was not delivered.
      can: { editSettings: false, manageUndelivered: false },
    });
  });

  test('lists the seeded roster by name, with departments and skills', async () => {
    const res = await get(teamPath(DEMO_TEAM.teamId, '/members'), await tokenOf(demoMember));

    expect(res.status).toBe(200);
    const members = MembersResSchema.parse(res.body).data;
    const expected = [...DEMO_PEOPLE]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((p) => ({
        id: p.userId,
        name: p.name,
        email: p.email,
        role: p.userId === DEMO_OWNER.userId ? 'owner' : 'member',
        department: p.department,
        teaches: p.teaches,
        learns: p.learns,
      }));
    expect(members).toEqual(expected);
    expect(new Set(members.map((m) => m.department))).toEqual(
      new Set(['Engineering', 'Design', 'Data', 'Product', 'Support', 'Marketing']),
    );
  });

  test('reads compact version 1, the template, with the 4-hour response commitment', async () => {
    const res = await get(teamPath(DEMO_TEAM.teamId, '/compact'), await tokenOf(demoMember));

    expect(res.status).toBe(200);
    const compact = CompactResSchema.parse(res.body).data;
    expect(compact).toMatchObject({ version: 1, adoptedBy: null, responseHours: 4 });
    expect(compact?.clauses).toEqual(templateClauses());
    expect(compact?.clauses.find((c) => c.commitment)?.text).toContain('within 4 working hours');
    expect(Number.isNaN(Date.parse(compact?.adoptedAt ?? ''))).toBe(false);
  });

  test('a token from POST /api/local/token opens the same team', async () => {
    const minted = await call(`${server.url}/api/local/token`, {
      method: 'POST',
      body: { userId: demoMember.userId },
    });
    expect(minted.status).toBe(200);
    const { token, expiresAt } = LocalTokenResSchema.parse(minted.body).data;
    // Tokens live on real time (the verifier checks them against it), not the server's clock.
    // eslint-disable-next-line no-restricted-syntax -- a token's expiry is on the real clock
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());

    const res = await get(teamPath(DEMO_TEAM.teamId), token);

    expect(res.status).toBe(200);
    expect(TeamResSchema.parse(res.body).data.myRole).toBe('member');
  });

  test('a user id in upper case in the token is the same member', async () => {
    const res = await get(
      teamPath(DEMO_TEAM.teamId),
      await server.tokenFor({
        tenantId: DEMO_TEAM.tenantId,
        userId: DEMO_OWNER.userId.toUpperCase(),
      }),
    );

    expect(res.status).toBe(200);
    expect(TeamResSchema.parse(res.body).data.myRole).toBe('owner');
  });
});

describe('who may open a team', () => {
  const paths = ['', '/members', '/compact'];

  test.each(paths)(
    'a signed-in user outside the roster gets 403 on %s and nothing changes',
    async (rest) => {
      const before = await storedRoster(server, demoRef);
      const stranger = { userId: guid(), name: 'Mallory Outsider' };

      const res = await get(teamPath(DEMO_TEAM.teamId, rest), await tokenOf(stranger));

      expect(res.status).toBe(403);
      expect((res.body as ApiError).error.code).toBe('forbidden');
      expect(await storedRoster(server, demoRef)).toEqual(before);
      const me = await get('/api/me', await tokenOf(stranger));
      expect(MeResSchema.parse(me.body).data.teams).toEqual([]);
    },
  );

  test.each(paths)('an unknown team is 404 not_found on %s', async (rest) => {
    const res = await get(
      teamPath('19:no-such-team@thread.tacv2', rest),
      await tokenOf(demoMember),
    );

    expect(res.status).toBe(404);
    expect((res.body as ApiError).error).toMatchObject({ code: 'not_found' });
  });

  test.each(paths)(
    "a member's id in another tenant's token cannot name the team: 404 on %s",
    async (rest) => {
      const otherTenant = guid();
      const token = await tokenOf(demoMember, otherTenant);

      const res = await get(teamPath(DEMO_TEAM.teamId, rest), token);

      expect(res.status).toBe(404);
      expect((res.body as ApiError).error.code).toBe('not_found');
      const me = await get('/api/me', token);
      expect(MeResSchema.parse(me.body).data).toEqual({
        user: { id: demoMember.userId, tenantId: otherTenant, name: demoMember.name },
        teams: [],
        removedTeams: [],
      });
    },
  );

  test('a team id longer than 200 characters is refused as invalid', async () => {
    const res = await get(
      teamPath(`19:${'x'.repeat(220)}@thread.tacv2`),
      await tokenOf(demoMember),
    );

    expect(res.status).toBe(400);
    expect((res.body as ApiError).error.code).toBe('invalid');
  });

  test('a removed member loses access at once; the others keep it', async () => {
    const { team, ref, people, token } = await installTeam(3);
    const leaverToken = await token(1);
    expect((await get(teamPath(team.teamId), leaverToken)).status).toBe(200);

    await server.services.removeMembers(ref, [people[1]!.aadObjectId!]);

    for (const rest of paths) {
      const res = await get(teamPath(team.teamId, rest), leaverToken);
      expect(res.status).toBe(403);
      expect((res.body as ApiError).error.code).toBe('forbidden');
    }
    expect(MeResSchema.parse((await get('/api/me', leaverToken)).body).data.teams).toEqual([]);
    const seen = await get(teamPath(team.teamId, '/members'), await token(0));
    expect(MembersResSchema.parse(seen.body).data.map((m) => m.id)).toEqual(
      [people[0]!, people[2]!]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => p.aadObjectId),
    );
    expect(
      TeamResSchema.parse((await get(teamPath(team.teamId), await token(2))).body).data.memberCount,
    ).toBe(2);
  });

  test('once Mutual is removed from a team, its members get 404 and no longer see it', async () => {
    const { team, ref, token } = await installTeam(2);
    const memberToken = await token(1);
    expect((await get(teamPath(team.teamId), memberToken)).status).toBe(200);

    await server.services.deactivateTeam(ref);

    for (const rest of paths) {
      expect((await get(teamPath(team.teamId, rest), memberToken)).status).toBe(404);
    }
    expect(MeResSchema.parse((await get('/api/me', memberToken)).body).data.teams).toEqual([]);
  });

  test('a member of one team cannot open another team of the same tenant', async () => {
    const first = await installTeam(2);
    const second = buildTeam({ tenantId: first.team.tenantId });
    const other = buildAccount();
    await server.services.registerInstallation({
      ref: { tenantId: second.tenantId, teamId: second.teamId },
      name: second.name,
      channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: second.teamId },
      installedBy: other.aadObjectId,
      roster: [
        { userId: other.aadObjectId!, name: other.name, email: other.email!, botUserId: other.id },
      ],
    });

    const res = await get(teamPath(second.teamId, '/members'), await first.token(0));

    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toContain(other.name);
  });
});
