import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors';
import { circleRound } from '../../src/core/rotations/pairing/circle-schedule';
import { ALONE_REASON, computePairs, EXACT_LIMIT } from '../../src/core/rotations/pairing/engine';
import { exactMatching } from '../../src/core/rotations/pairing/exact-matching';
import { renderGroupReason, type GroupReason } from '../../src/core/rotations/pairing/group-reason';
import { createPairScorer } from '../../src/core/rotations/pairing/pair-scorer';
import type {
  Candidate,
  PairingInput,
  PairingResult,
  PastRound,
} from '../../src/core/rotations/pairing/pairing';
import { DEFAULT_WEIGHTS } from '../../src/core/rotations/pairing/program-weights';
import { seededRandom } from '../../src/core/random';
import { skillLevels, type Skill, type SkillLevel } from '../../src/core/team/member';

// ---- factories ----------------------------------------------------------------------------

type SkillSpec = string | [name: string, level: SkillLevel];
const skill = (spec: SkillSpec, fallback: SkillLevel): Skill =>
  typeof spec === 'string' ? { name: spec, level: fallback } : { name: spec[0], level: spec[1] };

function buildCandidate(
  id: string,
  profile: { teaches?: SkillSpec[]; learns?: SkillSpec[]; department?: string; name?: string } = {},
): Candidate {
  return {
    id,
    name: profile.name ?? id,
    department: profile.department ?? '',
    teaches: (profile.teaches ?? []).map((s) => skill(s, 'expert')),
    learns: (profile.learns ?? []).map((s) => skill(s, 'beginner')),
  };
}

function buildInput(candidates: Candidate[], overrides: Partial<PairingInput> = {}): PairingInput {
  return {
    candidates,
    history: [],
    weights: DEFAULT_WEIGHTS.skill_share,
    groupSize: 2,
    seed: 1,
    ...overrides,
  };
}

const SKILLS = ['SQL', 'Go', 'Design', 'Testing', 'Kubernetes', 'Writing', 'Data', 'Security'];
const DEPARTMENTS = ['Design', 'Engineering', 'Sales', 'Support'];

/** A team with random skill profiles; some people have none, some no department. */
function randomTeam(n: number, seed: number): Candidate[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const skills = (count: number): SkillSpec[] =>
    [...new Set(Array.from({ length: count }, () => pick(SKILLS)))].map((s) => [
      s,
      pick(skillLevels),
    ]);
  return Array.from({ length: n }, (_, i) =>
    buildCandidate(`m${String(i).padStart(4, '0')}`, {
      teaches: skills(Math.floor(random() * 4)),
      learns: skills(Math.floor(random() * 4)),
      department: random() < 0.2 ? '' : pick(DEPARTMENTS),
    }),
  );
}

const blankTeam = (n: number): Candidate[] =>
  Array.from({ length: n }, (_, i) => buildCandidate(`p${String(i).padStart(2, '0')}`));

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Every pair of people who share a group. */
function pairsIn(result: PairingResult): string[] {
  const keys: string[] = [];
  for (const g of result.groups) {
    for (let a = 0; a < g.members.length; a++) {
      for (let b = a + 1; b < g.members.length; b++)
        keys.push(pairKey(g.members[a]!, g.members[b]!));
    }
  }
  return keys;
}

const asHistory = (result: PairingResult): PastRound => ({
  groups: result.groups.map((g) => g.members),
});

/** Placement rules every result must keep. */
function expectWellFormed(result: PairingResult, candidates: Candidate[], groupSize: 2 | 3) {
  const placed = result.groups.flatMap((g) => g.members);
  const ids = candidates.map((c) => c.id);
  expect(new Set(placed).size).toBe(placed.length);
  for (const g of result.groups) expect(new Set(g.members).size).toBe(g.members.length);
  expect([...placed, ...result.unplaced.map((u) => u.id)].sort()).toEqual([...ids].sort());
  const sizes = result.groups.map((g) => g.members.length);
  const n = ids.length;
  const trios = sizes.filter((s) => s === 3).length;
  expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
  if (n >= 2) expect(result.unplaced).toEqual([]);
  if (groupSize === 2) expect(trios).toBe(n >= 3 && n % 2 === 1 ? 1 : 0);
  if (groupSize === 3 && n >= 2) {
    const expected = n % 3 === 0 ? n / 3 : n % 3 === 1 ? (n - 4) / 3 : (n - 2) / 3;
    expect(trios).toBe(Math.max(0, expected));
  }
  for (const g of result.groups) {
    const order = g.members.map((id) => ids.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  }
  const total = result.groups.reduce((sum, g) => sum + g.weight, 0);
  expect(result.totalWeight).toBeCloseTo(total, 9);
}

/** Weight of one pair as the engine sees it: the same people, alone in a round. */
function pairWeight(a: Candidate, b: Candidate, input: PairingInput): number {
  return computePairs({ ...input, candidates: [a, b] }).totalWeight;
}

/** Every perfect matching of `items` (even count). */
function* perfectMatchings(items: readonly number[]): Generator<[number, number][]> {
  if (items.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = items;
  for (let k = 0; k < rest.length; k++) {
    const others = rest.filter((_, i) => i !== k);
    for (const m of perfectMatchings(others)) yield [[first!, rest[k]!], ...m];
  }
}

// ---- placement --------------------------------------------------------------------------------

describe('computePairs: who is placed', () => {
  it('returns nothing for an empty round', () => {
    expect(computePairs(buildInput([]))).toEqual({
      groups: [],
      unplaced: [],
      totalWeight: 0,
      method: 'exact',
    });
  });

  it('tells a lone member that nobody else is taking part', () => {
    const result = computePairs(buildInput([buildCandidate('ana')]));
    expect(result.groups).toEqual([]);
    expect(result.unplaced).toEqual([{ id: 'ana', reason: ALONE_REASON }]);
    expect(ALONE_REASON).toContain('nobody else is taking part this round');
  });

  it('pairs two people, and makes three people one trio', () => {
    const two = computePairs(buildInput(blankTeam(2)));
    expect(two.groups.map((g) => g.members)).toEqual([['p00', 'p01']]);
    const three = computePairs(buildInput(blankTeam(3)));
    expect(three.groups.map((g) => g.members)).toEqual([['p00', 'p01', 'p02']]);
  });

  for (const groupSize of [2, 3] as const) {
    it(`places everyone exactly once in groups of ${groupSize}, for 2 to 17 people`, () => {
      for (let n = 2; n <= 17; n++) {
        for (const seed of [1, 2]) {
          const team = randomTeam(n, n * 100 + seed);
          const result = computePairs(buildInput(team, { groupSize, seed }));
          expectWellFormed(result, team, groupSize);
        }
      }
    });
  }

  it('groups of three leave pairs only where the count does not divide', () => {
    const shape = (n: number) =>
      computePairs(buildInput(blankTeam(n), { groupSize: 3 }))
        .groups.map((g) => g.members.length)
        .sort();
    expect(shape(2)).toEqual([2]);
    expect(shape(4)).toEqual([2, 2]);
    expect(shape(5)).toEqual([2, 3]);
    expect(shape(6)).toEqual([3, 3]);
    expect(shape(7)).toEqual([2, 2, 3]);
    expect(shape(8)).toEqual([2, 3, 3]);
    expect(shape(9)).toEqual([3, 3, 3]);
  });

  it('places people with no skills and no department', () => {
    const team = [...blankTeam(4), buildCandidate('x', { learns: ['Underwater basket weaving'] })];
    const result = computePairs(buildInput(team));
    expectWellFormed(result, team, 2);
    expect(result.groups.every((g) => g.lessons.length === 0)).toBe(true);
  });

  it('refuses a candidate listed twice, naming the field', () => {
    try {
      computePairs(buildInput([buildCandidate('ana'), buildCandidate('ana')]));
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('invalid');
      expect(isDomainError(error) && error.field).toBe('candidates[1].id');
    }
  });

  it('refuses negative weights and a half-life of zero', () => {
    const weights = { ...DEFAULT_WEIGHTS.skill_share, oneWay: -1 };
    expect(() => computePairs(buildInput(blankTeam(2), { weights }))).toThrow(/oneWay/);
    const noDecay = { ...DEFAULT_WEIGHTS.skill_share, halfLifeRounds: 0 };
    expect(() => computePairs(buildInput(blankTeam(2), { weights: noDecay }))).toThrow(
      /halfLifeRounds/,
    );
  });
});

// ---- weights ----------------------------------------------------------------------------------

describe('computePairs: pair weights', () => {
  const w = DEFAULT_WEIGHTS.skill_share;

  it('scores mutual teaching as reciprocity plus one-way, and one-way teaching as one-way only', () => {
    const ana = buildCandidate('ana', { teaches: ['SQL'], learns: ['Design'] });
    const ben = buildCandidate('ben', { teaches: ['Design'], learns: ['SQL'] });
    const cem = buildCandidate('cem', { teaches: ['SQL'] });
    const dee = buildCandidate('dee', { learns: ['SQL'] });
    expect(pairWeight(ana, ben, buildInput([]))).toBeCloseTo(w.reciprocity + w.oneWay, 9);
    expect(pairWeight(cem, dee, buildInput([]))).toBeCloseTo(w.oneWay, 9);
    expect(pairWeight(cem, buildCandidate('eve'), buildInput([]))).toBe(0);
  });

  it('prefers a pair who teach each other to a pairing built on one-way teaching', () => {
    const team = [
      buildCandidate('ana', { teaches: ['SQL'], learns: ['Design'] }),
      buildCandidate('ben', { teaches: ['Design'], learns: ['SQL'] }),
      buildCandidate('cem', { teaches: ['SQL', 'Design'] }),
      buildCandidate('dee', { learns: ['SQL', 'Design'] }),
    ];
    const result = computePairs(buildInput(team));
    expect(result.groups.map((g) => g.members)).toEqual([
      ['ana', 'ben'],
      ['cem', 'dee'],
    ]);
  });

  it('counts an expert teaching a beginner fully and a beginner teaching an expert not at all', () => {
    const expert = buildCandidate('exp', { teaches: [['SQL', 'expert']] });
    const novice = buildCandidate('nov', { teaches: [['SQL', 'beginner']] });
    const learnsFromScratch = buildCandidate('l1', { learns: [['SQL', 'beginner']] });
    const alreadyExpert = buildCandidate('l2', { learns: [['SQL', 'expert']] });
    const peer = buildCandidate('l3', { learns: [['SQL', 'intermediate']] });
    const mid = buildCandidate('mid', { teaches: [['SQL', 'intermediate']] });
    const input = buildInput([]);
    expect(pairWeight(expert, learnsFromScratch, input)).toBeCloseTo(w.oneWay, 9);
    expect(pairWeight(novice, alreadyExpert, input)).toBe(0);
    // Peers at the same level compare notes: half.
    expect(pairWeight(mid, peer, input)).toBeCloseTo(w.oneWay * 0.5, 9);
    const lessons = computePairs(buildInput([novice, alreadyExpert])).groups[0]!.lessons;
    expect(lessons).toEqual([]);
  });

  it('compares skill names without regard to case or spacing', () => {
    const ana = buildCandidate('ana', { teaches: ['sql'], learns: ['design  reviews'] });
    const ben = buildCandidate('ben', { teaches: ['Design Reviews'], learns: ['SQL'] });
    expect(pairWeight(ana, ben, buildInput([]))).toBeCloseTo(w.reciprocity + w.oneWay, 9);
  });

  it('adds the department term only when both departments are known and differ', () => {
    const a = buildCandidate('a', { department: 'Sales' });
    const b = buildCandidate('b', { department: 'sales ' });
    const c = buildCandidate('c', { department: 'Support' });
    const d = buildCandidate('d');
    const input = buildInput([]);
    expect(pairWeight(a, b, input)).toBe(0);
    expect(pairWeight(a, c, input)).toBeCloseTo(w.crossDepartment, 9);
    expect(pairWeight(a, d, input)).toBe(0);
  });

  it('lowers a repeat by a penalty that halves every half-life', () => {
    const [a, b] = blankTeam(2) as [Candidate, Candidate];
    const weights = { ...DEFAULT_WEIGHTS.cross_check, repeatPenalty: 1, halfLifeRounds: 2 };
    const together: PastRound = { groups: [[a.id, b.id]] };
    const apart: PastRound = { groups: [] };
    const at = (history: PastRound[]) => pairWeight(a, b, buildInput([], { weights, history }));
    expect(at([together])).toBeCloseTo(-1, 9);
    expect(at([apart, apart, together])).toBeCloseTo(-0.5, 9);
    expect(at([apart, apart, apart, apart, together])).toBeCloseTo(-0.25, 9);
    expect(at([together, together])).toBeCloseTo(-1 - Math.SQRT1_2, 9);
  });

  it('keeps the penalty soft: a team of two is paired again after many repeats', () => {
    const team = blankTeam(2);
    const history = Array.from({ length: 10 }, () => ({ groups: [['p00', 'p01']] }));
    const result = computePairs(
      buildInput(team, { history, weights: DEFAULT_WEIGHTS.cross_check }),
    );
    expect(result.groups.map((g) => g.members)).toEqual([['p00', 'p01']]);
    expect(result.totalWeight).toBeLessThan(0);
  });

  it('moves people away from last round’s partners when it can', () => {
    const team = blankTeam(4);
    const history = [
      {
        groups: [
          ['p00', 'p01'],
          ['p02', 'p03'],
        ],
      },
    ];
    const result = computePairs(
      buildInput(team, { history, weights: DEFAULT_WEIGHTS.cross_check }),
    );
    expect(pairsIn(result)).not.toContain(pairKey('p00', 'p01'));
    expect(pairsIn(result)).not.toContain(pairKey('p02', 'p03'));
  });

  it('ignores past rounds’ people who are not taking part now', () => {
    const result = computePairs(
      buildInput(blankTeam(2), {
        history: [
          {
            groups: [
              ['p00', 'gone'],
              ['p01', 'left'],
            ],
          },
        ],
      }),
    );
    expect(result.totalWeight).toBe(0);
  });
});

// ---- optimality -------------------------------------------------------------------------------

describe('computePairs: optimal on small teams (brute force)', () => {
  it('finds the heaviest pairing for random profiles, 2 to 10 people', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const n = 2 + 2 * (seed % 5);
      const team = randomTeam(n, seed);
      const past = computePairs(buildInput(team, { seed: seed + 1000 }));
      const input = buildInput(team, { seed, history: [asHistory(past)] });
      const weights = new Map<string, number>();
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          weights.set(`${a},${b}`, pairWeight(team[a]!, team[b]!, input));
        }
      }
      let best = -Infinity;
      for (const m of perfectMatchings(team.map((_, i) => i))) {
        best = Math.max(
          best,
          m.reduce((sum, [a, b]) => sum + weights.get(`${a},${b}`)!, 0),
        );
      }
      expect(computePairs(input).totalWeight).toBeCloseTo(best, 6);
    }
  });

  it('finds the heaviest pairs-and-one-trio split on odd counts', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const n = [5, 7, 9][seed % 3]!;
      const team = randomTeam(n, 500 + seed);
      const input = buildInput(team, { seed });
      const w = (a: number, b: number) => pairWeight(team[a]!, team[b]!, input);
      let best = -Infinity;
      const all = team.map((_, i) => i);
      for (let a = 0; a < n; a++) {
        for (let b = a + 1; b < n; b++) {
          for (let c = b + 1; c < n; c++) {
            const rest = all.filter((v) => v !== a && v !== b && v !== c);
            const trio = w(a, b) + w(a, c) + w(b, c);
            for (const m of perfectMatchings(rest)) {
              best = Math.max(best, trio + m.reduce((sum, [x, y]) => sum + w(x, y), 0));
            }
          }
        }
      }
      expect(computePairs(input).totalWeight).toBeCloseTo(best, 6);
    }
  });

  it('puts the odd one out with the pair they add most to', () => {
    const team = [
      buildCandidate('ana', { teaches: ['SQL'], learns: ['Go'] }),
      buildCandidate('ben', { teaches: ['Go'], learns: ['SQL'] }),
      buildCandidate('cem', { teaches: ['Design'], learns: ['Writing'] }),
      buildCandidate('dee', { teaches: ['Writing'], learns: ['Design'] }),
      buildCandidate('eve', { learns: ['Design', 'Writing'] }),
    ];
    const groups = computePairs(buildInput(team)).groups.map((g) => g.members);
    expect(groups).toContainEqual(['cem', 'dee', 'eve']);
    expect(groups).toContainEqual(['ana', 'ben']);
  });

  it('matches a brute force on random real weights, even and odd counts', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 40; round++) {
      const n = 2 + (round % 9);
      const table = Array.from({ length: n * n }, () => Math.round(random() * 1000) / 100 - 2);
      const weight = (i: number, j: number) => table[Math.min(i, j) * n + Math.max(i, j)]!;
      const vertices = Array.from({ length: n }, (_, i) => i);
      const result = exactMatching(vertices, weight, { preferred: () => false, random });
      expect(result.pairs.length).toBe(Math.floor(n / 2));
      expect(result.leftover.length).toBe(n % 2);
      const got = result.pairs.reduce((sum, [a, b]) => sum + weight(a, b), 0);
      let best = -Infinity;
      const leaveOut = n % 2 === 1 ? vertices : [-1];
      for (const out of leaveOut) {
        for (const m of perfectMatchings(vertices.filter((v) => v !== out))) {
          best = Math.max(
            best,
            m.reduce((sum, [a, b]) => sum + weight(a, b), 0),
          );
        }
      }
      expect(got).toBeCloseTo(best, 6);
    }
  });
});

// ---- determinism and rotation -------------------------------------------------------------------

describe('computePairs: determinism and rotation', () => {
  it('gives the same groups for the same input and seed', () => {
    const team = randomTeam(23, 7);
    const first = computePairs(buildInput(team, { seed: 99 }));
    const again = computePairs(buildInput(team, { seed: 99 }));
    expect(again).toEqual(first);
  });

  it('breaks exact ties by the seed, so different seeds may differ', () => {
    // Three interchangeable SQL teachers and three interchangeable SQL learners: several
    // pairings are equally good.
    const a = { teaches: ['SQL'], learns: ['Go'] };
    const b = { teaches: ['Go'], learns: ['SQL'] };
    const team = [
      buildCandidate('p1', a),
      buildCandidate('p2', a),
      buildCandidate('p3', b),
      buildCandidate('p4', b),
      buildCandidate('p5', b),
      buildCandidate('p6', a),
    ];
    const results = Array.from({ length: 12 }, (_, seed) =>
      computePairs(buildInput(team, { seed })),
    );
    const shapes = new Set(results.map((r) => JSON.stringify(r.groups.map((g) => g.members))));
    expect(shapes.size).toBeGreaterThan(1);
    for (const r of results) expect(r.totalWeight).toBeCloseTo(results[0]!.totalWeight, 9);
  });

  for (const n of [8, 12, 20, 30]) {
    it(`rotates ${n} people with equal weights through ${n - 1} rounds without a repeat`, () => {
      // Several seed sequences: a plain tie-break corners itself in about a third of them.
      for (let sequence = 0; sequence < 5; sequence++) {
        const team = blankTeam(n);
        const history: PastRound[] = [];
        const seen = new Set<string>();
        for (let round = 0; round < n - 1; round++) {
          const seed = sequence * 1000 + round;
          const result = computePairs(
            buildInput(team, { history, weights: DEFAULT_WEIGHTS.cross_check, seed }),
          );
          expectWellFormed(result, team, 2);
          for (const key of pairsIn(result)) {
            expect(seen.has(key), `round ${round + 1} repeats ${key}`).toBe(false);
            seen.add(key);
          }
          history.unshift(asHistory(result));
        }
        expect(seen.size).toBe((n * (n - 1)) / 2);
      }
    });
  }

  it('the circle schedule meets every pair exactly once', () => {
    for (const slots of [2, 4, 8, 30]) {
      const met = new Set<string>();
      for (let round = 0; round < slots - 1; round++) {
        const partner = circleRound(slots, round);
        for (let s = 0; s < slots; s++) {
          expect(partner[partner[s]!]).toBe(s);
          expect(partner[s]).not.toBe(s);
          met.add(pairKey(String(s), String(partner[s])));
        }
      }
      expect(met.size).toBe((slots * (slots - 1)) / 2);
    }
  });
});

// ---- lessons and reasons ----------------------------------------------------------------------

describe('computePairs: lessons and reasons', () => {
  /** The reason as a member reads it: the stored reason holds ids, names are put in to show it. */
  const shown = (team: Candidate[], reason: GroupReason) =>
    renderGroupReason(reason, (id) => {
      const c = team.find((x) => x.id === id)!;
      return { name: c.name, department: c.department };
    });
  const reasonFor = (team: Candidate[], input: Partial<PairingInput> = {}) =>
    computePairs(buildInput(team, input)).groups.map((g) => {
      for (const c of team) expect(JSON.stringify(g.reason)).not.toContain(`"${c.name}`);
      return shown(team, g.reason);
    });

  it('names who teaches whom which skill, both ways', () => {
    const ana = buildCandidate('ana', {
      name: 'Ana',
      teaches: ['SQL'],
      learns: ['design reviews'],
    });
    const ben = buildCandidate('ben', {
      name: 'Ben',
      teaches: ['Design reviews'],
      learns: ['SQL'],
    });
    const [group] = computePairs(buildInput([ana, ben])).groups;
    expect(shown([ana, ben], group!.reason)).toBe(
      'Ana teaches Ben SQL; Ben teaches Ana design reviews.',
    );
    expect(group!.lessons).toEqual([
      { teacher: 'ana', learner: 'ben', skill: 'SQL' },
      { teacher: 'ben', learner: 'ana', skill: 'design reviews' },
    ]);
  });

  it('lists at most two skills per direction in the reason, all of them in the lessons', () => {
    const ana = buildCandidate('ana', { name: 'Ana', teaches: ['SQL', 'Go', 'Data'] });
    const ben = buildCandidate('ben', { name: 'Ben', learns: ['SQL', 'Go', 'Data'] });
    const [group] = computePairs(buildInput([ana, ben])).groups;
    expect(shown([ana, ben], group!.reason)).toBe('Ana teaches Ben SQL, Go and 1 more.');
    expect(group!.lessons.map((l) => l.skill)).toEqual(['SQL', 'Go', 'Data']);
  });

  it('falls back to departments, then to novelty, then says they meet again', () => {
    const ana = buildCandidate('ana', { name: 'Ana', department: 'Design' });
    const ben = buildCandidate('ben', { name: 'Ben', department: 'Engineering' });
    expect(reasonFor([ana, ben])).toEqual([
      'Ana (Design) and Ben (Engineering) work in different departments: a fresh view of each other’s work.',
    ]);
    const cem = buildCandidate('cem', { name: 'Cem' });
    expect(reasonFor([ana, cem])).toEqual(['Ana and Cem have not been paired before.']);
    const history = [{ groups: [] }, { groups: [['ana', 'cem']] }];
    expect(reasonFor([ana, cem], { history })).toEqual([
      'Ana and Cem meet again: they were last paired 2 rounds ago.',
    ]);
  });

  it('gives a trio a reason that names all three', () => {
    const team = [
      buildCandidate('ana', { name: 'Ana', teaches: ['SQL'], learns: ['Go'] }),
      buildCandidate('ben', { name: 'Ben', teaches: ['Go'], learns: ['SQL'] }),
      buildCandidate('cem', { name: 'Cem', department: 'Sales' }),
    ];
    const [reason] = reasonFor(team);
    expect(reason).toBe(
      'Ana teaches Ben SQL; Ben teaches Ana Go. Cem (Sales) makes it a group of three.',
    );
    const blank = [
      buildCandidate('a', { name: 'Ana', department: 'Design' }),
      buildCandidate('b', { name: 'Ben', department: 'Sales' }),
      buildCandidate('c', { name: 'Cem', department: 'Support' }),
    ];
    expect(reasonFor(blank)).toEqual([
      'Ana (Design), Ben (Sales) and Cem (Support) work in different departments: a fresh view of each other’s work.',
    ]);
  });
});

// ---- large organisations ------------------------------------------------------------------------

describe('computePairs: large organisations', () => {
  it(`above ${EXACT_LIMIT} people uses the sparse method, within 1% of the optimum`, () => {
    const team = randomTeam(EXACT_LIMIT + 100, 3);
    const result = computePairs(buildInput(team));
    expect(result.method).toBe('sparse');
    expectWellFormed(result, team, 2);
    // The optimum of the full graph: the exact solver on the engine's own pair weights.
    const scorer = createPairScorer(team, [], DEFAULT_WEIGHTS.skill_share);
    const weight = (i: number, j: number) => scorer.weight(i, j);
    const everyone = team.map((_, i) => i);
    const optimum = exactMatching(everyone, weight, {
      preferred: () => false,
      random: Math.random,
    }).pairs.reduce((sum, [a, b]) => sum + weight(a, b), 0);
    expect(result.totalWeight).toBeLessThanOrEqual(optimum + 1e-6);
    expect(result.totalWeight).toBeGreaterThan(optimum * 0.99);
  }, 60_000);
});
