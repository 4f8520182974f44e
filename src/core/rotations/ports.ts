import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { CheckIn } from './check-in';
import type { Program, ProgramKind } from './program';
import type { Round } from './round';

/** A team's programs, one per kind. */
export interface ProgramStore {
  get(ref: TeamRef, kind: ProgramKind): Promise<Versioned<Program> | undefined>;
  list(ref: TeamRef): Promise<Versioned<Program>[]>;
  /** Insert if absent; `conflict` when it exists. */
  create(ref: TeamRef, program: Program): Promise<Versioned<Program>>;
  update(ref: TeamRef, program: Program, etag: string): Promise<Versioned<Program>>;
}

export interface RoundStore {
  get(ref: TeamRef, id: string): Promise<Versioned<Round> | undefined>;
  /** A program's rounds, latest first. */
  list(ref: TeamRef, program: ProgramKind, limit: number): Promise<Versioned<Round>[]>;
  /** Insert if absent; `conflict` when a round with that id exists. */
  create(ref: TeamRef, round: Round): Promise<Versioned<Round>>;
  update(ref: TeamRef, round: Round, etag: string): Promise<Versioned<Round>>;
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
