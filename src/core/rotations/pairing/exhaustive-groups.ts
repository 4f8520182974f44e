/**
 * The best split of people 0…n-1 into `trios` groups of three and `pairs` pairs, by trying every
 * split (≤ 12 people: at most 15,400 splits). Small teams get the true optimum where the general
 * heuristic for groups of three only gets close.
 */
export function exhaustiveGroups(
  n: number,
  trios: number,
  pairs: number,
  weight: (i: number, j: number) => number,
): number[][] {
  const used = new Uint8Array(n);
  const current: number[][] = [];
  let best: number[][] = [];
  let bestTotal = -Infinity;
  const search = (trioLeft: number, pairLeft: number, total: number) => {
    let first = 0;
    while (first < n && used[first] === 1) first++;
    if (first === n) {
      if (total > bestTotal + 1e-9) {
        bestTotal = total;
        best = current.map((g) => [...g]);
      }
      return;
    }
    used[first] = 1;
    for (let b = first + 1; b < n; b++) {
      if (used[b] === 1) continue;
      used[b] = 1;
      if (pairLeft > 0) {
        current.push([first, b]);
        search(trioLeft, pairLeft - 1, total + weight(first, b));
        current.pop();
      }
      if (trioLeft > 0) {
        for (let c = b + 1; c < n; c++) {
          if (used[c] === 1) continue;
          used[c] = 1;
          current.push([first, b, c]);
          search(
            trioLeft - 1,
            pairLeft,
            total + weight(first, b) + weight(first, c) + weight(b, c),
          );
          current.pop();
          used[c] = 0;
        }
      }
      used[b] = 0;
    }
    used[first] = 0;
  };
  search(trios, pairs, 0);
  return best;
}
