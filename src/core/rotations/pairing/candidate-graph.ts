import { reciprocity, type PairScorer } from './pair-scorer';
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
    const count = scan.run(v);
    for (let t = 0; t < count; t++) {
      const w = scan.weight[t]!;
      if (w <= best[rank - 1]!) continue;
      let at = rank - 1;
      while (at > 0 && best[at - 1]! < w) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = w;
    }
    price[v] = Math.max(best[rank - 1]!, blank[v]!) / 2;
  }

  // Pass 2: each member's topK partners by weight minus the partner's price.
  const lists: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const topIdx = new Int32Array(options.topK);
  const topScore = new Float64Array(options.topK);
  for (let v = 0; v < n; v++) {
    let size = 0;
    const count = scan.run(v);
    for (let t = 0; t < count; t++) {
      const u = scan.who[t]!;
      const score = scan.weight[t]! - price[u]!;
      if (size === options.topK && score <= topScore[size - 1]!) continue;
      let at = size < options.topK ? size++ : size - 1;
      while (at > 0 && topScore[at - 1]! < score) {
        topScore[at] = topScore[at - 1]!;
        topIdx[at] = topIdx[at - 1]!;
        at--;
      }
      topScore[at] = score;
      topIdx[at] = u;
    }
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

/** Scores, for one member at a time, everyone who shares a skill with them in either direction. */
interface SkillScanner {
  /** Scan member v; returns how many were found, in `who` / `weight` (valid until the next run). */
  run(v: number): number;
  who: Int32Array;
  weight: Float64Array;
}

/**
 * The inverted index does both teach scores in one sweep per member; the hot loop works on typed
 * arrays and department codes, since it visits a large share of all pairs at 5,000 people.
 */
function skillScanner(scorer: PairScorer): SkillScanner {
  const n = scorer.size;
  const { profiles, weights } = scorer;
  const teachers = new Map<string, { who: number[]; rank: number[] }>();
  const learners = new Map<string, { who: number[]; rank: number[]; share: number[] }>();
  profiles.forEach((p, who) => {
    for (const s of p.teaches.values()) {
      const list = entry(teachers, s.key, () => ({ who: [], rank: [] }));
      list.who.push(who);
      list.rank.push(s.rank);
    }
    for (const s of p.learns) {
      const list = entry(learners, s.key, () => ({ who: [], rank: [], share: [] }));
      list.who.push(who);
      list.rank.push(s.rank);
      list.share.push(1 / p.learns.length);
    }
  });
  const codes = new Map<string, number>();
  const department = Int32Array.from(scorer.departments, (d) =>
    d === '' ? -1 : entry(codes, d, () => codes.size),
  );
  const penalties = new Map<number, Map<number, number>>();
  for (const [i, j, p] of scorer.history.pairs()) {
    entry(penalties, i, () => new Map<number, number>()).set(j, p);
    entry(penalties, j, () => new Map<number, number>()).set(i, p);
  }
  const incoming = new Float64Array(n); // teach(u -> v) times v's learn count
  const outgoing = new Float64Array(n); // teach(v -> u)
  const mark = new Uint8Array(n);
  const scanner: SkillScanner = {
    who: new Int32Array(n),
    weight: new Float64Array(n),
    run(v) {
      const who = scanner.who;
      let count = 0;
      const profile = profiles[v]!;
      for (const want of profile.learns) {
        const list = teachers.get(want.key);
        if (list === undefined) continue;
        for (let k = 0; k < list.who.length; k++) {
          const u = list.who[k]!;
          incoming[u]! += teachingCredit(list.rank[k]!, want.rank);
          if (mark[u] === 0) {
            mark[u] = 1;
            who[count++] = u;
          }
        }
      }
      for (const offer of profile.teaches.values()) {
        const list = learners.get(offer.key);
        if (list === undefined) continue;
        for (let k = 0; k < list.who.length; k++) {
          const u = list.who[k]!;
          outgoing[u]! += teachingCredit(offer.rank, list.rank[k]!) * list.share[k]!;
          if (mark[u] === 0) {
            mark[u] = 1;
            who[count++] = u;
          }
        }
      }
      const perLearn = profile.learns.length === 0 ? 0 : 1 / profile.learns.length;
      const dv = department[v]!;
      const penalty = penalties.get(v);
      let kept = 0;
      for (let t = 0; t < count; t++) {
        const u = who[t]!;
        const ab = outgoing[u]!;
        const ba = incoming[u]! * perLearn;
        incoming[u] = 0;
        outgoing[u] = 0;
        mark[u] = 0;
        if (u === v) continue;
        const du = department[u]!;
        // Same formula as PairScorer.weight, inlined for speed.
        scanner.weight[kept] =
          weights.reciprocity * reciprocity(ab, ba) +
          weights.oneWay * Math.max(ab, ba) +
          (dv >= 0 && du >= 0 && dv !== du ? weights.crossDepartment : 0) -
          (penalty?.get(u) ?? 0);
        who[kept++] = u;
      }
      return kept;
    },
  };
  return scanner;
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

function entry<K, V>(
  map: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  create: () => V,
): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

function link(lists: Set<number>[], a: number, b: number): void {
  lists[a]!.add(b);
  lists[b]!.add(a);
}
