import type { Candidate, PairingWeights, PastRound } from './pairing';
import { repeatHistory, type RepeatHistory } from './repeat-history';
import { skillProfile, teachScore, type SkillProfile } from './skill-match';

/** Everything the engine knows about one pair, computed from profiles, departments and history. */
export interface PairScorer {
  readonly size: number;
  readonly weights: PairingWeights;
  readonly profiles: readonly SkillProfile[];
  /** Normalised department per member ('' when unknown). */
  readonly departments: readonly string[];
  readonly history: RepeatHistory;
  /** The pair's weight: skills and departments, minus the decayed repeat penalty. */
  weight(i: number, j: number): number;
  /** The same without the repeat penalty, from precomputed teach scores. */
  affinity(teachIJ: number, teachJI: number, i: number, j: number): number;
  differentDepartments(i: number, j: number): boolean;
}

/** Harmonic mean of the two teaching directions: high only when both can teach the other. */
export const reciprocity = (ab: number, ba: number): number =>
  ab + ba === 0 ? 0 : (2 * ab * ba) / (ab + ba);

/** Build the scorer for this round's candidates (their index is their position in `candidates`). */
export function createPairScorer(
  candidates: readonly Candidate[],
  history: readonly PastRound[],
  weights: PairingWeights,
): PairScorer {
  const size = candidates.length;
  const profiles = candidates.map((c) => skillProfile(c.teaches, c.learns));
  const departments = candidates.map((c) => (c.department ?? '').trim().toLowerCase());
  const indexOf = new Map(candidates.map((c, i) => [c.id, i]));
  const repeats = repeatHistory(history, indexOf, weights.repeatPenalty, weights.halfLifeRounds);
  const differentDepartments = (i: number, j: number) => {
    const a = departments[i] ?? '';
    const b = departments[j] ?? '';
    return a !== '' && b !== '' && a !== b;
  };
  const affinity = (ab: number, ba: number, i: number, j: number) =>
    weights.reciprocity * reciprocity(ab, ba) +
    weights.oneWay * Math.max(ab, ba) +
    (differentDepartments(i, j) ? weights.crossDepartment : 0);
  return {
    size,
    weights,
    profiles,
    departments,
    history: repeats,
    differentDepartments,
    affinity,
    weight(i, j) {
      const a = profiles[i]!;
      const b = profiles[j]!;
      return affinity(teachScore(a, b), teachScore(b, a), i, j) - repeats.penalty(i, j);
    },
  };
}
