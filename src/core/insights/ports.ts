import type { CheckIn } from '../rotations/check-in';
import type { Round } from '../rotations/round';
import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { InsightRequest, InsightSettings } from './insights';

/**
 * What the Insights page and the helper-load alert read, each in one partition-scoped query, and
 * the alert's settings (one row).
 */
export interface InsightStore {
  /** Requests made at or after `since`, or not resolved yet; only the columns the metrics read. */
  helpSince(ref: TeamRef, since: Date): Promise<InsightRequest[]>;
  /** Published rounds of every program with `publishedAt` at or after `since`. */
  roundsPublishedSince(ref: TeamRef, since: Date): Promise<Round[]>;
  /** Check-ins answered at or after `since`, of every round. */
  checkInsSince(
    ref: TeamRef,
    since: Date,
  ): Promise<Pick<CheckIn, 'roundId' | 'userId' | 'answer'>[]>;
  settings(ref: TeamRef): Promise<Versioned<InsightSettings> | undefined>;
  /** Creates them when `etag` is undefined (insert if absent), else replaces them. */
  saveSettings(
    ref: TeamRef,
    settings: InsightSettings,
    etag: string | undefined,
  ): Promise<Versioned<InsightSettings>>;
}
