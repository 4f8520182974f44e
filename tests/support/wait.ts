/**
 * How long a test waits for an event (a card sent, a notification settled) before it fails:
 * long enough that load alone never trips it (a full parallel run on a busy two-core machine
 * takes seconds per send), and shorter than the test's own limit, so a failure names what it
 * waited for. A limit, not a timed assertion; measured on the monotonic clock, which a moved
 * process clock does not bend.
 */
export const WAIT_MS = 45_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds, polling; fails with `timed out waiting for <what>`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms: number = WAIT_MS,
): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** Waits until `probe` answers something, and returns it. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms: number = WAIT_MS,
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}
