import type { PairScorer } from './pair-scorer';
import { shuffle } from './shuffle';
import { teachingCredit } from './skill-match';

/** For large organisations: each member's most promising partners, found without scoring every pair. */
export interface CandidateGraph {
  /** Partners of each member, most promising first, symmetric (if j lists i, i lists j). */
  neighbours: readonly (readonly number[])[];
  /** Candidate pairs [i, j, weight], i < j, each once. */
  edges: readonly (readonly [number, number, number])[];
  /** Each member's estimated price: half the weight of their `priceRank`-th best pair. */
  price: Float64Array;
}

export interface CandidateGraphOptions {
  /** Partners kept per member. */
  topK: number;
  /** Extra partners per member outside their skill matches (other departments, cheapest first). */
  randomExtra: number;
  /** Which best pair sets a member's price (1 = their best). */
  priceRank: number;
  random: () => number;
}

/**
 * Candidate partners through an inverted index on skills: only people who teach what someone learns
 * (or learn what they teach) can beat a blank pair, so only they are scored. Partners are ranked by
 * weight minus the partner's price, not by weight alone: everyone's top partners by weight are the
 * same few generous experts, and a graph of those misses most of the optimum (96% of it at 2,000
 * people against 99.5%+ with prices). The price is the dual idea made cheap: what a member can get
 * elsewhere.
 */
export function candidateGraph(scorer: PairScorer, options: CandidateGraphOptions): CandidateGraph {
  const n = scorer.size;
  const scan = skillScanner(scorer);
  const blank = blankWeights(scorer);

  // Pass 1: each member's price from their priceRank-th best pair (blank pairs count too).
  const price = new Float64Array(n);
  const rank = options.priceRank;
  const best = new Float64Array(rank);
  for (let v = 0; v < n; v++) {
    best.fill(-Infinity);
    scan(v, (_u, w) => {
      if (w <= best[rank - 1]!) return;
      let at = rank - 1;
      while (at > 0 && best[at - 1]! < w) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = w;
    });
    price[v] = Math.max(best[rank - 1]!, blank[v]!) / 2;
  }

  // Pass 2: each member's topK partners by weight minus the partner's price.
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const topIdx = new Int32Array(options.topK);
  const topScore = new Float64Array(options.topK);
  for (let v = 0; v < n; v++) {
    let size = 0;
    scan(v, (u, w) => {
      const score = w - price[u]!;
      if (size === options.topK && score <= topScore[size - 1]!) return;
      let at = size < options.topK ? size++ : size - 1;
      while (at > 0 && topScore[at - 1]! < score) {
        topScore[at] = topScore[at - 1]!;
        topIdx[at] = topIdx[at - 1]!;
        at--;
      }
      topScore[at] = score;
      topIdx[at] = u;
    });
    for (let t = 0; t < size; t++) link(lists, v, topIdx[t]!);
    // Blank partners: the cheapest of a few random people, other departments first.
    const sample: number[] = [];
    for (
      let tries = 0;
      tries < 6 * options.randomExtra && sample.length < 3 * options.randomExtra;
      tries++
    ) {
      const u = Math.floor(options.random() * n);
      if (u === v || (tries < 3 * options.randomExtra && !scorer.differentDepartments(u, v)))
        continue;
      sample.push(u);
    }
    sample.sort((a, b) => price[a]! - price[b]! || a - b);
    for (const u of sample.slice(0, options.randomExtra)) link(lists, v, u);
  }

  // A cycle through everyone in a seeded order: a full assignment always exists along the arcs.
  const ring = shuffle(
    Array.from({ length: n }, (_, i) => i),
    options.random,
  );
  if (n > 1) for (let k = 0; k < n; k++) link(lists, ring[k]!, ring[(k + 1) % n]!);

  const edges: [number, number, number][] = [];
  const neighbours = lists.map((set, i) => {
    const scored = [...set].map((j) => ({ j, w: scorer.weight(i, j) }));
    for (const { j, w } of scored) if (i < j) edges.push([i, j, w]);
    return scored
      .sort((a, b) => b.w - price[b.j]! - (a.w - price[a.j]!) || a.j - b.j)
      .map((s) => s.j);
  });
  return { neighbours, edges, price };
}

/**
 * Calls `visit(u, weight)` for every u ≠ v who shares a skill with v in either direction, with the
 * full pair weight, accumulating both teach scores through the index in one sweep.
 */
function skillScanner(
  scorer: PairScorer,
): (v: number, visit: (u: number, w: number) => void) => void {
  const n = scorer.size;
  const { profiles } = scorer;
  const teachersOf = new Map<string, { who: number; rank: number }[]>();
  const learnersOf = new Map<string, { who: number; rank: number; share: number }[]>();
  profiles.forEach((p, who) => {
    for (const s of p.teaches.values()) listFor(teachersOf, s.key).push({ who, rank: s.rank });
    for (const s of p.learns) {
      listFor(learnersOf, s.key).push({ who, rank: s.rank, share: 1 / p.learns.length });
    }
  });
  const incoming = new Float64Array(n); // teach(u -> v) times v's learn count
  const outgoing = new Float64Array(n); // teach(v -> u)
  const mark = new Uint8Array(n);
  const touched: number[] = [];
  return (v, visit) => {
    touched.length = 0;
    const profile = profiles[v]!;
    for (const want of profile.learns) {
      for (const t of teachersOf.get(want.key) ?? []) {
        incoming[t.who]! += teachingCredit(t.rank, want.rank);
        if (mark[t.who] === 0) {
          mark[t.who] = 1;
          touched.push(t.who);
        }
      }
    }
    for (const offer of profile.teaches.values()) {
      for (const l of learnersOf.get(offer.key) ?? []) {
        outgoing[l.who]! += teachingCredit(offer.rank, l.rank) * l.share;
        if (mark[l.who] === 0) {
          mark[l.who] = 1;
          touched.push(l.who);
        }
      }
    }
    const learnCount = profile.learns.length;
    for (const u of touched) {
      if (u !== v) {
        const inShare = learnCount === 0 ? 0 : incoming[u]! / learnCount;
        visit(u, scorer.affinity(outgoing[u]!, inShare, v, u) - scorer.history.penalty(v, u));
      }
      incoming[u] = 0;
      outgoing[u] = 0;
      mark[u] = 0;
    }
  };
}

/** What a member gets from a pair with no skill in common: the department term, if anyone differs. */
function blankWeights(scorer: PairScorer): Float64Array {
  const byDepartment = new Map<string, number>();
  for (const d of scorer.departments)
    if (d !== '') byDepartment.set(d, (byDepartment.get(d) ?? 0) + 1);
  const known = [...byDepartment.values()].reduce((a, b) => a + b, 0);
  return Float64Array.from(scorer.departments, (d) =>
    d !== '' && known - (byDepartment.get(d) ?? 0) > 0
      ? Math.max(0, scorer.weights.crossDepartment)
      : 0,
  );
}

function listFor<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (list === undefined) map.set(key, (list = []));
  return list;
}

function link(lists: Set<number>[], a: number, b: number): void {
  lists[a]!.add(b);
  lists[b]!.add(a);
}
