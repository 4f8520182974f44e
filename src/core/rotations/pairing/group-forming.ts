import type { Matching } from './exact-matching';

type Weight = (i: number, j: number) => number;

export interface GroupFormingOptions {
  groupSize: 2 | 3;
  weight: Weight;
  /**
   * For large organisations: a member's candidate partners, so only groups holding one of them are
   * compared. Without it every pair of groups is compared.
   */
  neighbours?: (v: number) => readonly number[];
}

/** Sum of the pairwise weights inside a group. */
export function groupWeight(members: readonly number[], weight: Weight): number {
  let total = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) total += weight(members[a]!, members[b]!);
  }
  return total;
}

/**
 * Groups from a maximum-weight matching. Pairs: the one left over on an odd count joins the pair it
 * adds most to. Groups of three: the weakest pairs are split up and their members join other pairs
 * (3-D matching is NP-hard, so this is a heuristic). Then a local search re-splits two groups at a
 * time (same sizes) while that raises the total.
 */
export function formGroups(matching: Matching, options: GroupFormingOptions): number[][] {
  const { weight } = options;
  const size = matching.pairs.length * 2 + matching.leftover.length;
  const pairs = matching.pairs.map(([a, b]) => [a, b]);
  if (options.groupSize === 2) {
    const [extra] = matching.leftover;
    if (extra === undefined) return pairs;
    if (pairs.length === 0) return [];
    const trio = bestHost(extra, pairs, weight);
    pairs[trio]!.push(extra);
    improve(pairs, [trio], () => pairs.keys(), weight);
    return pairs;
  }
  const trios = size % 3 === 0 ? size / 3 : size % 3 === 1 ? (size - 4) / 3 : (size - 2) / 3;
  if (trios <= 0) return pairs;
  // Split the weakest pairs until there are as many people to add as groups of three needed.
  const order = pairs
    .map((p, index) => ({ index, w: weight(p[0]!, p[1]!) }))
    .sort((a, b) => a.w - b.w || a.index - b.index);
  const singles = [...matching.leftover];
  const split = new Set<number>();
  for (const { index } of order) {
    if (singles.length >= trios) break;
    split.add(index);
    singles.push(...pairs[index]!);
  }
  const groups = pairs.filter((_, index) => !split.has(index));
  placeSingles(singles, groups, options);
  const memberGroup = new Int32Array(size);
  const refresh = (...changed: number[]) => {
    for (const g of changed) for (const v of groups[g]!) memberGroup[v] = g;
  };
  refresh(...groups.keys());
  const neighbours = options.neighbours;
  const partnersOf = neighbours
    ? (g: number) => {
        const found = new Set<number>();
        for (const v of groups[g]!) {
          for (const u of neighbours(v).slice(0, 8))
            if (memberGroup[u] !== g) found.add(memberGroup[u]!);
        }
        return found;
      }
    : () => range(0, groups.length);
  improve(groups, groups.keys(), partnersOf, weight, refresh);
  return groups;
}

/** Add each single to a different pair, best gains first. */
function placeSingles(singles: number[], groups: number[][], options: GroupFormingOptions): void {
  const { weight, neighbours } = options;
  const gain = (s: number, g: number) => weight(s, groups[g]![0]!) + weight(s, groups[g]![1]!);
  const hostOf = new Map<number, number>();
  for (const [g, members] of groups.entries()) for (const v of members) hostOf.set(v, g);
  const offers: { s: number; g: number; w: number }[] = [];
  for (const s of singles) {
    const hosts = neighbours
      ? new Set(
          neighbours(s)
            .map((u) => hostOf.get(u))
            .filter((g) => g !== undefined),
        )
      : range(0, groups.length);
    for (const g of hosts) offers.push({ s, g, w: gain(s, g) });
  }
  offers.sort((a, b) => b.w - a.w || a.s - b.s || a.g - b.g);
  const placed = new Set<number>();
  const full = new Set<number>();
  for (const { s, g } of offers) {
    if (placed.has(s) || full.has(g)) continue;
    groups[g]!.push(s);
    placed.add(s);
    full.add(g);
  }
  // Whoever's candidates all went elsewhere takes the best pair still open.
  for (const s of singles) {
    if (placed.has(s)) continue;
    let best = -1;
    for (let g = 0; g < groups.length; g++) {
      if (!full.has(g) && (best < 0 || gain(s, g) > gain(s, best))) best = g;
    }
    groups[best]!.push(s);
    full.add(best);
  }
}

/** The pair that gains most from adding `extra` (first one on ties). */
function bestHost(extra: number, pairs: readonly number[][], weight: Weight): number {
  let best = 0;
  let bestGain = -Infinity;
  pairs.forEach(([a, b], index) => {
    const gain = weight(extra, a!) + weight(extra, b!);
    if (gain > bestGain) {
      bestGain = gain;
      best = index;
    }
  });
  return best;
}

/** Improvements smaller than this are float noise, not worth a move (and could cycle). */
const EPSILON = 1e-9;
const MAX_PASSES = 25;

/**
 * Local search: for a group and each group it is compared with, try every way to re-split their
 * members into groups of the same two sizes; keep the best if it raises the total. After the first
 * pass only groups that changed are looked at again.
 */
function improve(
  groups: number[][],
  focus: Iterable<number>,
  partnersOf: (g: number) => Iterable<number>,
  weight: Weight,
  onChange: (g: number, h: number) => void = () => {},
): void {
  let queue = [...focus];
  for (let pass = 0; pass < MAX_PASSES && queue.length > 0; pass++) {
    const changed = new Set<number>();
    for (const g of queue) {
      for (const h of partnersOf(g)) {
        if (h === g) continue;
        const a = groups[g]!;
        const b = groups[h]!;
        const best = bestSplit([...a, ...b], a.length, weight);
        if (best.total > best.current + EPSILON) {
          groups[g] = best.first;
          groups[h] = best.second;
          changed.add(g).add(h);
          onChange(g, h);
        }
      }
    }
    queue = [...changed].sort((x, y) => x - y);
  }
}

/**
 * The best way to cut `people` (at most six) into a group of `firstSize` and the rest, and the
 * value of the current cut (the first `firstSize` people).
 */
function bestSplit(
  people: readonly number[],
  firstSize: number,
  weight: Weight,
): { first: number[]; second: number[]; total: number; current: number } {
  const count = people.length;
  const table = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) table[a * count + b] = weight(people[a]!, people[b]!);
  }
  const valueOf = (mask: number) => {
    let total = 0;
    for (let a = 0; a < count; a++) {
      for (let b = a + 1; b < count; b++) {
        if (((mask >> a) & 1) === ((mask >> b) & 1)) total += table[a * count + b]!;
      }
    }
    return total;
  };
  const currentMask = (1 << firstSize) - 1;
  const current = valueOf(currentMask);
  let bestMask = currentMask;
  let total = current;
  for (let mask = 0; mask < 1 << count; mask++) {
    if (popcount(mask) !== firstSize) continue;
    const value = valueOf(mask);
    if (value > total + EPSILON) {
      total = value;
      bestMask = mask;
    }
  }
  const first: number[] = [];
  const second: number[] = [];
  for (let k = 0; k < count; k++) ((bestMask >> k) & 1 ? first : second).push(people[k]!);
  return { first, second, total, current };
}

const popcount = (x: number): number => {
  let c = 0;
  for (let v = x; v !== 0; v &= v - 1) c++;
  return c;
};

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
