import type { PastRound } from './pairing';

/** Who was grouped with whom in past rounds, for the members of this round. */
export interface RepeatHistory {
  /** Decayed repeat penalty of a pair (0 when never grouped). */
  penalty(i: number, j: number): number;
  /** Most recent round (0 = the last one) the pair shared a group in, or undefined. */
  lastTogether(i: number, j: number): number | undefined;
  /** The pairs that carry a penalty, each once (i < j). */
  pairs(): Iterable<readonly [number, number, number]>;
}

/** Weight of a repeat `roundsAgo` rounds back (0 = the most recent round): halves every `halfLife`. */
export const repeatDecay = (roundsAgo: number, halfLife: number): number =>
  Math.pow(0.5, roundsAgo / halfLife);

/**
 * Index past rounds by pair. `indexOf` maps ids to this round's members; people who are not taking
 * part now are ignored. A pair counts once per round, even if listed twice.
 */
export function repeatHistory(
  history: readonly PastRound[],
  indexOf: ReadonlyMap<string, number>,
  repeatPenalty: number,
  halfLifeRounds: number,
): RepeatHistory {
  const size = indexOf.size;
  const penalties = new Map<number, number>();
  const last = new Map<number, number>();
  history.forEach((round, roundsAgo) => {
    const seen = new Set<number>();
    const decay = repeatPenalty * repeatDecay(roundsAgo, halfLifeRounds);
    for (const group of round.groups) {
      const members = group.map((id) => indexOf.get(id)).filter((i) => i !== undefined);
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const key = pairKey(members[a]!, members[b]!, size);
          if (key < 0 || seen.has(key)) continue;
          seen.add(key);
          penalties.set(key, (penalties.get(key) ?? 0) + decay);
          if (!last.has(key)) last.set(key, roundsAgo);
        }
      }
    }
  });
  return {
    penalty: (i, j) => penalties.get(pairKey(i, j, size)) ?? 0,
    lastTogether: (i, j) => last.get(pairKey(i, j, size)),
    *pairs() {
      for (const [key, value] of penalties) yield [Math.floor(key / size), key % size, value];
    },
  };
}

/** One number per unordered pair; -1 for a member paired with themself. */
function pairKey(i: number, j: number, size: number): number {
  if (i === j) return -1;
  return i < j ? i * size + j : j * size + i;
}
