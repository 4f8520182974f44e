// `npm run bench:pairing`: the pairing engine against the exact optimum, a greedy matching, a
// random shuffle (what pairing bots do) and a certified upper bound, on seeded random skill
// profiles (30 skills with a popularity skew, 1–4 taught and 1–4 learnt each, 6–10
// departments); then how many rounds pass before anyone meets the same partner again.
// Prints one JSON object on stdout; progress goes to stderr.
//
// The upper bound is the assignment relaxation: any perfect matching, counted from both ends, is
// an assignment, so half the best assignment bounds every matching. It is solved exactly on the
// full graph (dense Hungarian, ~20 s at 5,000). Σ max incident weight / 2 is shown as well; it is
// far looser (the optimum is ~85% of it).
//
// Knobs (environment): BENCH_SIZES (comma-separated, default 50,200,500,1000,5000), BENCH_SEED.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { maxWeightAssignment } from '../../src/core/rotations/pairing/assignment';
import { computePairs, EXACT_LIMIT } from '../../src/core/rotations/pairing/engine';
import { exactMatching } from '../../src/core/rotations/pairing/exact-matching';
import { createPairScorer } from '../../src/core/rotations/pairing/pair-scorer';
import type {
  Candidate,
  PairingWeights,
  PastRound,
} from '../../src/core/rotations/pairing/pairing';
import { DEFAULT_WEIGHTS } from '../../src/core/rotations/pairing/program-weights';
import type { SkillLevel } from '../../src/core/team/member';
import { seededRandom } from '../support/seeded-random';

const env = process.env;
const sizes = (env.BENCH_SIZES ?? '50,200,500,1000,5000').split(',').map(Number);
const baseSeed = Number(env.BENCH_SEED ?? 1);
const progress = (message: string) => process.stderr.write(`[bench:pairing] ${message}\n`);
const loadAtStart = os.loadavg()[0] ?? 0;
const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---- data -----------------------------------------------------------------------------------

const SKILLS = [
  'SQL', 'TypeScript', 'Design reviews', 'Testing', 'Kubernetes', 'Public speaking', 'Python',
  'Data visualisation', 'Roadmapping', 'Figma', 'Negotiation', 'Go', 'Security', 'Writing',
  'Accessibility', 'Excel', 'Hiring', 'Mentoring', 'Terraform', 'React', 'Statistics',
  'Customer interviews', 'Pricing', 'Incident response', 'Rust', 'Copywriting', 'Budgeting',
  'Machine learning', 'Legal basics', 'Facilitation',
]; // prettier-ignore

/** A seeded organisation: skill popularity ~ 1/rank, levels skewed as people describe themselves. */
function organisation(n: number, seed: number): Candidate[] {
  const random = seededRandom(seed);
  const popularity = SKILLS.map((_, rank) => 1 / (rank + 1));
  const total = popularity.reduce((a, b) => a + b, 0);
  const pickSkill = () => {
    let x = random() * total;
    for (let k = 0; k < popularity.length; k++) if ((x -= popularity[k]!) <= 0) return k;
    return 0;
  };
  const level = (beginner: number, intermediate: number): SkillLevel => {
    const x = random();
    return x < beginner ? 'beginner' : x < beginner + intermediate ? 'intermediate' : 'expert';
  };
  const departments = 6 + Math.floor(random() * 5);
  return Array.from({ length: n }, (_, i) => {
    const used = new Set<number>();
    const take = (count: number) => {
      const out: number[] = [];
      for (let guard = 0; out.length < count && guard < 200; guard++) {
        const k = pickSkill();
        if (used.has(k)) continue;
        used.add(k);
        out.push(k);
      }
      return out;
    };
    const teaches = take(1 + Math.floor(random() * 4));
    const learns = take(1 + Math.floor(random() * 4));
    return {
      id: `u${String(i).padStart(5, '0')}`,
      name: `Person ${i}`,
      department: `Department ${Math.floor(random() * departments)}`,
      teaches: teaches.map((k) => ({ name: SKILLS[k]!, level: level(0.1, 0.5) })),
      learns: learns.map((k) => ({ name: SKILLS[k]!, level: level(0.7, 0.3) })),
    };
  });
}

// ---- baselines and bounds ---------------------------------------------------------------------

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed<T>(runs: number, fn: () => T): { value: T; ms: number; runs: number } {
  const times: number[] = [];
  let value: T | undefined;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    value = fn();
    times.push(performance.now() - start);
  }
  return { value: value!, ms: round(median(times), 1), runs };
}

/** The full weight matrix (row-major), the engine's own pair weights. */
function weightMatrix(candidates: Candidate[], weights: PairingWeights): Float64Array {
  const scorer = createPairScorer(candidates, [], weights);
  const n = candidates.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) matrix[i * n + j] = matrix[j * n + i] = scorer.weight(i, j);
  }
  return matrix;
}

/** Heaviest pair first over the full graph (weights to 1e-6; ties by index). */
function greedy(n: number, matrix: Float64Array): number {
  // One float per pair: quantised weight, then the pair's index, so a native numeric sort works.
  const pairs = (n * (n - 1)) / 2;
  const keys = new Float64Array(pairs);
  const from = new Int32Array(pairs);
  const to = new Int32Array(pairs);
  let min = Infinity;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) min = Math.min(min, matrix[i * n + j]!);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      from[k] = i;
      to[k] = j;
      keys[k] = -(Math.round((matrix[i * n + j]! - min) * 1e6) * 2 ** 24) + k;
      k++;
    }
  }
  keys.sort();
  const taken = new Uint8Array(n);
  let total = 0;
  for (const key of keys) {
    const index = ((key % 2 ** 24) + 2 ** 24) % 2 ** 24;
    const i = from[index]!;
    const j = to[index]!;
    if (taken[i] || taken[j]) continue;
    taken[i] = taken[j] = 1;
    total += matrix[i * n + j]!;
  }
  return total;
}

/** Shuffle and pair neighbours, as pairing bots do; the mean over a few shuffles. */
function randomPairs(n: number, matrix: Float64Array, seed: number, shuffles = 20): number {
  const random = seededRandom(seed);
  let sum = 0;
  for (let s = 0; s < shuffles; s++) {
    const order = shuffle(n, random);
    for (let k = 0; k + 1 < n; k += 2) sum += matrix[order[k]! * n + order[k + 1]!]!;
  }
  return sum / shuffles;
}

function shuffle(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * Certified upper bounds on any perfect matching: half the optimal assignment (weights rounded
 * up to 1e-6, so rounding cannot make it too low), and Σ max incident weight / 2.
 */
function upperBounds(n: number, matrix: Float64Array) {
  const scaled = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) scaled[k] = Math.ceil(matrix[k]! * 1e6);
  const { rowPotential, colPotential } = maxWeightAssignment(n, scaled);
  let dual = 0;
  for (let i = 0; i < n; i++) dual += rowPotential[i]! + colPotential[i]!;
  let trivial = 0;
  for (let i = 0; i < n; i++) {
    let best = -Infinity;
    for (let j = 0; j < n; j++) if (j !== i) best = Math.max(best, matrix[i * n + j]!);
    trivial += best / 2;
  }
  return { assignment: dual / 2 / 1e6, trivial };
}

// ---- matching quality and time ------------------------------------------------------------------

function matchingBench(n: number) {
  const seed = baseSeed * 7919 + n;
  const team = organisation(n, seed);
  const weights = DEFAULT_WEIGHTS.skill_share;
  const input = { candidates: team, history: [], weights, groupSize: 2 as const, seed };
  progress(`n=${n}: engine`);
  const engine = timed(n >= 5000 ? 3 : 5, () => computePairs(input));
  progress(`n=${n}: engine ${engine.ms} ms (${engine.value.method}); weights`);
  const matrix = weightMatrix(team, weights);
  let exact: { weight: number; ms: number; certified: boolean } | undefined;
  if (n <= 1000) {
    const solved = timed(1, () =>
      exactMatching(
        team.map((_, i) => i),
        (i, j) => matrix[i * n + j]!,
        {
          preferred: () => false,
          random: seededRandom(seed),
        },
      ),
    );
    const weight = solved.value.pairs.reduce((sum, [a, b]) => sum + matrix[a * n + b]!, 0);
    exact = { weight: round(weight), ms: solved.ms, certified: solved.value.optimal };
  }
  progress(`n=${n}: greedy, random, bound`);
  const greedyRun = timed(1, () => greedy(n, matrix));
  const random = randomPairs(n, matrix, seed);
  const bound = timed(1, () => upperBounds(n, matrix));
  const best = bound.value.assignment;
  return {
    n,
    engine: {
      method: engine.value.method,
      ms: engine.ms,
      runs: engine.runs,
      weight: round(engine.value.totalWeight),
    },
    exact: exact ?? null,
    greedy: { weight: round(greedyRun.value), ms: greedyRun.ms },
    randomShuffle: { weight: round(random), shuffles: 20 },
    upperBound: {
      assignment: round(best),
      trivialMaxHalf: round(bound.value.trivial),
      ms: bound.ms,
    },
    ratioToBound: {
      engine: round(engine.value.totalWeight / best, 5),
      exact: exact ? round(exact.weight / best, 5) : null,
      greedy: round(greedyRun.value / best, 5),
      randomShuffle: round(random / best, 5),
    },
  };
}

// ---- repeat-free rounds -------------------------------------------------------------------------

/** Rounds in a row, with each round fed back as history, before some pair meets again. */
function roundsUntilRepeat(next: (history: PastRound[], round: number) => string[][], cap: number) {
  const history: PastRound[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < cap; round++) {
    const groups = next(history, round);
    for (const g of groups) {
      for (let a = 0; a < g.length; a++) {
        for (let b = a + 1; b < g.length; b++) {
          const key = [g[a]!, g[b]!].sort().join('|');
          if (seen.has(key)) return round;
          seen.add(key);
        }
      }
    }
    history.unshift({ groups });
  }
  return cap;
}

function repeatBench(kind: 'uniform' | 'skills') {
  const sequences = 10;
  return [8, 12, 20, 30].map((n) => {
    let engineTotal = 0;
    let engineMin = Infinity;
    let randomTotal = 0;
    for (let s = 0; s < sequences; s++) {
      const seed = baseSeed * 104729 + n * 100 + s;
      const team =
        kind === 'uniform'
          ? organisation(n, seed).map((c) => ({ ...c, teaches: [], learns: [], department: '' }))
          : organisation(n, seed);
      const weights =
        kind === 'uniform' ? DEFAULT_WEIGHTS.cross_check : DEFAULT_WEIGHTS.skill_share;
      // More rounds than n - 1 cannot be repeat-free: someone has met everyone by then.
      const ours = roundsUntilRepeat(
        (history, r) =>
          computePairs({
            candidates: team,
            history,
            weights,
            groupSize: 2,
            seed: seed * 31 + r,
          }).groups.map((g) => g.members),
        n,
      );
      engineTotal += ours;
      engineMin = Math.min(engineMin, ours);
      const random = seededRandom(seed);
      randomTotal += roundsUntilRepeat(() => {
        const order = shuffle(n, random);
        const groups: string[][] = [];
        for (let k = 0; k + 1 < n; k += 2)
          groups.push([team[order[k]!]!.id, team[order[k + 1]!]!.id]);
        return groups;
      }, n);
    }
    return {
      n,
      possible: n - 1,
      engineMean: round(engineTotal / sequences, 2),
      engineMin,
      randomShuffleMean: round(randomTotal / sequences, 2),
      sequences,
    };
  });
}

// ---- run --------------------------------------------------------------------------------------

const matching = sizes.map((n) => matchingBench(n));
progress('repeat-free rounds');
const repeatFree = { uniform: repeatBench('uniform'), skills: repeatBench('skills') };
const at = (n: number) => matching.find((m) => m.n === n);
const result = {
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    platform: `${os.platform()} ${os.arch()}`,
    // Other work on the machine slows the timings; this says how busy it was.
    loadAverage1m: { atStart: round(loadAtStart, 2), atEnd: round(os.loadavg()[0] ?? 0, 2) },
  },
  settings: {
    sizes,
    seed: baseSeed,
    exactLimit: EXACT_LIMIT,
    weights: DEFAULT_WEIGHTS.skill_share,
  },
  matching,
  repeatFree,
  targets: {
    exactUpTo500Within1s: matching
      .filter((m) => m.n <= 500)
      .every((m) => m.engine.method === 'exact' && m.engine.ms <= 1000),
    at5000: at(5000)
      ? {
          ms: at(5000)!.engine.ms,
          within5s: at(5000)!.engine.ms <= 5000,
          ratioToBound: at(5000)!.ratioToBound.engine,
          atLeast99Percent: at(5000)!.ratioToBound.engine >= 0.99,
        }
      : null,
    uniformRepeatFreeNMinus1: repeatFree.uniform.every((r) => r.engineMin === r.possible),
  },
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
