import { invalid } from '../../errors';
import { seededRandom } from '../../random';
import { candidateGraph } from './candidate-graph';
import { roundRobinPreference } from './circle-schedule';
import { exactMatching, type Matching, type TieBreak } from './exact-matching';
import { exhaustiveGroups } from './exhaustive-groups';
import { bestWithTrio, ODD_SEARCH_LIMIT } from './odd-trio-search';
import { formGroups, groupWeight } from './group-forming';
import { groupLessons, groupReason } from './group-reason';
import { createPairScorer, type PairScorer } from './pair-scorer';
import type { PairingGroup, PairingInput, PairingResult } from './pairing';
import { sparseMatching } from './sparse-matching';

/** Up to this many people the matching is exact on all pairs (about a second at 1,000 here). */
export const EXACT_LIMIT = 1000;

/** Above EXACT_LIMIT: candidate pairs per person and the size of the exactly solved windows. */
const SPARSE = { topK: 15, randomExtra: 3, priceRank: 5, windowSize: 300, passes: 0 };
/** Groups of three for up to this many people: every split is tried. */
const EXHAUSTIVE_LIMIT = 12;

export const ALONE_REASON =
  'There is no partner for you yet: nobody else is taking part this round.';

/**
 * Groups for one round: a maximum-weight matching on the pair weights (pairs, one trio on an odd
 * count; or groups of three), each group with its lessons and a reason. Pure and deterministic:
 * the same input and seed give the same result.
 */
export function computePairs(input: PairingInput): PairingResult {
  validate(input);
  const { candidates } = input;
  const n = candidates.length;
  if (n === 0) return { groups: [], unplaced: [], totalWeight: 0, method: 'exact' };
  if (n === 1) {
    const [only] = candidates;
    return {
      groups: [],
      unplaced: [{ id: only!.id, reason: ALONE_REASON }],
      totalWeight: 0,
      method: 'exact',
    };
  }
  const scorer = createPairScorer(candidates, input.history, input.weights);
  const random = seededRandom(input.seed);
  const tie: TieBreak = {
    // The round-robin schedule only makes sense for pairs.
    preferred:
      input.groupSize === 2
        ? roundRobinPreference(
            candidates.map((c) => c.id),
            input.history.length,
          )
        : () => false,
    random,
  };

  let matching: Matching;
  let weight: (i: number, j: number) => number;
  let neighbours: ((v: number) => readonly number[]) | undefined;
  if (n <= EXACT_LIMIT) {
    const matrix = weightMatrix(scorer);
    weight = (i, j) => matrix[i * n + j]!;
    matching = exactMatching(range(n), weight, tie);
  } else {
    weight = (i, j) => scorer.weight(i, j);
    const graph = candidateGraph(scorer, { ...SPARSE, random });
    matching = sparseMatching(n, graph, weight, tie, SPARSE);
    neighbours = (v) => graph.neighbours[v] ?? [];
  }
  const method = matching.optimal ? 'exact' : 'sparse';

  const options = { groupSize: input.groupSize, weight, ...(neighbours ? { neighbours } : {}) };
  let grouped = formGroups(matching, options);
  if (method === 'exact' && input.groupSize === 2 && n % 2 === 1 && n <= ODD_SEARCH_LIMIT) {
    grouped = bestWithTrio(grouped, n, weight, tie);
  }
  if (input.groupSize === 3 && n <= EXHAUSTIVE_LIMIT) {
    const trios = grouped.filter((g) => g.length === 3).length;
    grouped = exhaustiveGroups(n, trios, grouped.length - trios, weight);
  }
  const groups: PairingGroup[] = grouped
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => a[0]! - b[0]!)
    .map((members) => ({
      members: members.map((i) => candidates[i]!.id),
      weight: groupWeight(members, weight),
      lessons: groupLessons(members, candidates, scorer),
      reason: groupReason(members, candidates, scorer),
    }));
  return {
    groups,
    unplaced: [],
    totalWeight: groups.reduce((sum, g) => sum + g.weight, 0),
    method,
  };
}

function weightMatrix(scorer: PairScorer): Float64Array {
  const n = scorer.size;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) matrix[i * n + j] = matrix[j * n + i] = scorer.weight(i, j);
  }
  return matrix;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

const MAX_WEIGHT = 1000;

function validate(input: PairingInput): void {
  if (input.groupSize !== 2 && input.groupSize !== 3) {
    throw invalid('Choose a group size of 2 or 3.', 'groupSize');
  }
  if (!Number.isFinite(input.seed)) throw invalid('The seed must be a finite number.', 'seed');
  const w = input.weights;
  for (const key of ['reciprocity', 'oneWay', 'crossDepartment', 'repeatPenalty'] as const) {
    // Only ratios matter; a cap keeps the solvers' integer arithmetic exact.
    if (!Number.isFinite(w[key]) || w[key] < 0 || w[key] > MAX_WEIGHT) {
      throw invalid(`weights.${key} must be a number from 0 to ${MAX_WEIGHT}.`, `weights.${key}`);
    }
  }
  if (!(w.halfLifeRounds > 0)) {
    throw invalid('weights.halfLifeRounds must be more than 0.', 'weights.halfLifeRounds');
  }
  const seen = new Set<string>();
  input.candidates.forEach((c, index) => {
    if (c.id === '') throw invalid('Every candidate needs an id.', `candidates[${index}].id`);
    if (seen.has(c.id)) {
      throw invalid(`Candidate ${c.id} is listed twice.`, `candidates[${index}].id`);
    }
    seen.add(c.id);
  });
}
