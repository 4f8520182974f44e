import type { Versioned } from '../versioned';
import type { Member } from './member';
import type { Channel, Team, TeamRef } from './team';
import type { TeamRecords } from './records';

export interface TeamStore {
  get(ref: TeamRef): Promise<Versioned<Team> | undefined>;
  /** Insert if absent; `conflict` when the team already exists. */
  create(team: Team): Promise<Versioned<Team>>;
  /** Replace, only if `etag` still matches; otherwise `conflict`. */
  update(team: Team, etag: string): Promise<Versioned<Team>>;
  /** Deletes the team's own row, only if `etag` still matches (removing a team's data). */
  remove(ref: TeamRef, etag: string): Promise<void>;
}

/** Members by user id. */
export interface MemberStore extends TeamRecords<Member> {
  list(ref: TeamRef): Promise<Versioned<Member>[]>;
  /** The teams a user has ever been added to in a tenant (check `active` on the member row). */
  teamsOf(tenantId: string, userId: string): Promise<TeamRef[]>;
  /** Deletes the member's row (if `etag` still matches) and its entry in the user's team index. */
  remove(ref: TeamRef, userId: string, etag: string): Promise<void>;
}

/** Everything else a team stored, for removing the team's data once Mutual was uninstalled. */
export interface TeamDataStore {
  /**
   * Deletes every row in the team's partition of every table except the team row and the member
   * rows (removed last, one by one, so an interrupted removal can be finished); how many went.
   */
  purgeRecords(ref: TeamRef): Promise<number>;
}

/** The channels a team has, read from Teams when an owner chooses where help requests go. */
export interface ChannelDirectory {
  list(team: Team): Promise<Channel[]>;
}

/** The team feature's share of `Ports`. */
export interface TeamPorts {
  teams: TeamStore;
  members: MemberStore;
  teamData: TeamDataStore;
  channels: ChannelDirectory;
}
