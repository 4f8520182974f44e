import { afterAll, beforeAll, expect, test } from 'vitest';
import { MembersResSchema, TeamResSchema } from '../../src/api/contract';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import { storedRoster } from '../support/server';
import {
  buildAccount,
  buildTeam,
  membersAddedToTeam,
  membersRemovedFromTeam,
} from '../support/teams-activities';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.stop();
});

/** A team with Mutual installed, and the connector ready to answer for it. */
async function installedTeam(size = 3) {
  const team = buildTeam();
  const roster = Array.from({ length: size }, () => buildAccount());
  expect((await h.install(team, roster)).status).toBe(200);
  return { team, roster };
}

test('a member added to the team is looked up through the connector and can open the team', async () => {
  const { team, roster } = await installedTeam();
  const newcomer = buildAccount({ name: 'Nia Newcomer' });
  expect((await h.apiAs(team, newcomer)).status).toBe(403);
  h.connector.setRoster(team.teamId, [...roster, newcomer]);

  const res = await h.send(
    membersAddedToTeam({
      serviceUrl: h.connector.url,
      team,
      from: roster[0]!,
      members: [newcomer],
    }),
  );

  expect(res.status).toBe(200);
  const lookups = h.connector.requests.filter(
    (r) => r.conversationId === team.teamId && r.path.includes('/members/'),
  );
  expect(lookups.length).toBeGreaterThan(0);
  expect(lookups.every((r) => decodeURIComponent(r.path).endsWith(`/members/${newcomer.id}`))).toBe(
    true,
  );
  const seen = await h.apiAs(team, newcomer);
  expect(seen.status).toBe(200);
  expect(TeamResSchema.parse(seen.body).data).toMatchObject({ memberCount: 4, myRole: 'member' });
  const members = MembersResSchema.parse((await h.apiAs(team, roster[0]!, '/members')).body).data;
  expect(members.find((m) => m.id === newcomer.aadObjectId)).toMatchObject({
    name: 'Nia Newcomer',
    email: newcomer.email,
    role: 'member',
  });
});

test('several members added at once all join, and existing members are untouched', async () => {
  const { team, roster } = await installedTeam(2);
  const newcomers = [buildAccount(), buildAccount(), buildAccount()];
  h.connector.setRoster(team.teamId, [...roster, ...newcomers]);

  await h.send(membersAddedToTeam({ serviceUrl: h.connector.url, team, members: newcomers }));

  const stored = await storedRoster(h.server, refOf(team));
  expect(stored).toHaveLength(5);
  expect(stored.find((m) => m.userId === roster[0]!.aadObjectId)?.role).toBe('owner');
  for (const person of newcomers) expect((await h.apiAs(team, person)).status).toBe(200);
});

test('a member removed from the team loses access at once; the others keep it', async () => {
  const { team, roster } = await installedTeam(3);
  const leaver = roster[1]!;
  expect((await h.apiAs(team, leaver)).status).toBe(200);

  const res = await h.send(
    membersRemovedFromTeam({ serviceUrl: h.connector.url, team, members: [leaver] }),
  );

  expect(res.status).toBe(200);
  for (const rest of ['', '/members', '/compact']) {
    const seen = await h.apiAs(team, leaver, rest);
    expect(seen.status).toBe(403);
    expect(seen.body).toMatchObject({ error: { code: 'forbidden' } });
  }
  const members = MembersResSchema.parse((await h.apiAs(team, roster[0]!, '/members')).body).data;
  expect(members.map((m) => m.id).sort()).toEqual(
    [roster[0]!, roster[2]!].map((p) => p.aadObjectId).sort(),
  );
  // History stays: the row is kept, inactive.
  expect(
    (await storedRoster(h.server, refOf(team))).find((m) => m.userId === leaver.aadObjectId),
  ).toMatchObject({ active: false });
});

test('a member who leaves and is added again gets access back with their profile', async () => {
  const { team, roster } = await installedTeam(2);
  const member = roster[1]!;
  await h.server.services.updateProfile(
    { tenantId: team.tenantId, userId: member.aadObjectId! },
    team.teamId,
    { department: 'Finance' },
  );
  await h.send(membersRemovedFromTeam({ serviceUrl: h.connector.url, team, members: [member] }));
  expect((await h.apiAs(team, member)).status).toBe(403);

  await h.send(membersAddedToTeam({ serviceUrl: h.connector.url, team, members: [member] }));

  expect((await h.apiAs(team, member)).status).toBe(200);
  const members = MembersResSchema.parse((await h.apiAs(team, member, '/members')).body).data;
  expect(members.find((m) => m.id === member.aadObjectId)?.department).toBe('Finance');
});

test('a removal naming someone who was never in the roster changes nothing', async () => {
  const { team, roster } = await installedTeam(2);
  const before = await storedRoster(h.server, refOf(team));

  const res = await h.send(
    membersRemovedFromTeam({ serviceUrl: h.connector.url, team, members: [buildAccount()] }),
  );

  expect(res.status).toBe(200);
  expect(await storedRoster(h.server, refOf(team))).toEqual(before);
  expect((await h.apiAs(team, roster[1]!)).status).toBe(200);
});

test('an Entra id in upper case in the event still removes the member', async () => {
  const { team, roster } = await installedTeam(2);
  const leaver = roster[1]!;

  await h.send(
    membersRemovedFromTeam({
      serviceUrl: h.connector.url,
      team,
      members: [{ ...leaver, aadObjectId: leaver.aadObjectId!.toUpperCase() }],
    }),
  );

  expect((await h.apiAs(team, leaver)).status).toBe(403);
});

test('a member the connector cannot find is not added', async () => {
  const { team } = await installedTeam(2);
  const ghost = buildAccount();

  await h.send(membersAddedToTeam({ serviceUrl: h.connector.url, team, members: [ghost] }));

  expect((await h.apiAs(team, ghost)).status).toBe(403);
  expect(await storedRoster(h.server, refOf(team))).toHaveLength(2);
});

test('a roster event that fails posts nothing into the team channel and asks Teams to retry', async () => {
  const { team } = await installedTeam(2);
  const ghost = buildAccount();

  const res = await h.send(
    membersAddedToTeam({ serviceUrl: h.connector.url, team, members: [ghost] }),
  );

  expect(res.status).toBeGreaterThanOrEqual(500);
  expect(h.connector.sentTo(team.teamId)).toEqual([]);
});
