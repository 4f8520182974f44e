/** What to do after one attempt to send a notification. */
export type DeliveryOutcome =
  | { kind: 'sent' }
  /** Throttled: wait at least this long (Retry-After, or backoff when Teams gave none). */
  | { kind: 'retry'; afterMs: number; reason: string }
  /**
   * Stop sending to this conversation: the bot was removed or blocked (403), or the conversation
   * no longer exists (404, `gone`: a revived 1:1 chat must be opened anew, not reused).
   */
  | { kind: 'dead'; reason: string; gone: boolean }
  /** Will never succeed as it is: park it for a person to look at. */
  | { kind: 'fail'; reason: string };

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Exponential backoff with jitter: a wait in [c/2, c) where c = min(max, base·2^(attempt-1)), so
 * retries from many workers spread out instead of arriving together. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number, options = DEFAULT_BACKOFF): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(ceiling / 2 + (random * ceiling) / 2);
}

/**
 * Teams' guidance: 429 waits for Retry-After; 412, 502, 503 and 504 are transient and retried with
 * jittered backoff; 403 and 404 mean the bot can no longer reach that conversation; every other
 * 4xx will fail the same way again.
 */
export function classifyStatus(
  status: number | undefined,
  attempt: number,
  retryAfterMs: number | undefined,
  random: number,
): DeliveryOutcome {
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 429) {
    const wait = retryAfterMs ?? backoffMs(attempt, random);
    return { kind: 'retry', afterMs: Math.max(wait, 0), reason: 'throttled (429)' };
  }
  if (status === 403)
    return { kind: 'dead', reason: 'the bot was removed or blocked (403)', gone: false };
  if (status === 404)
    return { kind: 'dead', reason: 'the conversation no longer exists (404)', gone: true };
  if (status === undefined || status === 412 || status === 500 || status >= 502)
    return {
      kind: 'retry',
      afterMs: backoffMs(attempt, random),
      reason: status === undefined ? 'network error' : `transient failure (${status})`,
    };
  return { kind: 'fail', reason: `rejected by Teams (${status})` };
}

/** Parses a Retry-After header: seconds, or an HTTP date relative to `now`. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
