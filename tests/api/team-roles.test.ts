import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MemberRolesResSchema, TeamResSchema } from '../../src/api/contract';
import type { Member } from '../../src/core/team/member';
import type { Team } from '../../src/core/team/team';
import { buildMember, buildTeamRef } from '../support/memory-ports';
import { call, startTestServer, teamPath, type TestServer } from '../support/server';
import { guid } from '../support/tokens';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const INSTALLED_AT = '2025-06-02T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(INSTALLED_AT) + minutes * 60_000).toISOString();

/** A team and its member rows as Mutual stored them before roles were its own. */
async function legacyTeam(people: Partial<Member>[], active = true) {
  const ref = buildTeamRef({ tenantId: guid() });
  const team: Team = {
    ...ref,
    name: `Legacy ${ref.teamId}`,
    active,
    installedAt: INSTALLED_AT,
    updatedAt: at(60 * 24 * 40),
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: ref.teamId },
    supportChannel: null,
  };
  await server.ports.teams.create(team);
  const members = people.map((p, i) =>
    buildMember({
      userId: guid(),
      name: `Person ${i}`,
      department: `Dept ${i}`,
      teaches: [{ name: `Skill ${i}`, level: 'expert' }],
      optedIn: true,
      quietHours: { start: '19:00', end: '08:00' },
      timeZone: 'Europe/Lisbon',
      ...p,
    }),
  );
  for (const m of members) await server.ports.members.create(ref, m);
  return { ref, team, members };
}

const as = async (tenantId: string, userId: string, path: string, init: object = {}) =>
  call(`${server.url}${path}`, { token: await server.tokenFor({ tenantId, userId }), ...init });

const withoutRole = (m: Member) => {
  const { role: _r, ownerGrant: _g, ownerGrantedBy: _b, ownerSince: _s, ...rest } = m;
  return rest;
};

describe('owners recorded before roles were Mutual’s own', () => {
  test('an owner made by a later install event is demoted on first read, the first installer stays, and nothing else changes', async () => {
    const { ref, team, members } = await legacyTeam(
      [
        { role: 'owner', joinedAt: at(0.01) },
        { role: 'member', joinedAt: at(0.01) },
        // Joined a month later and became an owner: only a re-install or upgrade could do that.
        { role: 'owner', joinedAt: at(60 * 24 * 30) },
      ],
      false,
    );
    const [first, plain, escalated] = members as [Member, Member, Member];

    const refused = await as(ref.tenantId, escalated.userId, teamPath(ref.teamId, '/data'), {
      method: 'DELETE',
      body: { confirm: team.name },
    });
    expect(refused.status).toBe(403);

    const rows = new Map((await server.ports.members.list(ref)).map((r) => [r.value.userId, r]));
    expect(rows.get(first.userId)?.value).toMatchObject({
      role: 'owner',
      ownerGrant: 'first-installer',
    });
    expect(rows.get(escalated.userId)?.value.role).toBe('member');
    expect(rows.get(plain.userId)?.value.role).toBe('member');
    for (const m of members) expect(withoutRole(rows.get(m.userId)!.value)).toEqual(withoutRole(m));
    const stored = await server.ports.teams.get(ref);
    expect(stored?.value).toMatchObject({
      ...team,
      firstInstallerId: first.userId,
      rolesVersion: 1,
    });

    // Idempotent: reading again rewrites nothing.
    await as(ref.tenantId, first.userId, '/api/me');
    const again = await server.ports.members.list(ref);
    expect(again.map((r) => r.etag).sort()).toEqual([...rows.values()].map((r) => r.etag).sort());
    expect((await server.ports.teams.get(ref))?.etag).toBe(stored?.etag);

    // The first installer, an owner since before the uninstall, may remove it.
    const removal = await as(ref.tenantId, first.userId, teamPath(ref.teamId, '/data'), {
      method: 'DELETE',
      body: { confirm: team.name },
    });
    expect(removal.status).toBe(200);
  });

  test('owners who cannot be told apart all stay owners, and no first installer is guessed', async () => {
    const { ref, members } = await legacyTeam([
      { role: 'owner', joinedAt: at(0.01) },
      { role: 'owner', joinedAt: at(0.02) },
      { role: 'member', joinedAt: at(0.02) },
    ]);
    const res = await as(ref.tenantId, members[2]!.userId, teamPath(ref.teamId, '/roles'));
    expect(res.status).toBe(200);
    const roles = MemberRolesResSchema.parse(res.body).data;
    expect(roles.filter((r) => r.role === 'owner').map((r) => r.ownerGrant)).toEqual([
      'legacy',
      'legacy',
    ]);
    expect(roles.every((r) => !r.can.promote && !r.can.demote)).toBe(true);
    expect((await server.ports.teams.get(ref))?.value.firstInstallerId).toBeUndefined();
    // The roles live under the team only, not under /api/me as well.
    const beside = `/api/me/${encodeURIComponent(ref.teamId)}/roles`;
    expect((await as(ref.tenantId, members[2]!.userId, beside)).status).toBe(404);
  });
});

describe('changing roles over HTTP', () => {
  test('bad input is refused with what to fix, and nobody is changed', async () => {
    const { ref, members } = await legacyTeam([
      { role: 'owner', joinedAt: at(0.01) },
      { role: 'member', joinedAt: at(0.01) },
    ]);
    const [owner, member] = members as [Member, Member];
    const put = (userId: string, body: unknown) =>
      as(ref.tenantId, owner.userId, teamPath(ref.teamId, `/roles/${userId}`), {
        method: 'PUT',
        body,
      });

    const badRole = await put(member.userId, { role: 'admin' });
    expect(badRole.status).toBe(400);
    expect(JSON.stringify(badRole.body)).toContain('role');
    const badId = await put('not-a-guid', { role: 'owner' });
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('GUID');
    expect((await put(guid(), { role: 'owner' })).status).toBe(404);
    const last = await put(owner.userId, { role: 'member' });
    expect(last.status).toBe(409);
    expect(JSON.stringify(last.body)).toContain('last owner');

    const team = await as(ref.tenantId, owner.userId, teamPath(ref.teamId));
    expect(TeamResSchema.parse(team.body).data.myRole).toBe('owner');
    expect((await server.ports.members.get(ref, member.userId))?.value.role).toBe('member');
  });
});
