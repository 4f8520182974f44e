import { conflict } from '../../src/core/errors';
import type { CompactVersion } from '../../src/core/compact/compact';
import type {
  Clock,
  CompactStore,
  MemberStore,
  Ports,
  TeamStore,
  Versioned,
} from '../../src/core/ports';
import type { Member, RosterEntry } from '../../src/core/team/member';
import type { Team, TeamRef } from '../../src/core/team/team';

/** In-memory ports with the stores' semantics (ETags, insert-if-absent), for unit tests only. */
export function memoryPorts(clock: Clock = { now: () => new Date('2026-01-05T09:00:00Z') }): Ports {
  let etagCounter = 0;
  const nextEtag = () => `W/"${++etagCounter}"`;
  const teamKey = (ref: TeamRef) => `${ref.tenantId}|${ref.teamId}`;

  const teams = new Map<string, Versioned<Team>>();
  const members = new Map<string, Map<string, Versioned<Member>>>();
  const compacts = new Map<string, CompactVersion[]>();
  const membership = new Map<string, TeamRef[]>();

  const teamStore: TeamStore = {
    get: async (ref) => clone(teams.get(teamKey(ref))),
    create: async (team) => {
      if (teams.has(teamKey(team))) throw conflict('team exists');
      const row = { value: clone(team), etag: nextEtag() };
      teams.set(teamKey(team), row);
      return clone(row);
    },
    update: async (team, etag) => {
      const row = teams.get(teamKey(team));
      if (!row || row.etag !== etag) throw conflict('stale team');
      const next = { value: clone(team), etag: nextEtag() };
      teams.set(teamKey(team), next);
      return clone(next);
    },
  };

  const partition = (ref: TeamRef) => {
    let p = members.get(teamKey(ref));
    if (!p) members.set(teamKey(ref), (p = new Map()));
    return p;
  };
  const memberStore: MemberStore = {
    get: async (ref, userId) => clone(partition(ref).get(userId)),
    list: async (ref) => [...partition(ref).values()].map(clone),
    create: async (ref, member) => {
      const key = `${ref.tenantId}|${member.userId}`;
      const refs = membership.get(key) ?? [];
      if (!refs.some((r) => r.teamId === ref.teamId)) membership.set(key, [...refs, ref]);
      if (partition(ref).has(member.userId)) throw conflict('member exists');
      const row = { value: clone(member), etag: nextEtag() };
      partition(ref).set(member.userId, row);
      return clone(row);
    },
    update: async (ref, member, etag) => {
      const row = partition(ref).get(member.userId);
      if (!row || row.etag !== etag) throw conflict('stale member');
      const next = { value: clone(member), etag: nextEtag() };
      partition(ref).set(member.userId, next);
      return clone(next);
    },
    teamsOf: async (tenantId, userId) => [...(membership.get(`${tenantId}|${userId}`) ?? [])],
  };

  const compactStore: CompactStore = {
    current: async (ref) => clone(compacts.get(teamKey(ref))?.[0]),
    list: async (ref, limit) => (compacts.get(teamKey(ref)) ?? []).slice(0, limit).map(clone),
    add: async (ref, version) => {
      const list = compacts.get(teamKey(ref)) ?? [];
      if (list.some((v) => v.version === version.version)) throw conflict('version exists');
      compacts.set(
        teamKey(ref),
        [...list, clone(version)].sort((a, b) => b.version - a.version),
      );
    },
  };

  return { clock, teams: teamStore, members: memberStore, compacts: compactStore };
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

let counter = 0;
/** A roster entry with a unique, GUID-shaped user id. */
export function buildRosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    userId: `b2000000-0000-4000-8000-${hex}`,
    name: `Person ${counter}`,
    email: `person${counter}@example.test`,
    botUserId: `29:person-${counter}`,
    ...overrides,
  };
}

export const buildTeamRef = (overrides: Partial<TeamRef> = {}): TeamRef => ({
  tenantId: 'c3000000-0000-4000-8000-000000000001',
  teamId: `19:team-${++counter}@thread.tacv2`,
  ...overrides,
});
