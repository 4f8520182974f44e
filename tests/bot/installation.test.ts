import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CompactResSchema,
  MeResSchema,
  MembersResSchema,
  TeamResSchema,
} from '../../src/api/contract';
import { templateClauses } from '../../src/core/compact/template';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import { call, storedRoster } from '../support/server';
import {
  botAddedToTeam,
  botRemovedFromTeam,
  buildAccount,
  buildTeam,
  installationUpdate,
} from '../support/teams-activities';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.stop();
});

const byName = <T extends { name: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));

async function myTeams(team: { tenantId: string }, account: { aadObjectId?: string }) {
  const token = await h.server.tokenFor({ tenantId: team.tenantId, userId: account.aadObjectId! });
  return MeResSchema.parse((await call(`${h.server.url}/api/me`, { token })).body).data.teams;
}

describe('Mutual added to a team', () => {
  test('stores the team active, reads the whole roster page by page, makes the installer owner and starts compact v1', async () => {
    const team = buildTeam();
    const roster = Array.from({ length: 5 }, () => buildAccount());
    const installer = roster[3]!;
    h.connector.setPageSize(2);
    try {
      const res = await h.install(team, roster, installer);
      expect(res.status).toBe(200);
    } finally {
      h.connector.setPageSize(Number.POSITIVE_INFINITY);
    }

    const pageReads = h.connector.requests.filter(
      (r) => r.path.endsWith('/pagedmembers') && r.conversationId === team.teamId,
    );
    expect(pageReads.map((r) => r.query.continuationToken)).toEqual([undefined, '2', '4']);

    const member = roster[0]!;
    const seen = await h.apiAs(team, member);
    expect(seen.status).toBe(200);
    expect(TeamResSchema.parse(seen.body).data).toEqual({
      id: team.teamId,
      name: team.name,
      memberCount: 5,
      myRole: 'member',
      // A member reads the settings; only owners edit them or see what was not delivered.
      can: { editSettings: false, manageUndelivered: false },
    });

    const members = MembersResSchema.parse((await h.apiAs(team, member, '/members')).body).data;
    expect(members).toEqual(
      byName(roster).map((p) => ({
        id: p.aadObjectId,
        name: p.name,
        email: p.email,
        role: p === installer ? 'owner' : 'member',
        department: '',
        teaches: [],
        learns: [],
      })),
    );

    const compact = CompactResSchema.parse((await h.apiAs(team, member, '/compact')).body).data;
    expect(compact).toMatchObject({ version: 1, adoptedBy: null, responseHours: 4 });
    expect(compact?.clauses).toEqual(templateClauses());

    expect(TeamResSchema.parse((await h.apiAs(team, installer)).body).data.myRole).toBe('owner');
    expect(await myTeams(team, member)).toEqual([
      { id: team.teamId, name: team.name, role: 'member' },
    ]);
  });

  test('keeps where to post: the connector URL and the team channel', async () => {
    const team = buildTeam();
    await h.install(team, [buildAccount()]);

    const stored = await h.server.ports.teams.get(refOf(team));

    expect(stored?.value).toMatchObject({
      active: true,
      name: team.name,
      channel: { serviceUrl: h.connector.url, conversationId: team.teamId },
    });
  });

  test('roster accounts without an Entra id (other bots) are not stored', async () => {
    const team = buildTeam();
    const person = buildAccount();
    const otherBot = { id: '28:another-bot', name: 'Another Bot' };

    await h.install(team, [person, otherBot]);

    expect(await storedRoster(h.server, refOf(team))).toEqual([
      { userId: person.aadObjectId, role: 'owner', active: true },
    ]);
  });

  test('the same install delivered twice gives one team, no duplicate members and one compact', async () => {
    const team = buildTeam();
    const roster = Array.from({ length: 4 }, () => buildAccount());
    h.connector.setRoster(team.teamId, roster);
    const activity = botAddedToTeam({ serviceUrl: h.connector.url, team, from: roster[0]! });

    expect((await h.send(activity)).status).toBe(200);
    expect((await h.send(activity)).status).toBe(200);

    expect(await storedRoster(h.server, refOf(team))).toHaveLength(4);
    expect(await h.server.ports.compacts.list(refOf(team), 10)).toHaveLength(1);
    expect(await h.server.ports.members.teamsOf(team.tenantId, roster[1]!.aadObjectId!)).toEqual([
      refOf(team),
    ]);
    expect(TeamResSchema.parse((await h.apiAs(team, roster[1]!)).body).data.memberCount).toBe(4);
    expect(await myTeams(team, roster[1]!)).toHaveLength(1);
  });

  test('two deliveries of the same install at once still give one team and no duplicates', async () => {
    const team = buildTeam();
    const roster = Array.from({ length: 6 }, () => buildAccount());
    h.connector.setRoster(team.teamId, roster);
    const activity = botAddedToTeam({ serviceUrl: h.connector.url, team, from: roster[0]! });

    const answers = await Promise.all([h.send(activity), h.send(activity)]);

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const stored = await storedRoster(h.server, refOf(team));
    expect(stored.map((m) => m.userId)).toEqual(roster.map((p) => p.aadObjectId).sort());
    expect(stored.filter((m) => m.role === 'owner')).toEqual([
      { userId: roster[0]!.aadObjectId, role: 'owner', active: true },
    ]);
    expect(await h.server.ports.compacts.list(refOf(team), 10)).toHaveLength(1);
    expect(h.connector.sentTo(team.teamId)).toEqual([]);
  });

  test('a roster read throttled with 429 and Retry-After is retried, and the install completes', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount()];
    h.connector.failNext(1, { status: 429, retryAfter: 0 });

    await h.install(team, roster);

    const reads = h.connector.requests.filter((r) => r.conversationId === team.teamId);
    expect(reads.map((r) => r.status)).toEqual([429, 200]);
    expect(TeamResSchema.parse((await h.apiAs(team, roster[1]!)).body).data.memberCount).toBe(2);
  });

  test('when Teams refuses the roster read, no half-installed team is stored and a redelivery installs it', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount()];
    h.connector.setRoster(team.teamId, roster);
    const activity = botAddedToTeam({ serviceUrl: h.connector.url, team, from: roster[0]! });
    h.connector.failNext(1, { status: 403 });

    await h.send(activity);

    expect(await h.server.ports.teams.get(refOf(team))).toBeUndefined();
    expect(await storedRoster(h.server, refOf(team))).toEqual([]);
    expect((await h.apiAs(team, roster[0]!)).status).toBe(404);

    await h.send(activity);

    expect((await h.apiAs(team, roster[0]!)).status).toBe(200);
  });
});

describe('installationUpdate', () => {
  test('add installs the team as the bot-added event does', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount(), buildAccount()];
    h.connector.setRoster(team.teamId, roster);

    const res = await h.send(
      installationUpdate({ serviceUrl: h.connector.url, team, from: roster[2]!, action: 'add' }),
    );

    expect(res.status).toBe(200);
    expect(TeamResSchema.parse((await h.apiAs(team, roster[0]!)).body).data).toMatchObject({
      memberCount: 3,
      myRole: 'member',
    });
    expect(TeamResSchema.parse((await h.apiAs(team, roster[2]!)).body).data.myRole).toBe('owner');
    expect(
      CompactResSchema.parse((await h.apiAs(team, roster[0]!, '/compact')).body).data?.version,
    ).toBe(1);
  });

  test('remove deactivates the team: members get 404 and no longer see it, their data stays', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount()];
    await h.install(team, roster);
    const before = await storedRoster(h.server, refOf(team));

    const res = await h.send(
      installationUpdate({ serviceUrl: h.connector.url, team, from: roster[0]!, action: 'remove' }),
    );

    expect(res.status).toBe(200);
    for (const rest of ['', '/members', '/compact']) {
      expect((await h.apiAs(team, roster[1]!, rest)).status).toBe(404);
    }
    expect(await myTeams(team, roster[1]!)).toEqual([]);
    expect((await h.server.ports.teams.get(refOf(team)))?.value.active).toBe(false);
    expect(await storedRoster(h.server, refOf(team))).toEqual(before);
  });

  test('a remove for a team Mutual never knew changes nothing and fails nothing', async () => {
    const team = buildTeam();

    const res = await h.send(
      installationUpdate({ serviceUrl: h.connector.url, team, action: 'remove' }),
    );

    expect(res.status).toBe(200);
    expect(await h.server.ports.teams.get(refOf(team))).toBeUndefined();
    expect(h.connector.sentTo(team.teamId)).toEqual([]);
  });
});

describe('roles nobody can grant themselves', () => {
  const removeData = (
    team: ReturnType<typeof buildTeam>,
    account: ReturnType<typeof buildAccount>,
  ) => h.apiAs(team, account, '/data', { method: 'DELETE', body: { confirm: team.name } });

  test('an installationUpdate add-upgrade from a member does not make them an owner, and they then get 403 removing the team’s data', async () => {
    const team = buildTeam();
    const [owner, member] = [buildAccount(), buildAccount()];
    await h.install(team, [owner, member], owner);

    const upgrade = await h.send(
      installationUpdate({
        serviceUrl: h.connector.url,
        team,
        from: member,
        action: 'add-upgrade',
      }),
    );
    expect(upgrade.status).toBe(200);
    expect(TeamResSchema.parse((await h.apiAs(team, member)).body).data.myRole).toBe('member');
    expect(TeamResSchema.parse((await h.apiAs(team, owner)).body).data.myRole).toBe('owner');

    await h.send(
      installationUpdate({ serviceUrl: h.connector.url, team, from: member, action: 'remove' }),
    );
    const refused = await removeData(team, member);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
    expect(await storedRoster(h.server, refOf(team))).toHaveLength(2);

    // The real owner still can, and sees the team among those to remove.
    const token = await h.server.tokenFor({ tenantId: team.tenantId, userId: owner.aadObjectId! });
    const me = MeResSchema.parse((await call(`${h.server.url}/api/me`, { token })).body).data;
    expect(me.removedTeams).toEqual([{ id: team.teamId, name: team.name }]);
    expect((await removeData(team, owner)).status).toBe(200);
    expect(await storedRoster(h.server, refOf(team))).toEqual([]);
  });

  test('a member who adds the bot again after its removal is not made an owner; the owners recorded before stay', async () => {
    const team = buildTeam();
    const [owner, member] = [buildAccount(), buildAccount()];
    await h.install(team, [owner, member], owner);
    await h.send(botRemovedFromTeam({ serviceUrl: h.connector.url, team, from: member }));

    await h.install(team, [owner, member], member);

    expect(await storedRoster(h.server, refOf(team))).toEqual(
      [
        { userId: owner.aadObjectId, role: 'owner', active: true },
        { userId: member.aadObjectId, role: 'member', active: true },
      ].sort((a, b) => a.userId!.localeCompare(b.userId!)),
    );
    expect(TeamResSchema.parse((await h.apiAs(team, member)).body).data.can).toEqual({
      editSettings: false,
      manageUndelivered: false,
    });
  });

  test('an owner promotes a member in the roles list, who can then demote the first owner, but never the last one', async () => {
    const team = buildTeam();
    const [owner, member] = [buildAccount(), buildAccount()];
    await h.install(team, [owner, member], owner);
    const put = (as: typeof owner, who: typeof owner, role: string) =>
      h.apiAs(team, as, `/roles/${who.aadObjectId}`, { method: 'PUT', body: { role } });

    expect((await put(member, member, 'owner')).status).toBe(403);
    const promoted = await put(owner, member, 'owner');
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({
      data: { id: member.aadObjectId, role: 'owner', ownerGrant: 'promoted' },
    });
    expect((await put(member, owner, 'member')).status).toBe(200);
    const last = await put(member, member, 'member');
    expect(last.status).toBe(409);
    expect(JSON.stringify(last.body)).toContain('last owner');
    expect(TeamResSchema.parse((await h.apiAs(team, member)).body).data.myRole).toBe('owner');
  });
});

describe('Mutual removed from a team', () => {
  test('the team goes inactive and the API answers 404 to its members', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount()];
    await h.install(team, roster);
    expect((await h.apiAs(team, roster[1]!)).status).toBe(200);

    const res = await h.send(
      botRemovedFromTeam({ serviceUrl: h.connector.url, team, from: roster[0]! }),
    );

    expect(res.status).toBe(200);
    for (const account of roster) {
      const seen = await h.apiAs(team, account, '/members');
      expect(seen.status).toBe(404);
      expect(seen.body).toMatchObject({ error: { code: 'not_found' } });
    }
    expect(await myTeams(team, roster[0]!)).toEqual([]);
  });

  test('added back, the team is active again and profiles written before are kept', async () => {
    const team = buildTeam();
    const roster = [buildAccount(), buildAccount()];
    await h.install(team, roster);
    const actor = { tenantId: team.tenantId, userId: roster[1]!.aadObjectId! };
    await h.server.services.updateProfile(actor, team.teamId, {
      department: 'Research',
      teaches: [{ name: 'R', level: 'expert' }],
    });
    await h.send(botRemovedFromTeam({ serviceUrl: h.connector.url, team }));
    expect((await h.apiAs(team, roster[1]!)).status).toBe(404);

    await h.install(team, roster);

    const members = MembersResSchema.parse((await h.apiAs(team, roster[1]!, '/members')).body).data;
    expect(members.find((m) => m.id === roster[1]!.aadObjectId)).toMatchObject({
      department: 'Research',
      teaches: [{ name: 'R', level: 'expert' }],
    });
    expect(await h.server.ports.compacts.list(refOf(team), 10)).toHaveLength(1);
  });
});
