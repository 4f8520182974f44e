import type { CompactVersion } from './compact/compact';
import type { Member } from './team/member';
import type { Team, TeamRef } from './team/team';

export interface Clock {
  now(): Date;
}

/** A stored value with the ETag its next update must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface TeamStore {
  get(ref: TeamRef): Promise<Versioned<Team> | undefined>;
  /** Insert if absent; `conflict` when the team already exists. */
  create(team: Team): Promise<Versioned<Team>>;
  /** Replace, only if `etag` still matches; otherwise `conflict`. */
  update(team: Team, etag: string): Promise<Versioned<Team>>;
}

export interface MemberStore {
  get(ref: TeamRef, userId: string): Promise<Versioned<Member> | undefined>;
  list(ref: TeamRef): Promise<Versioned<Member>[]>;
  /** Insert if absent; `conflict` when the member already exists. */
  create(ref: TeamRef, member: Member): Promise<Versioned<Member>>;
  update(ref: TeamRef, member: Member, etag: string): Promise<Versioned<Member>>;
  /** The teams a user has ever been added to in a tenant (check `active` on the member row). */
  teamsOf(tenantId: string, userId: string): Promise<TeamRef[]>;
}

export interface CompactStore {
  current(ref: TeamRef): Promise<CompactVersion | undefined>;
  /** Latest first. */
  list(ref: TeamRef, limit: number): Promise<CompactVersion[]>;
  /** Insert if absent: a version number is written once; a second writer gets `conflict`. */
  add(ref: TeamRef, version: CompactVersion): Promise<void>;
}

/** Everything the services may use; each service narrows it with `Pick`. */
export interface Ports {
  clock: Clock;
  teams: TeamStore;
  members: MemberStore;
  compacts: CompactStore;
}
