import blossom from 'edmonds-blossom-fixed';
import { maxWeightAssignment } from './assignment';
import { shuffle } from './shuffle';

/** How to choose between matchings of equal weight. */
export interface TieBreak {
  /**
   * Pairs to prefer when weights are equal (the round-robin schedule): one more preferred pair
   * always wins a tie. `j = -1` asks whether `i` is the one to leave over on an odd count.
   */
  preferred(i: number, j: number): boolean;
  /** Seeded source for the remaining ties. */
  random: () => number;
}

export interface Matching {
  pairs: [number, number][];
  /** The one vertex left over when the count is odd. */
  leftover: number[];
  /** Certified a maximum-weight matching (of maximum cardinality) of the complete graph. */
  optimal: boolean;
}

/**
 * Integer weights stay below 2^50 / n, so that every sum the solvers form (a matching's weight,
 * the sum of n potentials of at most a few times the largest weight) is exact below 2^53.
 */
const ENCODED_TOTAL = 2 ** 50;
const MAX_SCALE = 2 ** 30;

/**
 * Maximum-weight matching of maximum cardinality on the complete graph over `vertices` (indices
 * into `weight`): perfect when the count is even, one vertex left over when odd. Exact up to real
 * weight differences below ~1e-8; ties go first to preferred pairs, then to the seeded order in
 * which the vertices are numbered for the solvers (a random bonus per pair would do the same but
 * makes the relaxation fractional, and the solve 10x slower, when most weights are equal).
 *
 * The blossom (O(n³) on the full graph: ~2 s at 500 people here) runs only on the pairs that can
 * be in an optimal matching: the dual potentials of the assignment relaxation bound every perfect
 * matching's weight, so a pair whose reduced cost exceeds the gap between that bound and a matching
 * already in hand cannot be in any better matching, and is dropped without changing the optimum.
 */
export function exactMatching(
  vertices: readonly number[],
  weight: (i: number, j: number) => number,
  tie: TieBreak,
): Matching {
  const count = vertices.length;
  if (count < 2) return { pairs: [], leftover: [...vertices], optimal: true };
  const order = shuffle(vertices, tie.random);
  // An odd count gets a stand-in vertex: whoever is matched to it is the one left over.
  const n = count % 2 === 0 ? count : count + 1;
  const real = new Float64Array(n * n);
  const preferred = new Uint8Array(n * n);
  for (let a = 0; a < n; a++) {
    const i = order[a] ?? -1;
    for (let b = a + 1; b < n; b++) {
      const j = order[b] ?? -1;
      const w = i < 0 || j < 0 ? 0 : weight(i, j);
      const p = i < 0 ? tie.preferred(j, -1) : j < 0 ? tie.preferred(i, -1) : tie.preferred(i, j);
      real[a * n + b] = real[b * n + a] = w;
      preferred[a * n + b] = preferred[b * n + a] = p ? 1 : 0;
    }
  }
  const { mate, optimal } = solveEncoded(n, encodeMatrix(n, real, preferred));
  return { ...decode(mate, order), optimal };
}

/**
 * Integer weights (exact arithmetic, no float drift in the duals): the real weight scaled, times a
 * tie range, plus one for a preferred pair: over a whole matching that sums to less than one step.
 */
function encodeMatrix(n: number, real: Float64Array, preferred: Uint8Array): Float64Array {
  const tieRange = n / 2 + 1;
  let min = Infinity;
  let max = -Infinity;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const w = real[a * n + b]!;
      if (w < min) min = w;
      if (w > max) max = w;
    }
  }
  const range = max - min;
  const maxEncoded = ENCODED_TOTAL / n;
  const scale =
    range > 0 ? Math.min(MAX_SCALE, Math.floor((maxEncoded / tieRange - 1) / range)) : 1;
  const encoded = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const k = a * n + b;
      encoded[k] = encoded[b * n + a] =
        Math.round((real[k]! - min) * scale) * tieRange + preferred[k]! + 1;
    }
  }
  return encoded;
}

/**
 * Perfect maximum-weight matching on an even complete graph with integer weights: mate per vertex,
 * and whether it is certified optimal.
 */
function solveEncoded(n: number, w: Float64Array): { mate: Int32Array; optimal: boolean } {
  const { colOfRow, rowPotential, colPotential } = maxWeightAssignment(n, w);
  const y2 = new Float64Array(n);
  let bound2 = 0;
  for (let i = 0; i < n; i++) {
    // Twice the symmetric dual: y2[i] + y2[j] >= 2 w[i][j] for every pair.
    y2[i] = rowPotential[i]! + colPotential[i]!;
    bound2 += y2[i]!;
  }
  const reduced2 = (i: number, j: number) => y2[i]! + y2[j]! - 2 * w[i * n + j]!;
  let mate = matchingFromAssignment(n, colOfRow, w);
  let gap2 = bound2 - matchingWeight(n, mate, w);
  if (gap2 <= 0) return { mate, optimal: true };
  // A better matching in hand narrows the gap, and so the pairs kept: first solve on the few
  // pairs each person has closest to tight (plus the matching in hand, so it can only improve).
  const near = nearTightEdges(n, reduced2, NEAR_TIGHT_PER_VERTEX);
  for (let i = 0; i < n; i++) if (i < mate[i]!) near.push([i, mate[i]!]);
  const first = completeMatching(
    n,
    blossom(
      near.map(([i, j]) => [i, j, w[i * n + j]!]),
      true,
    ),
    w,
  );
  const firstGap2 = bound2 - matchingWeight(n, first, w);
  if (firstGap2 < gap2) {
    mate = first;
    gap2 = firstGap2;
  }
  if (gap2 <= 0) return { mate, optimal: true };
  const kept: { i: number; j: number; r: number }[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = reduced2(i, j);
      if (r <= gap2) kept.push({ i, j, r });
    }
  }
  // When the relaxation is loose (odd cycles of good pairs), few pairs can be ruled out and the
  // blossom slows to O(n³) on nearly all of them: past a size, solve on the most promising pairs
  // only and say the result is not certified.
  const optimal = n <= ALWAYS_CERTIFY || kept.length <= KEPT_PER_VERTEX * n;
  if (!optimal) {
    kept.sort((a, b) => a.r - b.r || a.i - b.i || a.j - b.j);
    kept.length = KEPT_PER_VERTEX * n;
    for (let i = 0; i < n; i++) if (i < mate[i]!) kept.push({ i, j: mate[i]!, r: 0 });
  }
  const solved = blossom(
    kept.map(({ i, j }) => [i, j, w[i * n + j]!]),
    true,
  );
  // The kept pairs always contain a perfect matching (the one in hand); check rather than trust.
  if (solved.length !== n || solved.some((m) => m < 0)) return { mate, optimal: false };
  const result = Int32Array.from(solved);
  return matchingWeight(n, result, w) >= matchingWeight(n, mate, w)
    ? { mate: result, optimal }
    : { mate, optimal: false };
}

/** Up to this many vertices the blossom runs on every pair that may be optimal (≤ ~2 s here). */
const ALWAYS_CERTIFY = 500;
/** Above it, pairs kept per vertex before falling back to an uncertified solve. */
const KEPT_PER_VERTEX = 20;

/** How many of each person's lowest reduced-cost pairs the first, cheap solve looks at. */
const NEAR_TIGHT_PER_VERTEX = 6;

const matchingWeight = (n: number, mate: Int32Array, w: Float64Array): number => {
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i * n + mate[i]!]!;
  return total;
};

/** Each vertex's `k` pairs of lowest reduced cost (ties by index), as `[i, j]` with i < j, once each. */
function nearTightEdges(
  n: number,
  reduced2: (i: number, j: number) => number,
  k: number,
): [number, number][] {
  const chosen = new Set<number>();
  const best = new Int32Array(k);
  const cost = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    let size = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const r = reduced2(i, j);
      if (size === k && r >= cost[k - 1]!) continue;
      // Insertion into a short sorted list: k is tiny.
      let at = size < k ? size++ : k - 1;
      while (at > 0 && cost[at - 1]! > r) {
        cost[at] = cost[at - 1]!;
        best[at] = best[at - 1]!;
        at--;
      }
      cost[at] = r;
      best[at] = j;
    }
    for (let t = 0; t < size; t++) {
      const j = best[t]!;
      chosen.add(i < j ? i * n + j : j * n + i);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((key) => [Math.floor(key / n), key % n]);
}

/** Mates from a (possibly partial) blossom answer, with anyone unmatched paired greedily. */
function completeMatching(n: number, solved: readonly number[], w: Float64Array): Int32Array {
  const mate = new Int32Array(n).fill(-1);
  const left: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = solved[i] ?? -1;
    if (m >= 0 && (solved[m] ?? -1) === i) mate[i] = m;
    else left.push(i);
  }
  pairGreedily(left, mate, n, w);
  return mate;
}

/** Pair the given vertices among themselves, each with its best remaining partner. */
function pairGreedily(left: number[], mate: Int32Array, n: number, w: Float64Array): void {
  while (left.length > 1) {
    const a = left.pop()!;
    let best = 0;
    for (let k = 1; k < left.length; k++) {
      if (w[a * n + left[k]!]! > w[a * n + left[best]!]!) best = k;
    }
    const b = left.splice(best, 1)[0]!;
    mate[a] = b;
    mate[b] = a;
  }
}

/**
 * A perfect matching read off the assignment's cycles: 2-cycles are pairs, longer cycles give every
 * other edge (the better half when even), and whoever is left is paired greedily.
 */
function matchingFromAssignment(n: number, colOfRow: Int32Array, w: Float64Array): Int32Array {
  const mate = new Int32Array(n).fill(-1);
  const seen = new Uint8Array(n);
  const left: number[] = [];
  for (let start = 0; start < n; start++) {
    if (seen[start] === 1) continue;
    const cycle: number[] = [];
    for (let v = start; seen[v] === 0; v = colOfRow[v]!) {
      seen[v] = 1;
      cycle.push(v);
    }
    const len = cycle.length;
    let offset = 0;
    if (len % 2 === 0 && len > 2) {
      let even = 0;
      let odd = 0;
      for (let k = 0; k < len; k += 2) {
        even += w[cycle[k]! * n + cycle[k + 1]!]!;
        odd += w[cycle[k + 1]! * n + cycle[(k + 2) % len]!]!;
      }
      offset = odd > even ? 1 : 0;
    }
    for (let k = 0; k + 1 < len; k += 2) {
      const a = cycle[(k + offset) % len]!;
      const b = cycle[(k + 1 + offset) % len]!;
      mate[a] = b;
      mate[b] = a;
    }
    if (len % 2 === 1) left.push(cycle[len - 1]!);
  }
  pairGreedily(left, mate, n, w);
  return mate;
}

/** Turn mates over local indices into pairs of the caller's vertices (a stand-in past the end). */
function decode(
  mate: Int32Array,
  vertices: readonly number[],
): { pairs: [number, number][]; leftover: number[] } {
  const pairs: [number, number][] = [];
  const leftover: number[] = [];
  for (let a = 0; a < mate.length; a++) {
    const b = mate[a]!;
    if (a > b) continue;
    const i = vertices[a];
    const j = vertices[b];
    if (i === undefined) {
      if (j !== undefined) leftover.push(j);
    } else if (j === undefined) leftover.push(i);
    else pairs.push([i, j]);
  }
  return { pairs, leftover };
}
