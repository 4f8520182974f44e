import type { Versioned } from '../versioned';
import type { TeamRef } from '../team/team';
import type { Acknowledgement, CompactVersion } from './compact';
import type { ClauseDiff } from './diff';
import type { Proposal } from './proposal';
import type { CompactReview } from './review';
import type { CompactSettings } from './settings';
import type { TeamRecords, TeamSettingsRow } from '../team/records';

export interface CompactStore {
  current(ref: TeamRef): Promise<CompactVersion | undefined>;
  /** Latest first. */
  list(ref: TeamRef, limit: number): Promise<CompactVersion[]>;
  /** Insert if absent: a version number is written once; a second writer gets `conflict`. */
  add(ref: TeamRef, version: CompactVersion): Promise<void>;
}

/** Proposals to change the compact, in their team's partition, latest first. */
export interface ProposalStore extends TeamRecords<Proposal> {
  list(ref: TeamRef): Promise<Versioned<Proposal>[]>;
}

/** A team's compact settings (one row). */
export type CompactSettingsStore = TeamSettingsRow<CompactSettings>;

/** Who acknowledged which version ("I commit to this"). */
export interface AcknowledgementStore {
  /** Insert if absent: acknowledging twice records it once. */
  add(ref: TeamRef, ack: Acknowledgement): Promise<{ created: boolean }>;
  forVersion(ref: TeamRef, version: number): Promise<Acknowledgement[]>;
  /** One member's acknowledgements of every version. */
  ofMember(ref: TeamRef, userId: string): Promise<Versioned<Acknowledgement>[]>;
  remove(ref: TeamRef, ack: Acknowledgement, etag: string): Promise<void>;
}

/** Reviews of the compact the team recorded. */
export interface CompactReviewStore {
  add(ref: TeamRef, review: CompactReview): Promise<CompactReview>;
  /** Latest held first. */
  list(ref: TeamRef): Promise<CompactReview[]>;
}

export interface CompactAckInput {
  teamId: string;
  teamName: string;
  version: number;
  /** What changed from the version before; unchanged clauses are left out. */
  changes: ClauseDiff[];
  /** The Compact page in the tab. */
  link: string;
  /** When the reader acknowledged it: the card then says so instead of asking. */
  acknowledgedAt?: string;
}

/** The compact feature's share of `Ports`. */
export interface CompactPorts {
  compacts: CompactStore;
  proposals: ProposalStore;
  acknowledgements: AcknowledgementStore;
  compactSettings: CompactSettingsStore;
  compactReviews: CompactReviewStore;
}
