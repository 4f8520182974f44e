import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors';
import { templateVersion } from '../../src/core/compact/template';
import type { Member } from '../../src/core/team/member';
import type { Team, TeamRef } from '../../src/core/team/team';
import { replaceRow } from '../../src/store/entity-io';
import { buildMember as buildAnyMember, buildTeamRef } from '../support/memory-ports';
import { freshStorage } from '../support/storage';

const buildTeam = (ref: TeamRef, overrides: Partial<Team> = {}): Team => ({
  ...ref,
  name: 'Platform',
  active: true,
  installedAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  channel: { serviceUrl: 'https://smba.example/', conversationId: ref.teamId },
  supportChannel: null,
  ...overrides,
});

const buildMember = (userId: string, overrides: Partial<Member> = {}): Member =>
  buildAnyMember({
    userId,
    name: `Name ${userId.slice(-4)}`,
    email: `${userId}@example.test`,
    botUserId: `29:${userId}`,
    ...overrides,
  });

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

describe('the table stores against the storage emulator', () => {
  it('a team round-trips, and a stale ETag is a conflict that changes nothing', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef({ teamId: '19:odd/\\#?id@thread.tacv2' });
    const created = await ports.teams.create(buildTeam(ref));
    expect((await ports.teams.get(ref))?.value).toEqual(buildTeam(ref));

    const renamed = await ports.teams.update({ ...created.value, name: 'Renamed' }, created.etag);
    expect(await codeOf(ports.teams.update({ ...created.value, name: 'Lost' }, created.etag))).toBe(
      'conflict',
    );
    expect((await ports.teams.get(ref))?.value.name).toBe('Renamed');
    expect(renamed.etag).not.toBe(created.etag);
  });

  it('creating what already exists is a conflict (the idempotency gate)', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    await ports.teams.create(buildTeam(ref));
    expect(await codeOf(ports.teams.create(buildTeam(ref, { name: 'Second' })))).toBe('conflict');
    expect((await ports.teams.get(ref))?.value.name).toBe('Platform');
  });

  it('members stay in their own team partition and are indexed by user', async () => {
    const { ports } = await freshStorage();
    const a = buildTeamRef();
    const b = buildTeamRef({ tenantId: a.tenantId });
    const userId = 'd4000000-0000-4000-8000-000000000001';
    await ports.members.create(a, buildMember(userId));
    await ports.members.create(b, buildMember(userId, { role: 'owner' }));
    await ports.members.create(b, buildMember('d4000000-0000-4000-8000-000000000002'));

    expect((await ports.members.list(a)).map((m) => m.value.userId)).toEqual([userId]);
    expect(await ports.members.list(b)).toHaveLength(2);
    expect((await ports.members.teamsOf(a.tenantId, userId)).map((r) => r.teamId).sort()).toEqual(
      [a.teamId, b.teamId].sort(),
    );
    expect(await ports.members.teamsOf('other-tenant', userId)).toEqual([]);
    expect(await codeOf(ports.members.create(a, buildMember(userId)))).toBe('conflict');
  });

  it('compact versions are insert-only and the newest is current', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    expect(await ports.compacts.current(ref)).toBeUndefined();
    const v1 = templateVersion('2026-01-05T09:00:00.000Z');
    await ports.compacts.add(ref, v1);
    for (const version of [2, 10, 3])
      await ports.compacts.add(ref, { ...v1, version, note: `v${version}` });
    expect((await ports.compacts.current(ref))?.version).toBe(10);
    expect((await ports.compacts.list(ref, 3)).map((v) => v.version)).toEqual([10, 3, 2]);
    expect(await codeOf(ports.compacts.add(ref, { ...v1, note: 'again' }))).toBe('conflict');
    expect((await ports.compacts.list(ref, 10)).find((v) => v.version === 1)?.note).toBe(v1.note);
  });

  it('refuses a property over 64 KiB before it reaches storage, keeping the saved row', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const created = await ports.teams.create(buildTeam(ref));
    const oversized = { ...created.value, name: 'x'.repeat(40_000) };
    expect(await codeOf(ports.teams.update(oversized, created.etag))).toBe('invalid');
    expect((await ports.teams.get(ref))?.value.name).toBe('Platform');
  });

  it('has no way to write without an ETag', async () => {
    const { storage } = await freshStorage();
    await expect(
      replaceRow(storage.table('teams'), { partitionKey: 'p', rowKey: 'r' }, '*', 'A row'),
    ).rejects.toThrow(/needs the row's ETag/);
  });

  it('reports an unreachable account as unavailable', async () => {
    const { createTableStorage } = await import('../../src/store');
    const storage = createTableStorage({
      connectionString:
        'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;',
      tablePrefix: 'down',
    });
    expect(await codeOf(storage.ping())).toBe('unavailable');
  });
});
