/**
 * A use case `(…args, ports) => R` with its trailing `ports` bound: `(…args) => R`. `never` when
 * the ports given do not cover what the use case asks for.
 */
export type Bound<F, P> = F extends (...args: [...infer A, infer Q]) => infer R
  ? P extends Q
    ? (...args: A) => R
    : never
  : never;

/** Binds use cases to one set of ports, so the adapters call them without passing ports. */
export function bindPorts<P>(ports: P) {
  return <F extends (...args: never[]) => unknown>(useCase: F): Bound<F, P> =>
    ((...args: unknown[]) =>
      (useCase as unknown as (...a: unknown[]) => unknown)(...args, ports)) as Bound<F, P>;
}
