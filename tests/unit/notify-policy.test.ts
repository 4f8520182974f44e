import { describe, expect, it } from 'vitest';
import { backoffMs, classifyStatus, parseRetryAfter } from '../../src/core/notify/delivery-policy';
import { SlidingWindows, TEAMS_PER_CONVERSATION } from '../../src/core/notify/rate-limit';

describe('sliding-window rate limits', () => {
  it('lets 7 sends through in a second, then holds the 8th until the first leaves the window', () => {
    const limiter = new SlidingWindows(TEAMS_PER_CONVERSATION);
    for (let i = 0; i < 7; i++) {
      expect(limiter.nextAllowedAt(i * 10)).toBe(i * 10);
      limiter.record(i * 10);
    }
    expect(limiter.nextAllowedAt(70)).toBe(1_000);
  });

  it('keeps to 8 per 2 s and 60 per 30 s when sending as fast as allowed', () => {
    const limiter = new SlidingWindows(TEAMS_PER_CONVERSATION);
    const sent: number[] = [];
    let now = 0;
    while (sent.length < 200) {
      now = limiter.nextAllowedAt(now);
      limiter.record(now);
      sent.push(now);
    }
    const maxIn = (windowMs: number) =>
      Math.max(...sent.map((t) => sent.filter((s) => s >= t && s < t + windowMs).length));
    expect(maxIn(1_000)).toBeLessThanOrEqual(7);
    expect(maxIn(2_000)).toBeLessThanOrEqual(8);
    expect(maxIn(30_000)).toBeLessThanOrEqual(60);
    // and it does not wait longer than it must: 60 sends fit in the first 30 s window
    expect(sent[59]).toBeLessThan(30_000);
  });
});

describe('what to do after a send', () => {
  it('waits for Retry-After on 429, or backs off when Teams gives none', () => {
    expect(classifyStatus(429, 1, 7_000, 0.5)).toEqual({
      kind: 'retry',
      afterMs: 7_000,
      reason: 'throttled (429)',
    });
    expect(classifyStatus(429, 1, undefined, 0)).toMatchObject({ kind: 'retry', afterMs: 500 });
  });

  it('retries 412, 502, 503, 504 and network errors with growing, jittered waits', () => {
    for (const status of [412, 502, 503, 504, undefined]) {
      expect(classifyStatus(status, 1, undefined, 0).kind).toBe('retry');
    }
    const waits = [1, 2, 3, 4].map((attempt) => backoffMs(attempt, 0.99));
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(backoffMs(3, 0)).not.toBe(backoffMs(3, 0.9));
    expect(backoffMs(30, 0.99)).toBeLessThanOrEqual(60_000);
  });

  it('marks the conversation dead on 403 and 404, and never retries other 4xx', () => {
    expect(classifyStatus(403, 1, undefined, 0).kind).toBe('dead');
    expect(classifyStatus(404, 1, undefined, 0).kind).toBe('dead');
    for (const status of [400, 401, 409, 413])
      expect(classifyStatus(status, 1, undefined, 0).kind).toBe('fail');
    expect(classifyStatus(201, 1, undefined, 0).kind).toBe('sent');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3_000);
    expect(parseRetryAfter('0.2', 0)).toBe(200);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});
