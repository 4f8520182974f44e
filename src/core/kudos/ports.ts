import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { Kudos } from './kudos';

/** Kudos in their team's partition, latest first. */
export interface KudosStore {
  /**
   * Insert if absent, once per `onceKey` (what made it: a thank's request, a give's request key;
   * the kudos id when none): a second add stores nothing and answers the kudos stored first.
   */
  add(ref: TeamRef, kudos: Kudos, onceKey?: string): Promise<{ created: boolean; kudos: Kudos }>;
  list(ref: TeamRef, limit: number): Promise<Kudos[]>;
  /** The team's feed, latest first: at most `limit` after the cursor (a previous page's `next`). */
  page(ref: TeamRef, limit: number, after?: string): Promise<{ kudos: Kudos[]; next?: string }>;
  /** What one member gave and received, latest first, at most `limit` of each. */
  ofMember(
    ref: TeamRef,
    userId: string,
    limit: number,
  ): Promise<{ given: Kudos[]; received: Kudos[] }>;
  get(ref: TeamRef, id: string): Promise<Versioned<Kudos> | undefined>;
  update(ref: TeamRef, kudos: Kudos, etag: string): Promise<Versioned<Kudos>>;
}
