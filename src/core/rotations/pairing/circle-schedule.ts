/**
 * The round-robin "circle method": over an even number of slots, rounds 0…slots-2 pair every slot
 * with every other exactly once. Slot `slots - 1` stays put while the others rotate.
 * Returns each slot's partner in round `round` (taken modulo the number of rounds).
 */
export function circleRound(slots: number, round: number): Int32Array {
  const partner = new Int32Array(slots).fill(-1);
  if (slots < 2 || slots % 2 !== 0) return partner;
  const turns = slots - 1;
  const r = ((round % turns) + turns) % turns;
  partner[turns] = r;
  partner[r] = turns;
  for (let k = 1; k < slots / 2; k++) {
    const a = (r + k) % turns;
    const b = (r - k + turns) % turns;
    partner[a] = b;
    partner[b] = a;
  }
  return partner;
}

/**
 * Prefer the pairs of the circle method's round `round` over the candidates in id order, so that
 * with equal weights consecutive rounds (fed back as history) walk through a round robin: n - 1
 * rounds before anyone meets again. A plain tie-break can corner itself earlier.
 */
export function roundRobinPreference(
  ids: readonly string[],
  round: number,
): (i: number, j: number) => boolean {
  const n = ids.length;
  const slots = n % 2 === 0 ? n : n + 1;
  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareIds(ids[a]!, ids[b]!));
  const slot = new Int32Array(n);
  byId.forEach((i, position) => (slot[i] = position));
  const partner = circleRound(slots, round);
  // j = -1 stands for "left over": the odd one out is the person the schedule gives a bye.
  return (i, j) => partner[slot[i]!] === (j < 0 ? slots - 1 : slot[j]!);
}

/** Locale-independent, so the schedule never depends on where the code runs. */
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
