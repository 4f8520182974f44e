/** A ceiling of `limit` sends in any `windowMs` span. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/**
 * Teams' documented limits for a bot sending to one conversation (thread), and for one app in one
 * tenant. They are configuration: Teams may change them, and 429 handling covers the rest.
 */
export const TEAMS_PER_CONVERSATION: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];
export const TEAMS_PER_TENANT: readonly RateWindow[] = [{ limit: 50, windowMs: 1_000 }];

/**
 * A sliding-window limiter over several windows at once: it remembers when each send happened and
 * answers the earliest moment another send stays under every window. Pure: time is passed in.
 */
export class SlidingWindows {
  private readonly windows: readonly RateWindow[];
  private readonly keep: number;
  private readonly longest: number;
  /** Send times, oldest first, at most `keep` of them. */
  private readonly sent: number[] = [];

  constructor(windows: readonly RateWindow[]) {
    if (windows.length === 0) throw new Error('at least one window');
    this.windows = windows;
    this.keep = Math.max(...windows.map((w) => w.limit));
    this.longest = Math.max(...windows.map((w) => w.windowMs));
  }

  /** The earliest time ≥ now at which one more send respects every window. */
  nextAllowedAt(now: number): number {
    let at = now;
    for (const { limit, windowMs } of this.windows) {
      if (this.sent.length < limit) continue;
      // The send `limit` places back must have left the window before another may go.
      const blocking = this.sent[this.sent.length - limit]!;
      at = Math.max(at, blocking + windowMs);
    }
    return at;
  }

  record(at: number): void {
    this.sent.push(at);
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
  }

  /**
   * The send counted at `from` is known to have reached Teams by `to` (when its answer came):
   * count it then, so the next sends are spaced from when Teams may have seen it.
   */
  restamp(from: number, to: number): void {
    const i = this.sent.lastIndexOf(from);
    if (i < 0) return;
    this.sent.splice(i, 1);
    let j = this.sent.length;
    while (j > 0 && this.sent[j - 1]! > to) j--;
    this.sent.splice(j, 0, to);
  }

  forget(at: number): void {
    const i = this.sent.lastIndexOf(at);
    if (i >= 0) this.sent.splice(i, 1);
  }

  /** True when nothing sent recently could still constrain a send at `now`. */
  idleAt(now: number): boolean {
    const last = this.sent[this.sent.length - 1];
    return last === undefined || now - last >= this.longest;
  }
}
