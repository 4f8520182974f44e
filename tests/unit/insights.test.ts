import { describe, expect, test } from 'vitest';
import {
  concentrationOf,
  helperLoadsOf,
  helperOf,
  memberBalances,
  openBlockersOf,
  periodOf,
  requestsIn,
  responseTimesOf,
  rotationStatsOf,
  validateInsightSettings,
  weekStart,
  type InsightRequest,
} from '../../src/core/insights/insights';
import type { Round } from '../../src/core/rotations/round';
import { buildMember } from '../support/memory-ports';

const NOW = new Date('2026-03-20T12:00:00.000Z'); // a Friday
const HOUR = 3_600_000;

const at = (iso: string, plusHours = 0) =>
  new Date(Date.parse(iso) + plusHours * HOUR).toISOString();

/** A request made at `createdAt`, answered `respondedAfter` hours later (if given). */
function req(
  id: string,
  createdAt: string,
  requesterId: string,
  o: {
    helperId?: string;
    status?: InsightRequest['status'];
    respondedAfter?: number;
    responseHours?: number;
    resolvedBy?: string;
  } = {},
): InsightRequest {
  const responseHours = o.responseHours ?? 4;
  return {
    id,
    requesterId,
    status: o.status ?? 'resolved',
    helperId: o.helperId ?? '',
    createdAt: at(createdAt),
    responseHours,
    dueAt: at(createdAt, responseHours),
    firstResponseAt: o.respondedAfter === undefined ? '' : at(createdAt, o.respondedAfter),
    resolvedAt: (o.status ?? 'resolved') === 'resolved' ? at(createdAt, 24) : '',
    resolvedBy: (o.status ?? 'resolved') === 'resolved' ? (o.resolvedBy ?? o.helperId ?? '') : '',
  };
}

const ann = buildMember({ userId: 'a', name: 'Ann', department: 'Engineering', optedIn: true });
const ben = buildMember({ userId: 'b', name: 'Ben', department: 'Engineering', optedIn: true });
const cat = buildMember({ userId: 'c', name: 'Cat', department: 'Design', optedIn: true });
const dan = buildMember({ userId: 'd', name: 'Dan', department: '  ' });
const eve = buildMember({ userId: 'e', name: 'Eve', department: 'Ops', active: false });
// Listed out of name order on purpose: the page orders by name.
const members = [dan, eve, cat, ann, ben];

// The 4-week period ending NOW runs from 2026-02-20T12:00Z (inclusive) to NOW (exclusive).
const requests: InsightRequest[] = [
  req('r1', '2026-03-02T09:00:00Z', 'b', { helperId: 'a', respondedAfter: 2 }),
  req('r2', '2026-03-03T10:00:00Z', 'c', { helperId: 'a', status: 'claimed', respondedAfter: 6 }),
  // Resolved by the requester while Ann was helping: still Ann's help.
  req('r3', '2026-03-10T08:00:00Z', 'd', { helperId: 'a', respondedAfter: 1, resolvedBy: 'd' }),
  req('r4', '2026-03-11T08:00:00Z', 'a', { helperId: 'b', respondedAfter: 3 }),
  req('r5', '2026-03-19T20:00:00Z', 'b', { status: 'open' }),
  // Claimed, then released: answered within 2 h, but nobody is credited with helping.
  req('r6', '2026-03-18T12:00:00Z', 'c', { status: 'open', respondedAfter: 2 }),
  req('r7', '2026-02-10T00:00:00Z', 'b', { helperId: 'c', respondedAfter: 1 }), // before the period
  req('r8', '2026-02-15T00:00:00Z', 'd', { status: 'open' }), // before, and still open
  // Exactly at the period's start: inside. Eve has left since, and answered late (10 h of 8).
  req('r9', '2026-02-20T12:00:00Z', 'b', { helperId: 'e', respondedAfter: 10, responseHours: 8 }),
  // Resolved by the requester alone: no helper, no response, and not waiting.
  req('r10', '2026-03-17T12:00:00Z', 'a', { resolvedBy: 'a' }),
];

const period = periodOf('4w', NOW);
const inPeriod = requestsIn(requests, period);

describe('periods', () => {
  test('4 and 12 weeks end now; a quarter starts on its first day, in UTC', () => {
    expect(period.from.toISOString()).toBe('2026-02-20T12:00:00.000Z');
    expect(period.to).toEqual(NOW);
    // 84 days before 2026-03-20T12:00Z is 2025-12-26T12:00Z.
    expect(periodOf('12w', NOW).from.toISOString()).toBe('2025-12-26T12:00:00.000Z');
    expect(periodOf('quarter', NOW).from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    // The first instant of a quarter starts that quarter; the last of the one before stays in it.
    expect(periodOf('quarter', new Date('2026-04-01T00:00:00Z')).from.toISOString()).toBe(
      '2026-04-01T00:00:00.000Z',
    );
    expect(periodOf('quarter', new Date('2026-03-31T23:59:59Z')).from.toISOString()).toBe(
      '2026-01-01T00:00:00.000Z',
    );
    expect(periodOf('quarter', new Date('2026-12-31T10:00:00Z')).from.toISOString()).toBe(
      '2026-10-01T00:00:00.000Z',
    );
  });

  test('requests are in the period by when they were made, start inclusive, end exclusive', () => {
    // r1–r6, r9 (at the start), r10: 8; r7 and r8 are older.
    expect(inPeriod.map((r) => r.id).sort()).toEqual(
      ['r1', 'r10', 'r2', 'r3', 'r4', 'r5', 'r6', 'r9'].sort(),
    );
    const atEnd = req('end', NOW.toISOString(), 'a');
    expect(requestsIn([atEnd], period)).toEqual([]);
  });

  test('weeks start on Monday 00:00 UTC', () => {
    expect(weekStart(new Date('2026-02-20T12:00:00Z')).toISOString()).toBe(
      '2026-02-16T00:00:00.000Z',
    );
    expect(weekStart(new Date('2026-03-16T00:00:00Z')).toISOString()).toBe(
      '2026-03-16T00:00:00.000Z',
    );
    expect(weekStart(new Date('2026-03-22T23:59:00Z')).toISOString()).toBe(
      '2026-03-16T00:00:00.000Z',
    );
  });
});

describe('give / receive balance and breadth', () => {
  test('the helper is who holds the claim, and nobody after a release', () => {
    expect(requests.map(helperOf)).toEqual(['a', 'a', 'a', 'b', '', '', 'c', '', 'e', '']);
  });

  test('per member, listed by name, with a member who left kept when they helped', () => {
    // Given: Ann r1 r2 r3 = 3; Ben r4 = 1; Eve r9 = 1.
    // Received: Ben r1 r9 = 2; Cat r2 = 1; Dan r3 = 1; Ann r4 = 1.
    // Ann helped Ben (Engineering), Cat (Design), Dan (blank): 3 people, 2 departments.
    expect(memberBalances(members, inPeriod)).toEqual([
      {
        id: 'a',
        name: 'Ann',
        department: 'Engineering',
        given: 3,
        received: 1,
        peopleHelped: 3,
        departmentsHelped: 2,
      },
      {
        id: 'b',
        name: 'Ben',
        department: 'Engineering',
        given: 1,
        received: 2,
        peopleHelped: 1,
        departmentsHelped: 1,
      },
      {
        id: 'c',
        name: 'Cat',
        department: 'Design',
        given: 0,
        received: 1,
        peopleHelped: 0,
        departmentsHelped: 0,
      },
      {
        id: 'd',
        name: 'Dan',
        department: '  ',
        given: 0,
        received: 1,
        peopleHelped: 0,
        departmentsHelped: 0,
      },
      {
        id: 'e',
        name: 'Eve',
        department: 'Ops',
        given: 1,
        received: 0,
        peopleHelped: 1,
        departmentsHelped: 1,
      },
    ]);
  });

  test('someone who left and neither gave nor received in the period is not listed', () => {
    const names = memberBalances(members, [
      req('x', '2026-03-05T00:00:00Z', 'a', { helperId: 'b' }),
    ]);
    expect(names.map((m) => m.name)).toEqual(['Ann', 'Ben', 'Cat', 'Dan']);
  });
});

describe('concentration', () => {
  test('the top 20% of helpers, at least one, and their share', () => {
    // 3 helpers: ceil(0.6) = 1 person (Ann, 3) of 5 helped = 0.6.
    expect(concentrationOf(inPeriod)).toEqual({
      topShare: 0.6,
      topHelpers: 1,
      helpers: 3,
      totalGiven: 5,
    });
  });

  test('six helpers: the top two', () => {
    // Counts 5, 4, 1, 1, 1, 1 = 13; ceil(6 × 0.2) = 2 people give 9; 9 / 13.
    const many = [
      ...Array.from({ length: 5 }, (_, i) =>
        req(`p${i}`, '2026-03-05T00:00:00Z', 'z', { helperId: 'p' }),
      ),
      ...Array.from({ length: 4 }, (_, i) =>
        req(`q${i}`, '2026-03-05T00:00:00Z', 'z', { helperId: 'q' }),
      ),
      ...['s', 't', 'u', 'v'].map((h) => req(h, '2026-03-05T00:00:00Z', 'z', { helperId: h })),
    ];
    const c = concentrationOf(many);
    expect(c).toMatchObject({ topHelpers: 2, helpers: 6, totalGiven: 13 });
    expect(c.topShare).toBeCloseTo(9 / 13, 10);
  });

  test('nobody helped: no share; one helper: all of it', () => {
    expect(concentrationOf([req('o', '2026-03-05T00:00:00Z', 'a', { status: 'open' })])).toEqual({
      topShare: null,
      topHelpers: 0,
      helpers: 0,
      totalGiven: 0,
    });
    expect(
      concentrationOf([req('o', '2026-03-05T00:00:00Z', 'a', { helperId: 'b' })]).topShare,
    ).toBe(1);
  });
});

describe('time to first response', () => {
  test('median, p90, within commitment, waiting, per week', () => {
    // Responded: r1 2 h, r2 6 h, r3 1 h, r4 3 h, r6 2 h, r9 10 h → sorted 1 2 2 3 6 10.
    // Median (2 + 3) / 2 = 2.5; p90 is rank ceil(0.9 × 6) = 6 → 10.
    // Within their own commitment: r1, r3, r4, r6 (4 h each); not r2 (6 > 4) nor r9 (10 > 8).
    // Waiting: r5 (r10 was resolved without a response; r8 is before the period).
    const times = responseTimesOf(inPeriod, period);
    expect(times).toMatchObject({
      responded: 6,
      withinCommitment: 4,
      medianHours: 2.5,
      p90Hours: 10,
      waiting: 1,
    });
    // The period starts on Friday 2026-02-20: its first week is Monday 2026-02-16.
    expect(times.weeks).toEqual([
      { weekStart: '2026-02-16T00:00:00.000Z', responded: 1, withinCommitment: 0, medianHours: 10 },
      {
        weekStart: '2026-02-23T00:00:00.000Z',
        responded: 0,
        withinCommitment: 0,
        medianHours: null,
      },
      // r1 2 h, r2 6 h → median 4.
      { weekStart: '2026-03-02T00:00:00.000Z', responded: 2, withinCommitment: 1, medianHours: 4 },
      // r3 1 h, r4 3 h → median 2.
      { weekStart: '2026-03-09T00:00:00.000Z', responded: 2, withinCommitment: 2, medianHours: 2 },
      { weekStart: '2026-03-16T00:00:00.000Z', responded: 1, withinCommitment: 1, medianHours: 2 },
    ]);
  });

  test('no requests: nothing to measure', () => {
    const times = responseTimesOf([], period);
    expect(times).toMatchObject({ responded: 0, medianHours: null, p90Hours: null, waiting: 0 });
    expect(times.weeks).toHaveLength(5);
  });
});

describe('open blockers', () => {
  test('unresolved now, whenever asked, by age', () => {
    // r2 claimed since 03-03 10:00 = 410 h; r5 16 h; r6 48 h; r8 since 02-15 00:00 = 804 h.
    expect(openBlockersOf(requests, NOW)).toEqual({
      total: 4,
      byAge: [
        { label: 'Under 1 day', count: 1 },
        { label: '1–3 days', count: 1 },
        { label: '3–7 days', count: 0 },
        { label: 'Over a week', count: 2 },
      ],
      oldestHours: 804,
    });
  });

  test('bucket edges: exactly 1, 3 and 7 days old fall in the older bucket', () => {
    const aged = [24, 72, 168, 23.99].map((h) =>
      req(`x${h}`, new Date(NOW.getTime() - h * HOUR).toISOString(), 'a', { status: 'open' }),
    );
    expect(openBlockersOf(aged, NOW).byAge.map((b) => b.count)).toEqual([1, 1, 1, 1]);
    expect(openBlockersOf([], NOW)).toMatchObject({ total: 0, oldestHours: null });
  });
});

describe('rotation', () => {
  const round = (
    id: string,
    publishedAt: string,
    groups: string[][],
    status = 'published',
  ): Round => ({
    id,
    program: 'skill_share',
    status: status as Round['status'],
    scheduledFor: publishedAt,
    createdAt: publishedAt,
    createdBy: '',
    publishedAt: status === 'published' ? publishedAt : '',
    publishedBy: '',
    revision: 1,
    groups: groups.map((m) => ({
      members: m,
      reason: { kind: 'text' as const, text: '' },
      weight: 1,
    })),
    unplaced: [],
    totalWeight: 0,
    method: 'exact',
    seed: 1,
  });

  test('rounds published in the period, who took part, and the meet rate', () => {
    const rounds = [
      round('skill_share-202603020900', '2026-03-02T09:00:00.000Z', [
        ['a', 'b'],
        ['c', 'd'],
      ]),
      round('blocker_buddy-202603090900', '2026-03-09T09:00:00.000Z', [
        ['a', 'c'],
        ['b', 'd', 'e'],
      ]),
      round('skill_share-202602010900', '2026-02-01T09:00:00.000Z', [['a', 'b']]), // before
      round('cross_check-202603100900', '2026-03-10T09:00:00.000Z', [['a', 'e']], 'draft'),
    ];
    const checkIns = [
      { roundId: 'skill_share-202603020900', userId: 'a', answer: 'met' as const },
      { roundId: 'skill_share-202603020900', userId: 'b', answer: 'not_yet' as const },
      { roundId: 'blocker_buddy-202603090900', userId: 'c', answer: 'skipped' as const },
      { roundId: 'blocker_buddy-202603090900', userId: 'd', answer: 'met' as const },
      { roundId: 'skill_share-202602010900', userId: 'a', answer: 'met' as const },
    ];
    // 2 rounds; placed a b c d e = 5; taking part now: Ann, Ben, Cat (Dan never opted in, Eve left).
    // Groups answered: {a,b} (met), {a,c} (skipped), {b,d,e} (met); {c,d} silent → 2 / 3.
    const stats = rotationStatsOf(rounds, checkIns, members, period, NOW);
    expect(stats).toMatchObject({ rounds: 2, participants: 5, eligible: 3, answered: 3, met: 2 });
    expect(stats.meetRate).toBeCloseTo(2 / 3, 10);
  });

  test('no rounds: no meet rate', () => {
    expect(rotationStatsOf([], [], members, period, NOW)).toMatchObject({
      rounds: 0,
      participants: 0,
      answered: 0,
      meetRate: null,
    });
  });
});

describe('helper-load alert', () => {
  const settings = { helperLoadPercent: 40, helperLoadMinRequests: 5 };
  const helped = (helperId: string, n: number, day = '2026-03-10T00:00:00Z') =>
    Array.from({ length: n }, (_, i) => req(`${helperId}${i}`, day, 'z', { helperId }));

  test('above the threshold with at least the minimum is flagged', () => {
    // Ann 5 of 10 = 50% > 40%, and 5 ≥ 5; Ben 3 (30%) and Cat 2 (20%) are not.
    const loads = helperLoadsOf(
      [...helped('a', 5), ...helped('b', 3), ...helped('c', 2)],
      settings,
      NOW,
    );
    expect(loads).toEqual([{ userId: 'a', given: 5, total: 10, share: 0.5 }]);
  });

  test('exactly at the threshold, or below the minimum, is not', () => {
    // 4 of 10 = 40%: not above 40%.
    expect(
      helperLoadsOf([...helped('a', 4), ...helped('b', 3), ...helped('c', 3)], settings, NOW),
    ).toEqual([]);
    // 4 of 4 = 100% but fewer than 5.
    expect(helperLoadsOf(helped('a', 4), settings, NOW)).toEqual([]);
  });

  test('only the last 28 days count', () => {
    // 2026-02-20T12:00Z is the window's first instant; a day earlier is out.
    const old = helped('a', 5, '2026-02-19T12:00:00Z');
    expect(helperLoadsOf([...old, ...helped('b', 2)], settings, NOW)).toEqual([]);
    const edge = helped('a', 5, '2026-02-20T12:00:00Z');
    expect(helperLoadsOf([...edge, ...helped('b', 2)], settings, NOW)[0]?.userId).toBe('a');
  });

  test('settings are bounded, and errors name the field', () => {
    expect(validateInsightSettings({ helperLoadPercent: 10, helperLoadMinRequests: 100 })).toEqual({
      helperLoadPercent: 10,
      helperLoadMinRequests: 100,
    });
    for (const [bad, field] of [
      [{ helperLoadPercent: 9, helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 91, helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 40.5, helperLoadMinRequests: 5 }, 'helperLoadPercent'],
      [{ helperLoadPercent: 40, helperLoadMinRequests: 0 }, 'helperLoadMinRequests'],
      [{ helperLoadPercent: 40, helperLoadMinRequests: 101 }, 'helperLoadMinRequests'],
    ] as const)
      expect(() => validateInsightSettings(bad)).toThrow(expect.objectContaining({ field }));
  });
});
