import { exactMatching, type TieBreak } from './exact-matching';
import { formGroups, groupWeight } from './group-forming';

/**
 * Up to this many people on an odd count, every choice of who joins a pair is tried (an exact
 * matching of the rest each time, a few milliseconds): the single matching's choice of who is left
 * over missed the best trio about one time in ten on small random teams.
 */
export const ODD_SEARCH_LIMIT = 41;
/** Up to this many, every possible trio is tried: the result is then exactly optimal. */
const TRIPLE_SEARCH_LIMIT = 15;

/** Keep `current` unless leaving someone else over first gives a heavier set of groups. */
export function bestWithTrio(
  current: number[][],
  n: number,
  weight: (i: number, j: number) => number,
  tie: TieBreak,
): number[][] {
  const total = (groups: readonly number[][]) =>
    groups.reduce((sum, g) => sum + groupWeight(g, weight), 0);
  let best = current;
  let bestTotal = total(current);
  const consider = (groups: number[][]) => {
    const value = total(groups);
    // Strictly better only: on ties the round-robin's choice stands.
    if (value > bestTotal + 1e-9) {
      best = groups;
      bestTotal = value;
    }
  };
  if (n <= TRIPLE_SEARCH_LIMIT) {
    // Small teams: every possible trio, with an exact matching of everyone else.
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        for (let c = b + 1; c < n; c++) {
          const rest = range(n).filter((v) => v !== a && v !== b && v !== c);
          consider([[a, b, c], ...exactMatching(rest, weight, tie).pairs]);
        }
      }
    }
    return best;
  }
  const inTrio = new Set(current.find((g) => g.length === 3));
  for (let extra = 0; extra < n; extra++) {
    if (inTrio.has(extra)) continue;
    const rest = range(n).filter((v) => v !== extra);
    const { pairs } = exactMatching(rest, weight, tie);
    consider(formGroups({ pairs, leftover: [extra], optimal: true }, { groupSize: 2, weight }));
  }
  return best;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
