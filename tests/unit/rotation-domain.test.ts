import { describe, expect, test } from 'vitest';
import {
  applyBoundaries,
  DEFAULT_BOUNDARIES,
  inQuietHours,
  isPaused,
  isTakingPart,
} from '../../src/core/team/boundaries';
import {
  defaultProgram,
  nextRunAfter,
  validateProgramSettings,
  type Program,
} from '../../src/core/rotations/program';
import { roundIdFor, swapInDraft, type Round } from '../../src/core/rotations/round';
import { chooseGuardian, type GuardianTerm } from '../../src/core/guardian/guardian';
import { nextWeeklySlot } from '../../src/core/schedule/zoned-time';
import { DomainError } from '../../src/core/errors';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? `${error.code}:${error.field ?? ''}` : 'other';
  }
};

describe('boundaries', () => {
  const base = { ...DEFAULT_BOUNDARIES, optedIn: true, timeZone: 'Europe/Lisbon' };

  test('a pause lasts through the named day in the member’s own time zone', () => {
    const paused = { ...base, pausedUntil: '2026-03-10' };
    expect(isPaused(paused, new Date('2026-03-10T23:30:00Z'))).toBe(true);
    expect(isPaused(paused, new Date('2026-03-11T00:30:00Z'))).toBe(false);
    // 23:30 UTC on the 10th is already the 11th in Tokyo.
    expect(isPaused({ ...paused, timeZone: 'Asia/Tokyo' }, new Date('2026-03-10T23:30:00Z'))).toBe(
      false,
    );
  });

  test('nobody takes part before opting in', () => {
    const at = new Date('2026-03-10T12:00:00Z');
    expect(isTakingPart({ ...base, optedIn: false }, at)).toBe(false);
    expect(isTakingPart(base, at)).toBe(true);
  });

  test('quiet hours may wrap midnight and follow the member’s zone', () => {
    const quiet = { ...base, quietHours: { start: '19:00', end: '08:00' } };
    expect(inQuietHours(quiet, new Date('2026-01-05T20:00:00Z'))).toBe(true);
    expect(inQuietHours(quiet, new Date('2026-01-05T07:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, new Date('2026-01-05T08:00:00Z'))).toBe(false);
    // Summer: Lisbon is UTC+1, so 18:30 UTC is 19:30 there.
    expect(inQuietHours(quiet, new Date('2026-07-05T18:30:00Z'))).toBe(true);
  });

  test('each bad value is refused with the field to fix', () => {
    expect(codeOf(() => applyBoundaries(base, { timeZone: 'Mars/Olympus' }))).toBe(
      'invalid:timeZone',
    );
    expect(codeOf(() => applyBoundaries(base, { availabilityPerWeek: -1 }))).toBe(
      'invalid:availabilityPerWeek',
    );
    expect(codeOf(() => applyBoundaries(base, { availabilityPerWeek: 2.5 }))).toBe(
      'invalid:availabilityPerWeek',
    );
    expect(codeOf(() => applyBoundaries(base, { pausedUntil: '2026-02-30' }))).toBe(
      'invalid:pausedUntil',
    );
    expect(
      codeOf(() => applyBoundaries(base, { quietHours: { start: '25:00', end: '08:00' } })),
    ).toBe('invalid:quietHours');
    expect(
      codeOf(() => applyBoundaries(base, { quietHours: { start: '08:00', end: '08:00' } })),
    ).toBe('invalid:quietHours');
    expect(applyBoundaries(base, { pausedUntil: '', quietHours: null })).toMatchObject({
      pausedUntil: '',
      quietHours: null,
    });
  });
});

describe('program cadence', () => {
  const program = (overrides: Partial<Program> = {}): Program => ({
    ...defaultProgram('skill_share'),
    enabled: true,
    timeZone: 'Europe/Berlin',
    ...overrides,
  });

  test('the first round falls on the next chosen weekday and hour, in the program’s zone', () => {
    // Wednesday 2026-03-25; the next Monday 09:00 Berlin is 2026-03-30, after the clocks moved.
    const next = nextRunAfter(program({ cadence: 'weekly' }), new Date('2026-03-25T12:00:00Z'));
    expect(next.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  test('later rounds keep the cadence from the last one', () => {
    const last = '2026-01-05T08:00:00.000Z'; // Monday 09:00 Berlin
    const after = new Date('2026-01-05T08:00:01Z');
    const at = (cadence: Program['cadence'], sprintWeeks = 2) =>
      nextRunAfter(program({ cadence, sprintWeeks, lastRunAt: last }), after).toISOString();
    expect(at('weekly')).toBe('2026-01-12T08:00:00.000Z');
    expect(at('every_2_weeks')).toBe('2026-01-19T08:00:00.000Z');
    expect(at('every_4_weeks')).toBe('2026-02-02T08:00:00.000Z');
    expect(at('each_sprint', 3)).toBe('2026-01-26T08:00:00.000Z');
  });

  test('a slot exactly now is this one, not next week', () => {
    const now = new Date('2026-01-05T08:00:00Z');
    expect(nextWeeklySlot(now, 1, 9, 'Europe/Berlin').toISOString()).toBe(now.toISOString());
  });

  test('settings out of range are refused with the field to fix', () => {
    const ok = program();
    expect(codeOf(() => validateProgramSettings({ ...ok, hour: 24 }))).toBe('invalid:hour');
    expect(codeOf(() => validateProgramSettings({ ...ok, weekday: 0 }))).toBe('invalid:weekday');
    expect(codeOf(() => validateProgramSettings({ ...ok, timeZone: 'Nowhere' }))).toBe(
      'invalid:timeZone',
    );
    expect(codeOf(() => validateProgramSettings({ ...ok, sprintWeeks: 9 }))).toBe(
      'invalid:sprintWeeks',
    );
  });
});

describe('swapping people in a draft', () => {
  const draft: Round = {
    id: roundIdFor('skill_share', new Date('2026-01-05T09:00:00Z')),
    program: 'skill_share',
    status: 'draft',
    scheduledFor: '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
    createdBy: '',
    publishedAt: '',
    publishedBy: '',
    revision: 3,
    groups: [
      { members: ['a', 'b'], reason: { kind: 'text' as const, text: 'ab' }, weight: 1 },
      { members: ['c', 'd', 'e'], reason: { kind: 'text' as const, text: 'cde' }, weight: 2 },
    ],
    unplaced: [],
    totalWeight: 3,
    method: 'exact',
    seed: 1,
  };
  const describeGroup = (members: string[]) => ({
    reason: { kind: 'text' as const, text: members.join('+') },
    weight: members.length,
  });

  test('exchanges two people and recomputes both groups', () => {
    const swapped = swapInDraft(draft, 'a', 'e', 3, describeGroup);
    expect(swapped.groups.map((g) => g.members)).toEqual([
      ['e', 'b'],
      ['c', 'd', 'a'],
    ]);
    expect(swapped.groups.map((g) => (g.reason.kind === 'text' ? g.reason.text : ''))).toEqual([
      'e+b',
      'c+d+a',
    ]);
    expect(swapped.totalWeight).toBe(5);
    expect(swapped.revision).toBe(4);
    expect(draft.groups[0]!.members).toEqual(['a', 'b']);
  });

  test('refuses what would put someone in two groups, a stale draft, or a published round', () => {
    expect(codeOf(() => swapInDraft(draft, 'a', 'b', 3, describeGroup))).toBe('invalid:b');
    expect(codeOf(() => swapInDraft(draft, 'a', 'a', 3, describeGroup))).toBe('invalid:b');
    expect(codeOf(() => swapInDraft(draft, 'a', 'z', 3, describeGroup))).toBe('invalid:b');
    expect(codeOf(() => swapInDraft(draft, 'a', 'c', 2, describeGroup))).toBe('conflict:');
    expect(
      codeOf(() => swapInDraft({ ...draft, status: 'published' }, 'a', 'c', 3, describeGroup)),
    ).toBe('conflict:');
  });
});

describe('the Culture Guardian rotation', () => {
  const person = (userId: string, joinedAt = '2026-01-01') => ({ userId, joinedAt });
  const term = (userId: string, since: string): GuardianTerm => ({ userId, since, until: since });

  test('whoever never served goes first, then the least recently served', () => {
    const people = [person('a'), person('b'), person('c')];
    expect(chooseGuardian(people, [])?.userId).toBe('a');
    const terms = [term('a', '2026-03-01'), term('c', '2026-02-01'), term('b', '2026-01-01')];
    expect(chooseGuardian(people, terms)?.userId).toBe('b');
    expect(chooseGuardian([person('a'), person('c')], terms)?.userId).toBe('c');
  });

  test('the sitting guardian serves again only when nobody else can', () => {
    expect(chooseGuardian([person('a')], [term('a', '2026-03-01')])?.userId).toBe('a');
    expect(
      chooseGuardian([person('a'), person('b')], [term('a', '2026-03-01'), term('b', '2025-01-01')])
        ?.userId,
    ).toBe('b');
    expect(chooseGuardian([], [])).toBeUndefined();
  });

  test('ties go to who joined first', () => {
    expect(chooseGuardian([person('z', '2025-01-01'), person('a', '2026-01-01')], [])?.userId).toBe(
      'z',
    );
  });
});
