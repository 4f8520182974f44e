import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { GuardianSettings, GuardianTerm } from './guardian';

export interface GuardianStore {
  settings(ref: TeamRef): Promise<Versioned<GuardianSettings> | undefined>;
  /** Creates the settings when `etag` is undefined (insert if absent), else replaces them. */
  saveSettings(
    ref: TeamRef,
    settings: GuardianSettings,
    etag: string | undefined,
  ): Promise<Versioned<GuardianSettings>>;
  /** Latest first. */
  terms(ref: TeamRef, limit: number): Promise<GuardianTerm[]>;
  /** Insert if absent (one term per start time); `conflict` when it exists. */
  addTerm(ref: TeamRef, term: GuardianTerm): Promise<void>;
}
