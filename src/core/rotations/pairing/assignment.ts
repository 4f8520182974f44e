/**
 * Maximum-weight assignment on a dense n×n matrix (row i to column j ≠ i), with its dual
 * potentials: the shortest-augmenting-path Hungarian method, O(n³) worst case, typed arrays.
 *
 * Hand-written because the matching engine needs the potentials (they certify which pairs can be
 * dropped before the blossom runs) and the assignment packages on npm either hide them or work on
 * nested arrays, which is several times slower at this size.
 *
 * `weight` is row-major and read only off the diagonal. With integer weights the arithmetic is
 * exact (keep |weight| well under 2^50).
 */
export function maxWeightAssignment(
  n: number,
  weight: Float64Array,
): { colOfRow: Int32Array; rowPotential: Float64Array; colPotential: Float64Array } {
  // Minimise cost = -weight; potentials u (rows), v (columns) keep u[i] + v[j] <= cost[i][j].
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOfCol = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let row = 1; row <= n; row++) {
    rowOfCol[0] = row;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0]!;
      const base = (i0 - 1) * n - 1;
      const ui = u[i0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j] === 1) continue;
        if (j !== i0) {
          const reduced = -weight[base + j]! - ui - v[j]!;
          if (reduced < minv[j]!) {
            minv[j] = reduced;
            way[j] = j0;
          }
        }
        // Among equally short ways, end at a free column: with many equal weights this turns a
        // walk through every assigned column into one step.
        if (minv[j]! < delta || (minv[j] === delta && rowOfCol[j] === 0 && rowOfCol[j1] !== 0)) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j] === 1) {
          u[rowOfCol[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOfCol[j0] = rowOfCol[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n);
  const rowPotential = new Float64Array(n);
  const colPotential = new Float64Array(n);
  for (let j = 1; j <= n; j++) colOfRow[rowOfCol[j]! - 1] = j - 1;
  // Back to the maximisation: rowPotential[i] + colPotential[j] >= weight[i][j] for all i != j.
  for (let i = 0; i < n; i++) {
    rowPotential[i] = -u[i + 1]!;
    colPotential[i] = -v[i + 1]!;
  }
  return { colOfRow, rowPotential, colPotential };
}
