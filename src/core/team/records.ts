import type { Versioned } from '../versioned';
import type { TeamRef } from './team';

/**
 * A team's records of one kind, in its partition: a point read by key, insert if absent
 * (`conflict` when the key is taken) and a replace that only succeeds while `etag` still matches.
 */
export interface TeamRecords<T, Key = string> {
  get(ref: TeamRef, key: Key): Promise<Versioned<T> | undefined>;
  create(ref: TeamRef, value: T): Promise<Versioned<T>>;
  update(ref: TeamRef, value: T, etag: string): Promise<Versioned<T>>;
}

/** One settings row per team: created when `etag` is undefined (insert if absent), else replaced. */
export interface TeamSettingsRow<T> {
  get(ref: TeamRef): Promise<Versioned<T> | undefined>;
  save(ref: TeamRef, settings: T, etag: string | undefined): Promise<Versioned<T>>;
}
