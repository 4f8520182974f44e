import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { CheckIn } from './check-in';
import type { Program, ProgramKind } from './program';
import type { Round } from './round';
import type { TeamRecords } from '../team/records';

/** A team's programs, one per kind. */
export interface ProgramStore extends TeamRecords<Program, ProgramKind> {
  list(ref: TeamRef): Promise<Versioned<Program>[]>;
}

export interface RoundStore extends TeamRecords<Round> {
  /** A program's rounds, latest first. */
  list(ref: TeamRef, program: ProgramKind, limit: number): Promise<Versioned<Round>[]>;
}

export interface CheckInStore {
  get(ref: TeamRef, roundId: string, userId: string): Promise<Versioned<CheckIn> | undefined>;
  listForRound(ref: TeamRef, roundId: string): Promise<CheckIn[]>;
  create(ref: TeamRef, checkIn: CheckIn): Promise<Versioned<CheckIn>>;
  update(ref: TeamRef, checkIn: CheckIn, etag: string): Promise<Versioned<CheckIn>>;
  remove(ref: TeamRef, roundId: string, userId: string, etag: string): Promise<void>;
}

/** The rotations feature's share of `Ports`. */
export interface RotationPorts {
  programs: ProgramStore;
  rounds: RoundStore;
  checkIns: CheckInStore;
}
