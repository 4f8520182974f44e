import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { Pulse } from './pulse';
import type { PulseItem } from './questions';

/** What the pulse card shows. */
export interface PulseAskInput {
  teamId: string;
  teamName: string;
  pulseId: string;
  items: PulseItem[];
  closesAt: string;
  /** The Pulse page in the tab. */
  link: string;
  /** The reader's answer was counted: the card says so, without the answer. */
  answered?: boolean;
}

/**
 * Anonymous pulses, in their team's partition: the pulse row (with its running tally), one
 * "answered" marker per person whose key is a keyed hash and holds nothing else, and a row saying
 * which pulse is open. No method takes a person's id.
 */
export interface PulseStore {
  get(ref: TeamRef, id: string): Promise<Versioned<Pulse> | undefined>;
  /** Latest first, in one partition query. */
  list(ref: TeamRef, limit: number): Promise<Versioned<Pulse>[]>;
  /** Inserts the pulse and the team's "a pulse is open" row together; `conflict` if one is open. */
  start(ref: TeamRef, pulse: Pulse): Promise<Versioned<Pulse>>;
  hasMarker(ref: TeamRef, pulseId: string, marker: string): Promise<boolean>;
  /**
   * In one transaction: inserts the marker and replaces the pulse (its new tally) if `etag` still
   * matches. Either fails (marker there, tally moved) and nothing is written: `conflict`.
   */
  answer(ref: TeamRef, pulse: Pulse, etag: string, marker: string): Promise<Versioned<Pulse>>;
  /** In one transaction: replaces the (closed) pulse if `etag` matches and removes the open row. */
  close(ref: TeamRef, pulse: Pulse, etag: string): Promise<Versioned<Pulse>>;
}
