import { describe, expect, it } from 'vitest';
import { encodeKey, invertedNumber, teamPartition } from '../../src/store/keys';

describe('table keys', () => {
  it('never lets a forbidden character reach a key, and round-trips', () => {
    const nasty = "19:a/b\\c#d?e|f\u0001g'h@thread.tacv2";
    const key = encodeKey(nasty);
    const forbidden = [...key].filter((c) => "/\\#?|'".includes(c) || c.charCodeAt(0) < 0x20);
    expect(forbidden).toEqual([]);
    expect(decodeURIComponent(key)).toBe(nasty);
  });

  it('keeps tenant and team apart in a partition key', () => {
    expect(teamPartition({ tenantId: 'a|b', teamId: 'c' })).not.toBe(
      teamPartition({ tenantId: 'a', teamId: 'b|c' }),
    );
  });

  it('sorts larger numbers first', () => {
    const keys = [3, 100, 20].map((n) => invertedNumber(n));
    expect([...keys].sort()).toEqual([invertedNumber(100), invertedNumber(20), invertedNumber(3)]);
  });
});
