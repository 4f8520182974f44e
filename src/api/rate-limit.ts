import type { RequestHandler } from 'express';
import { SlidingWindows, type RateWindow } from '../core/notify/rate-limit';
import { errorBody } from './errors';
import type { VerifiedUser } from './auth';

/** Callers remembered at most; idle ones are forgotten first. */
const MAX_TRACKED = 50_000;

/**
 * Per signed-in user (tenant and object id from the verified token), a ceiling on API requests,
 * kept in this instance's memory: past it the answer is 429 with `Retry-After`, and nothing runs.
 * Mounted after authentication, so an anonymous flood is refused by the token check instead.
 */
export function rateLimitPerUser(
  windows: readonly RateWindow[],
  now: () => number = Date.now,
): RequestHandler {
  const callers = new Map<string, SlidingWindows>();
  const sweep = (at: number) => {
    for (const [key, limiter] of callers) if (limiter.idleAt(at)) callers.delete(key);
  };
  return (_req, res, next) => {
    const user = res.locals.user as VerifiedUser | undefined;
    if (!user) {
      next();
      return;
    }
    const at = now();
    const key = `${user.tenantId}|${user.userId}`;
    let limiter = callers.get(key);
    if (!limiter) {
      if (callers.size >= MAX_TRACKED) sweep(at);
      limiter = new SlidingWindows(windows);
      callers.set(key, limiter);
    }
    const allowedAt = limiter.nextAllowedAt(at);
    if (allowedAt > at) {
      const seconds = Math.max(1, Math.ceil((allowedAt - at) / 1000));
      res.setHeader('Retry-After', String(seconds));
      res
        .status(429)
        .json(
          errorBody(
            'rate_limited',
            `Too many requests at once; wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} and try again.`,
          ),
        );
      return;
    }
    limiter.record(at);
    next();
  };
}
