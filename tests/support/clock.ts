import type { Clock } from '../../src/core/ports';

/**
 * The instant every test server, store and worker starts at unless a test chooses another: a
 * Wednesday, 10:00 in London and Lisbon, so nobody in the fixtures is in quiet hours and no
 * weekend is near. What a test sees never depends on when, or in which zone, the suite runs.
 */
export const TEST_NOW = '2026-01-07T10:00:00.000Z';

export interface TestClock extends Clock {
  /** Jumps to an instant (never backwards: the worker's rate limits and leases count on that). */
  set(iso: string): void;
  /** Jumps forward by `ms`. */
  advance(ms: number): void;
}

/**
 * A clock that starts at a chosen instant and then runs at the real rate, so a server on it still
 * sees its own waits, claims and leases pass. Elapsed time comes from the monotonic clock, which a
 * moved process clock (faketime) does not bend.
 */
export function runningClock(start: string = TEST_NOW): TestClock {
  let base = Date.parse(start);
  if (Number.isNaN(base)) throw new Error(`runningClock: "${start}" is not an instant`);
  let since = performance.now();
  const now = () => base + (performance.now() - since);
  return {
    now: () => new Date(now()),
    set(iso) {
      const to = Date.parse(iso);
      if (Number.isNaN(to) || to < now())
        throw new Error(
          `runningClock: cannot go to ${iso}, before ${new Date(now()).toISOString()}`,
        );
      base = to;
      since = performance.now();
    },
    advance(ms) {
      if (!(ms >= 0)) throw new Error(`runningClock: cannot move by ${ms} ms`);
      base += ms;
    },
  };
}

/** A clock that stands still until a test moves it (integration tests of one step at a time). */
export function manualClock(start = '2026-01-05T09:00:00Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

/**
 * What moves this process's clock (libfaketime's `LD_PRELOAD` and `FAKETIME…` settings), for a
 * child process started with an environment of its own: children run on the clock their parent
 * runs on, so a moved-clock run of the suite moves the servers it spawns too.
 */
export function processClockEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name === 'LD_PRELOAD' || name.startsWith('FAKETIME') || name === 'DONT_FAKE_MONOTONIC')
      moved[name] = value;
  }
  return moved;
}
