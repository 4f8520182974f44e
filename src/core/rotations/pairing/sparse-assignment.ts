/**
 * Maximum-weight assignment on a sparse graph (row i to column j along listed arcs only), with dual
 * potentials: successive shortest paths (Dijkstra with a binary heap on reduced costs), after a
 * column reduction that settles most rows at once. Weights must be integers (|w| < 2^48) for exact
 * arithmetic, and the arcs must admit a full assignment (the caller adds a cycle through everyone).
 */
export function sparseAssignment(
  n: number,
  arcs: SparseArcs,
): { colOfRow: Int32Array; rowPotential: Float64Array; colPotential: Float64Array } {
  const { start, to, weight } = arcs;
  // Minimise cost = -weight, keeping u[i] + v[j] <= cost(i, j) on every arc.
  const u = new Float64Array(n);
  const v = new Float64Array(n).fill(Infinity);
  const colOfRow = new Int32Array(n).fill(-1);
  const rowOfCol = new Int32Array(n).fill(-1);
  for (let k = 0; k < to.length; k++) if (-weight[k]! < v[to[k]!]!) v[to[k]!] = -weight[k]!;
  // Tight arcs to free columns assign rows for free.
  for (let i = 0; i < n; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      const j = to[k]!;
      if (rowOfCol[j] === -1 && -weight[k]! - v[j]! === 0) {
        rowOfCol[j] = i;
        colOfRow[i] = j;
        break;
      }
    }
  }
  const dist = new Float64Array(n).fill(Infinity);
  const pred = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const heap = new MinHeap(n);
  const touched: number[] = [];
  const settled: number[] = [];
  for (let free = 0; free < n; free++) {
    if (colOfRow[free] !== -1) continue;
    heap.clear();
    const relax = (row: number, base: number) => {
      const ur = u[row]!;
      for (let k = start[row]!; k < start[row + 1]!; k++) {
        const j = to[k]!;
        if (done[j] === 1) continue;
        const d = base + (-weight[k]! - ur - v[j]!);
        if (d < dist[j]!) {
          if (dist[j] === Infinity) touched.push(j);
          dist[j] = d;
          pred[j] = row;
          // Integer distances: the low bit puts a free column first among equals, which ends
          // the search at once when many weights are equal.
          heap.push(d * 2 + (rowOfCol[j] === -1 ? 0 : 1), j);
        }
      }
    };
    relax(free, 0);
    let sink = -1;
    while (heap.size > 0) {
      const j = heap.pop();
      if (done[j] === 1) continue;
      done[j] = 1;
      settled.push(j);
      const owner = rowOfCol[j]!;
      if (owner === -1) {
        sink = j;
        break;
      }
      relax(owner, dist[j]!);
    }
    if (sink < 0) throw new Error('sparseAssignment: the arcs admit no full assignment');
    const shortest = dist[sink]!;
    for (const j of settled) v[j]! += dist[j]! - shortest;
    for (let j = sink; ;) {
      const row = pred[j]!;
      const previous = colOfRow[row]!;
      colOfRow[row] = j;
      rowOfCol[j] = row;
      if (row === free) break;
      j = previous;
    }
    // Rows whose column moved or was re-priced stay tight on their assigned arc.
    for (const j of settled) {
      const row = rowOfCol[j]!;
      if (row >= 0) u[row] = arcCost(arcs, row, j) - v[j]!;
    }
    for (const j of touched) {
      dist[j] = Infinity;
      done[j] = 0;
    }
    touched.length = 0;
    settled.length = 0;
  }
  return {
    colOfRow,
    rowPotential: Float64Array.from(u, (x) => -x),
    colPotential: Float64Array.from(v, (x) => -x),
  };
}

/** Arcs by row, compressed: row i's arcs are start[i] … start[i + 1] - 1. */
export interface SparseArcs {
  start: Int32Array;
  to: Int32Array;
  weight: Float64Array;
}

/** Arcs from undirected edges, both directions. */
export function arcsFromEdges(
  n: number,
  edges: readonly (readonly [number, number, number])[],
): SparseArcs {
  const start = new Int32Array(n + 1);
  for (const [i, j] of edges) {
    start[i + 1]!++;
    start[j + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const to = new Int32Array(2 * edges.length);
  const weight = new Float64Array(2 * edges.length);
  for (const [i, j, w] of edges) {
    to[fill[i]!] = j;
    weight[fill[i]!++] = w;
    to[fill[j]!] = i;
    weight[fill[j]!++] = w;
  }
  return { start, to, weight };
}

const arcCost = ({ start, to, weight }: SparseArcs, row: number, col: number): number => {
  for (let k = start[row]!; k < start[row + 1]!; k++) if (to[k] === col) return -weight[k]!;
  return Infinity;
};

/** A binary min-heap of (key, value) with lazy deletion by the caller. */
class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.values = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) {
      const keys = new Float64Array(this.size * 2);
      keys.set(this.keys);
      const values = new Int32Array(this.size * 2);
      values.set(this.values);
      this.keys = keys;
      this.values = values;
    }
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.keys[at] = this.keys[parent]!;
      this.values[at] = this.values[parent]!;
      at = parent;
    }
    this.keys[at] = key;
    this.values[at] = value;
  }

  pop(): number {
    const top = this.values[0]!;
    const key = this.keys[--this.size]!;
    const value = this.values[this.size]!;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1]! < this.keys[child]!) child++;
      if (this.keys[child]! >= key) break;
      this.keys[at] = this.keys[child]!;
      this.values[at] = this.values[child]!;
      at = child;
    }
    this.keys[at] = key;
    this.values[at] = value;
    return top;
  }
}
