import type { Skill } from '../../team/member';
import type { GroupReason } from './group-reason';

/** Someone the engine may place in a group this round (paused and opted-out people never reach it). */
export interface Candidate {
  id: string;
  /** First name or display name, used in the human reason. */
  name: string;
  department: string;
  teaches: readonly Skill[];
  learns: readonly Skill[];
}

/** A round that already happened: who was grouped with whom. */
export interface PastRound {
  groups: readonly (readonly string[])[];
}

/** What a program values; every term is optional in effect (0 switches it off). */
export interface PairingWeights {
  /** Reward for reciprocity: the harmonic mean of "A can teach B" and "B can teach A", in [0, 1]. */
  reciprocity: number;
  /** Reward for one-way teaching, so a pair where only one can teach still beats a blank pair. */
  oneWay: number;
  /** Reward when the two work in different departments (both departments known). */
  crossDepartment: number;
  /** Penalty for having been grouped together in the most recent round; it halves every `halfLifeRounds`. */
  repeatPenalty: number;
  halfLifeRounds: number;
}

export interface PairingInput {
  candidates: readonly Candidate[];
  /** Most recent first. */
  history: readonly PastRound[];
  weights: PairingWeights;
  /** 2: pairs, with one trio when the count is odd. 3: groups of three, with pairs where it does not divide. */
  groupSize: 2 | 3;
  /** Same input and seed, same result. */
  seed: number;
}

/** One skill one member can teach another in the group. */
export interface Lesson {
  teacher: string;
  learner: string;
  skill: string;
}

export interface PairingGroup {
  /** Member ids, sorted by the order they appear in `candidates`. */
  members: string[];
  /** Sum of the pairwise weights inside the group. */
  weight: number;
  lessons: Lesson[];
  /** Why, as ids and skills; shown as e.g. "Ana teaches Ben SQL; Ben teaches Ana design reviews." */
  reason: GroupReason;
}

export interface PairingResult {
  groups: PairingGroup[];
  /** People who could not be placed, and why, in words for them (e.g. nobody else was available). */
  unplaced: { id: string; reason: string }[];
  totalWeight: number;
  /**
   * `exact`: the pair matching is certified optimal on the full graph (a trio or groups of three
   * are then built on it; exactly so for small teams, see docs/pairing.md); `sparse`: a candidate
   * graph, for large organisations, or whenever optimality could not be certified cheaply.
   */
  method: 'exact' | 'sparse';
}
