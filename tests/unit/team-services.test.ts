import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors';
import { createServices } from '../../src/services';
import { buildRosterEntry, buildTeamRef, memoryPorts } from '../support/memory-ports';

function installed(rosterSize = 3) {
  const ports = memoryPorts();
  const services = createServices(ports);
  const ref = buildTeamRef();
  const roster = Array.from({ length: rosterSize }, () => buildRosterEntry());
  const installer = roster[0]!;
  const install = () =>
    services.registerInstallation({
      ref,
      name: 'Platform',
      channel: { serviceUrl: 'https://smba.example/', conversationId: ref.teamId },
      installedBy: installer.userId,
      roster,
    });
  const actor = (userId: string) => ({ tenantId: ref.tenantId, userId });
  return { ports, services, ref, roster, installer, install, actor };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'ok';
};

describe('installing Mutual in a team', () => {
  it('stores the team, its roster with the installer as owner, and the template compact', async () => {
    const { services, ref, roster, installer, install, actor } = installed(3);
    await install();

    const team = await services.getTeam(actor(installer.userId), ref.teamId);
    expect(team).toMatchObject({
      memberCount: 3,
      me: { role: 'owner' },
      team: { name: 'Platform', active: true },
    });
    const members = await services.listMembers(actor(roster[1]!.userId), ref.teamId);
    expect(members.map((m) => m.role).sort()).toEqual(['member', 'member', 'owner']);
    const compact = await services.getCompact(actor(roster[2]!.userId), ref.teamId);
    expect(compact?.version.version).toBe(1);
    expect(compact?.version.clauses.some((c) => c.commitment?.hours === 4)).toBe(true);
  });

  it('a repeated install event leaves one team, one roster and one compact version', async () => {
    const { ports, ref, install } = installed(4);
    await install();
    const second = await install();
    expect(second.roster).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(await ports.members.list(ref)).toHaveLength(4);
    expect(await ports.compacts.list(ref, 10)).toHaveLength(1);
  });

  it('reinstalling after removal reactivates the team and keeps its compact', async () => {
    const { services, ref, installer, install, actor } = installed(2);
    await install();
    await services.deactivateTeam(ref);
    expect(await codeOf(services.getTeam(actor(installer.userId), ref.teamId))).toBe('not_found');
    await install();
    expect((await services.getTeam(actor(installer.userId), ref.teamId)).team.active).toBe(true);
  });
});

describe('team access', () => {
  it('a caller outside the roster is forbidden and an unknown team is not found', async () => {
    const { services, ref, install, actor } = installed(2);
    await install();
    expect(await codeOf(services.listMembers(actor(buildRosterEntry().userId), ref.teamId))).toBe(
      'forbidden',
    );
    expect(await codeOf(services.listMembers(actor(buildRosterEntry().userId), '19:nope'))).toBe(
      'not_found',
    );
  });

  it('a caller from another tenant cannot even find the team', async () => {
    const { services, ref, roster, install } = installed(2);
    await install();
    const stranger = {
      tenantId: 'c3000000-0000-4000-8000-0000000000ff',
      userId: roster[0]!.userId,
    };
    expect(await codeOf(services.getTeam(stranger, ref.teamId))).toBe('not_found');
  });

  it('a member removed from the team loses access at once, and comes back when re-added', async () => {
    const { services, ref, roster, install, actor } = installed(3);
    await install();
    const leaver = roster[2]!;
    expect(await services.removeMembers(ref, [leaver.userId])).toBe(1);
    expect(await codeOf(services.getCompact(actor(leaver.userId), ref.teamId))).toBe('forbidden');
    expect(
      (await services.listMembers(actor(roster[0]!.userId), ref.teamId)).map((m) => m.userId),
    ).not.toContain(leaver.userId);

    await services.syncRoster(ref, [leaver], { complete: false });
    expect(await codeOf(services.getCompact(actor(leaver.userId), ref.teamId))).toBe('ok');
  });

  it('a full roster sync removes whoever Teams no longer lists, and keeps profiles', async () => {
    const { services, ref, roster, installer, install, actor } = installed(3);
    await install();
    await services.updateProfile(actor(roster[1]!.userId), ref.teamId, {
      department: 'Data',
      teaches: [{ name: 'SQL', level: 'expert' }],
    });
    const change = await services.syncRoster(ref, [installer, { ...roster[1]!, name: 'Renamed' }], {
      complete: true,
    });
    expect(change).toEqual({ added: 0, updated: 1, removed: 1 });
    const members = await services.listMembers(actor(installer.userId), ref.teamId);
    expect(members.map((m) => [m.name, m.department])).toContainEqual(['Renamed', 'Data']);
    expect(members).toHaveLength(2);
  });
});

describe('profiles', () => {
  it('a member sets their department and skills; duplicates collapse case-insensitively', async () => {
    const { services, ref, roster, install, actor } = installed(1);
    await install();
    const me = await services.updateProfile(actor(roster[0]!.userId), ref.teamId, {
      department: '  Design ',
      teaches: [
        { name: 'Figma', level: 'expert' },
        { name: '  figma ', level: 'beginner' },
        { name: 'Design   reviews', level: 'intermediate' },
      ],
    });
    expect(me.department).toBe('Design');
    expect(me.teaches).toEqual([
      { name: 'Figma', level: 'expert' },
      { name: 'Design reviews', level: 'intermediate' },
    ]);
  });

  it('an empty skill name or an over-long department is invalid and saves nothing', async () => {
    const { services, ref, roster, install, actor } = installed(1);
    await install();
    const who = actor(roster[0]!.userId);
    expect(
      await codeOf(
        services.updateProfile(who, ref.teamId, { teaches: [{ name: ' ', level: 'expert' }] }),
      ),
    ).toBe('invalid');
    expect(
      await codeOf(services.updateProfile(who, ref.teamId, { department: 'x'.repeat(81) })),
    ).toBe('invalid');
    const [me] = await services.listMembers(who, ref.teamId);
    expect(me).toMatchObject({ department: '', teaches: [] });
  });
});
