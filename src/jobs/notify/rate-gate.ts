import { SlidingWindows, type RateWindow } from '../../core/notify/rate-limit';

export interface RateGateOptions {
  perConversation: readonly RateWindow[];
  perTenant: readonly RateWindow[];
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Holds each send until it fits under its conversation's and its tenant's limits, and keeps a
 * conversation quiet while Teams asked us to wait (a 429's Retry-After).
 */
export class RateGate {
  private readonly conversations = new Map<string, SlidingWindows>();
  private readonly tenants = new Map<string, SlidingWindows>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly options: RateGateOptions;
  private sinceSweep = 0;

  private readonly startedAt: number;
  constructor(options: RateGateOptions) {
    this.options = options;
    this.startedAt = options.now();
  }

  /**
   * Resolves when one more request to `conversation` in `tenant` may go, and counts it; returns
   * the time it was counted at, for `answered`.
   */
  async pass(tenant: string, conversation: string): Promise<number> {
    const conv = this.limiter(this.conversations, conversation, this.options.perConversation);
    let ten = this.tenants.get(tenant);
    if (!ten) {
      ten = this.limiter(this.tenants, tenant, this.options.perTenant);
      const shortest = Math.min(...this.options.perTenant.map((w) => w.limit));
      for (let i = 0; i < shortest; i++) ten.record(this.startedAt);
    }
    for (;;) {
      const now = this.options.now();
      const at = Math.max(
        conv.nextAllowedAt(now),
        ten.nextAllowedAt(now),
        this.pausedUntil.get(conversation) ?? 0,
      );
      if (at <= now) {
        conv.record(now);
        ten.record(now);
        this.sweep(now);
        return now;
      }
      await this.options.sleep(at - now);
    }
  }

  /** The request counted at `passedAt` has been answered: count it as of now. */
  answered(tenant: string, conversation: string, passedAt: number): number {
    const now = this.options.now();
    this.conversations.get(conversation)?.restamp(passedAt, now);
    this.tenants.get(tenant)?.restamp(passedAt, now);
    return now;
  }

  refund(tenant: string, passedAt: number): void {
    this.tenants.get(tenant)?.forget(passedAt);
  }

  /** How long `conversation` must stay quiet still, because Teams throttled it (0: not paused). */
  pausedFor(conversation: string): number {
    return Math.max(0, (this.pausedUntil.get(conversation) ?? 0) - this.options.now());
  }

  /** Teams throttled this conversation: send nothing more to it for `ms`. */
  pause(conversation: string, ms: number): void {
    const until = this.options.now() + ms;
    this.pausedUntil.set(conversation, Math.max(until, this.pausedUntil.get(conversation) ?? 0));
  }

  private limiter(map: Map<string, SlidingWindows>, key: string, windows: readonly RateWindow[]) {
    let limiter = map.get(key);
    if (!limiter) map.set(key, (limiter = new SlidingWindows(windows)));
    return limiter;
  }

  /** Forgets conversations that have been quiet for longer than any window. */
  private sweep(now: number) {
    if (++this.sinceSweep < 1000) return;
    this.sinceSweep = 0;
    for (const [key, limiter] of this.conversations)
      if (limiter.idleAt(now) && (this.pausedUntil.get(key) ?? 0) <= now) {
        this.conversations.delete(key);
        this.pausedUntil.delete(key);
      }
  }
}
