import type { RateWindow } from '../../src/core/notify/rate-limit';
import type { ConnectorRequest, Failure, FailureRule } from './fake-connector';

export interface TeamsThrottleOptions {
  perConversation: readonly RateWindow[];
  perTenant: readonly RateWindow[];
  /** Share of otherwise acceptable requests answered 429 anyway, as Teams does under load. */
  randomShare: number;
  /** Retry-After (seconds) on those random 429s. */
  randomRetryAfter: number;
  /** In [0, 1). */
  random: () => number;
  /** The tenant a request counts against (the fake cannot tell from the request itself). */
  tenantOf?: (request: ConnectorRequest) => string;
}

export interface TeamsThrottle {
  /** For `FakeConnector.failWhen`. */
  rule: FailureRule;
  /** 429s answered because a limit was exceeded. */
  limitViolations: number;
  /** 429s answered at random, within the limits. */
  randomThrottled: number;
  /** Requests let through (to be answered 2xx by the fake). */
  accepted: number;
  /** One entry per limit violation: which limit, on what. */
  violations: { scope: 'conversation' | 'tenant'; key: string; limit: number; windowMs: number }[];
}

/**
 * Teams' documented limits enforced on the fake connector's side: each request is checked
 * against the requests accepted before it, per conversation (thread; opening a 1:1 chat counts
 * per member) and per tenant, by arrival time; over a limit it gets 429 with the Retry-After that
 * frees the window. A share of the requests within the limits get 429 anyway.
 */
export function teamsThrottle(options: TeamsThrottleOptions): TeamsThrottle {
  const history = new Map<string, number[]>();
  const keep = (windows: readonly RateWindow[]) => Math.max(...windows.map((w) => w.limit));
  const throttle: TeamsThrottle = {
    limitViolations: 0,
    randomThrottled: 0,
    accepted: 0,
    violations: [],
    rule: (request) => {
      const conversation =
        request.conversationId ?? `open:${membersOf(request.body).join(',') || '?'}`;
      const tenant = options.tenantOf?.(request) ?? 'tenant';
      const checks = [
        { scope: 'conversation' as const, key: conversation, windows: options.perConversation },
        { scope: 'tenant' as const, key: tenant, windows: options.perTenant },
      ];
      let retryAtMs = 0;
      for (const { scope, key, windows } of checks) {
        const times = history.get(`${scope}|${key}`) ?? [];
        for (const { limit, windowMs } of windows) {
          const inWindow = times.filter((t) => t > request.at - windowMs && t <= request.at);
          const blocking = inWindow[inWindow.length - limit];
          if (blocking !== undefined) {
            retryAtMs = Math.max(retryAtMs, blocking + windowMs);
            throttle.violations.push({ scope, key, limit, windowMs });
          }
        }
      }
      if (retryAtMs > 0) {
        throttle.limitViolations++;
        return tooMany(Math.max(1, Math.ceil((retryAtMs - request.at) / 1000)));
      }
      if (options.random() < options.randomShare) {
        throttle.randomThrottled++;
        return tooMany(options.randomRetryAfter);
      }
      throttle.accepted++;
      for (const { scope, key, windows } of checks) {
        const id = `${scope}|${key}`;
        const times = history.get(id) ?? [];
        // Bodies are read concurrently, so arrivals can be decided slightly out of order.
        let i = times.length;
        while (i > 0 && times[i - 1]! > request.at) i--;
        times.splice(i, 0, request.at);
        if (times.length > keep(windows)) times.splice(0, times.length - keep(windows));
        history.set(id, times);
      }
      return undefined;
    },
  };
  return throttle;
}

const tooMany = (retryAfter: number): Failure => ({ status: 429, retryAfter });

function membersOf(body: unknown): string[] {
  const members = (body as { members?: { id?: unknown }[] } | undefined)?.members;
  return Array.isArray(members) ? members.map((m) => String(m.id)) : [];
}
