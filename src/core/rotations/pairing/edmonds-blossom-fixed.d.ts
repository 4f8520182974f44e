// The package ships plain CommonJS without types.
declare module 'edmonds-blossom-fixed' {
  /**
   * Maximum-weight matching on a general graph (edges as `[i, j, weight]`, vertices 0…n-1).
   * With `maxCardinality`, only matchings of maximum size count. Returns each vertex's mate, or -1.
   */
  function blossom(
    edges: readonly (readonly [number, number, number])[],
    maxCardinality?: boolean,
  ): number[];
  export = blossom;
}
