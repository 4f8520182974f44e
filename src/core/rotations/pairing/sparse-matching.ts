import type { CandidateGraph } from './candidate-graph';
import { exactMatching, type Matching, type TieBreak } from './exact-matching';
import { shuffle } from './shuffle';
import { arcsFromEdges, sparseAssignment } from './sparse-assignment';

const range = (size: number) => Array.from({ length: size }, (_, i) => i);

export interface SparseMatchingOptions {
  /** People per exactly solved window. */
  windowSize: number;
  /** Extra passes of windows over everyone after the repair of the assignment's odd cycles. */
  passes: number;
}

/**
 * A maximum-cardinality matching for large organisations, in three steps:
 * 1. the assignment relaxation on the candidate pairs (each person picks a partner, as a
 *    permutation), which is nearly always a set of mutual picks, solved exactly and fast;
 * 2. its mutual picks become pairs, longer cycles give every other pair;
 * 3. windows around whoever was left out — a person, their candidates, those people's current
 *    partners, and so on — are re-solved exactly on all their pairs. A window holds whole pairs,
 *    so re-solving it can only raise the total.
 */
export function sparseMatching(
  size: number,
  graph: CandidateGraph,
  weight: (i: number, j: number) => number,
  tie: TieBreak,
  options: SparseMatchingOptions,
): Matching {
  const mate = assignmentMatching(size, graph);
  const unsettled: number[] = [];
  for (let v = 0; v < size; v++) if (mate[v]! < 0) unsettled.push(v);
  pairInOrder(unsettled, mate, weight);
  // Repair around the people the assignment could not pair mutually, then optional full passes.
  solveWindows(unsettled, graph, mate, weight, tie, options.windowSize);
  for (let pass = 0; pass < options.passes; pass++) {
    solveWindows(shuffle(range(size), tie.random), graph, mate, weight, tie, options.windowSize);
  }
  const pairs: [number, number][] = [];
  const leftover: number[] = [];
  for (let v = 0; v < size; v++) {
    const m = mate[v]!;
    if (m < 0) leftover.push(v);
    else if (v < m) pairs.push([v, m]);
  }
  return { pairs, leftover, optimal: false };
}

/** Integer arc weights for exact arithmetic: the weight in millionths at most. */
const ASSIGNMENT_SCALE = 1e6;

/** Mates read off the optimal assignment on the candidate pairs: mutual picks and even cycles. */
function assignmentMatching(size: number, graph: CandidateGraph): Int32Array {
  const mate = new Int32Array(size).fill(-1);
  if (size < 2) return mate;
  // Millionths, or coarser if weights are huge, so every sum stays exact below 2^53.
  const largest = graph.edges.reduce((m, [, , w]) => Math.max(m, Math.abs(w)), 1);
  const scale = Math.min(ASSIGNMENT_SCALE, Math.floor(2 ** 50 / (size * largest)));
  const scaled = graph.edges.map(([i, j, w]) => [i, j, Math.round(w * scale)] as const);
  const { colOfRow } = sparseAssignment(size, arcsFromEdges(size, scaled));
  const seen = new Uint8Array(size);
  for (let start = 0; start < size; start++) {
    if (seen[start] === 1) continue;
    const cycle: number[] = [];
    for (let v = start; seen[v] === 0; v = colOfRow[v]!) {
      seen[v] = 1;
      cycle.push(v);
    }
    // Odd cycles are left to the repair windows; even ones give every other pair.
    if (cycle.length % 2 === 1) continue;
    for (let k = 0; k < cycle.length; k += 2) {
      mate[cycle[k]!] = cycle[k + 1]!;
      mate[cycle[k + 1]!] = cycle[k]!;
    }
  }
  return mate;
}

/** Pair the given unmatched people among themselves, each with the best of the rest. */
function pairInOrder(
  people: readonly number[],
  mate: Int32Array,
  weight: (i: number, j: number) => number,
): void {
  const left = [...people];
  while (left.length > 1) {
    const a = left.shift()!;
    let best = 0;
    for (let k = 1; k < left.length; k++) {
      if (weight(a, left[k]!) > weight(a, left[best]!)) best = k;
    }
    const b = left.splice(best, 1)[0]!;
    mate[a] = b;
    mate[b] = a;
  }
}

/** One exact window per seed not yet covered in this call. */
function solveWindows(
  seeds: readonly number[],
  graph: CandidateGraph,
  mate: Int32Array,
  weight: (i: number, j: number) => number,
  tie: TieBreak,
  windowSize: number,
): void {
  const covered = new Uint8Array(mate.length);
  for (const start of seeds) {
    if (covered[start] === 1) continue;
    const window = growWindow(start, graph, mate, covered, windowSize);
    const solved = exactMatching(window, weight, tie);
    for (const v of window) mate[v] = -1;
    for (const [a, b] of solved.pairs) {
      mate[a] = b;
      mate[b] = a;
    }
  }
}

/**
 * Breadth-first over candidate pairs from `start`, taking each person not yet covered together
 * with their current partner (marked covered as they are taken).
 */
function growWindow(
  start: number,
  graph: CandidateGraph,
  mate: Int32Array,
  covered: Uint8Array,
  limit: number,
): number[] {
  const window: number[] = [];
  const take = (v: number) => {
    if (covered[v] === 1) return;
    covered[v] = 1;
    window.push(v);
    const m = mate[v]!;
    if (m >= 0 && covered[m] === 0) {
      covered[m] = 1;
      window.push(m);
    }
  };
  take(start);
  for (let head = 0; head < window.length && window.length < limit; head++) {
    for (const u of graph.neighbours[window[head]!] ?? []) {
      if (window.length >= limit) break;
      take(u);
    }
  }
  return window;
}
