import { describe, expect, test } from 'vitest';
import { DomainError } from '../../src/core/errors';
import { defaultProgram } from '../../src/core/rotations/program';
import { roundIdFor, type Round } from '../../src/core/rotations/round';
import { buildMember, buildTeamRef } from '../support/memory-ports';
import { freshStorage } from '../support/storage';

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof DomainError ? error.code : 'other';
  }
};

const buildRound = (at: string, overrides: Partial<Round> = {}): Round => ({
  id: roundIdFor('skill_share', new Date(at)),
  program: 'skill_share',
  status: 'draft',
  scheduledFor: at,
  createdAt: at,
  createdBy: '',
  publishedAt: '',
  publishedBy: '',
  revision: 1,
  groups: [
    {
      members: ['a', 'b'],
      reason: { kind: 'text' as const, text: 'A teaches B SQL.' },
      weight: 1.5,
    },
  ],
  unplaced: [],
  totalWeight: 1.5,
  method: 'exact',
  seed: 7,
  ...overrides,
});

describe('the member store keeps boundaries', () => {
  test('opt-in, pause, availability, quiet hours and zone survive a round trip', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const member = buildMember({
      optedIn: true,
      pausedUntil: '2026-12-31',
      availabilityPerWeek: 5,
      quietHours: { start: '19:00', end: '08:00' },
      timeZone: 'Asia/Tokyo',
    });
    await ports.members.create(ref, member);
    expect((await ports.members.get(ref, member.userId))?.value).toEqual(member);
  });
});

describe('the round store', () => {
  test('lists a program’s rounds latest first, apart from other programs and teams', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const other = buildTeamRef();
    for (const at of [
      '2026-01-05T09:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
      '2026-03-02T09:00:00.000Z',
    ])
      await ports.rounds.create(ref, buildRound(at));
    await ports.rounds.create(
      ref,
      buildRound('2026-04-06T09:00:00.000Z', {
        id: roundIdFor('cross_check', new Date('2026-04-06T09:00:00Z')),
        program: 'cross_check',
      }),
    );
    await ports.rounds.create(other, buildRound('2026-05-04T09:00:00.000Z'));
    const listed = await ports.rounds.list(ref, 'skill_share', 10);
    expect(listed.map((r) => r.value.scheduledFor)).toEqual([
      '2026-03-02T09:00:00.000Z',
      '2026-02-02T09:00:00.000Z',
      '2026-01-05T09:00:00.000Z',
    ]);
    expect((await ports.rounds.list(ref, 'skill_share', 1)).map((r) => r.value.id)).toEqual([
      'skill_share-202603020900',
    ]);
  });

  test('a round is made once per slot, and a stale update is a conflict', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const round = buildRound('2026-01-05T09:00:00.000Z');
    const created = await ports.rounds.create(ref, round);
    expect(await codeOf(ports.rounds.create(ref, round))).toBe('conflict');
    await ports.rounds.update(ref, { ...round, revision: 2 }, created.etag);
    expect(await codeOf(ports.rounds.update(ref, { ...round, revision: 3 }, created.etag))).toBe(
      'conflict',
    );
    expect((await ports.rounds.get(ref, round.id))?.value.revision).toBe(2);
    expect(await ports.rounds.get(ref, 'not-a-round')).toBeUndefined();
  });

  test('a large round is spread over several properties and read back whole', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    // 1,500 groups with long reasons: far over one property's 64 KiB.
    const groups = Array.from({ length: 1500 }, (_, i) => ({
      members: [
        `b2000000-0000-4000-8000-${String(2 * i).padStart(12, '0')}`,
        `b2000000-0000-4000-8000-${String(2 * i + 1).padStart(12, '0')}`,
      ],
      reason: {
        kind: 'text' as const,
        text: `Person ${i} teaches Person ${i + 1} SQL; Person ${i + 1} teaches Person ${i} design reviews.`,
      },
      weight: i / 7,
    }));
    const round = buildRound('2026-01-05T09:00:00.000Z', { groups });
    await ports.rounds.create(ref, round);
    expect((await ports.rounds.get(ref, round.id))?.value).toEqual(round);
  });
});

describe('programs, check-ins and guardians', () => {
  test('a program is created once and updated with its ETag', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const program = {
      ...defaultProgram('blocker_buddy'),
      enabled: true,
      nextRunAt: '2026-01-12T09:00:00.000Z',
    };
    const created = await ports.programs.create(ref, program);
    expect(await codeOf(ports.programs.create(ref, program))).toBe('conflict');
    expect((await ports.programs.get(ref, 'blocker_buddy'))?.value).toEqual(program);
    await ports.programs.update(ref, { ...program, hour: 10 }, created.etag);
    expect(await codeOf(ports.programs.update(ref, program, created.etag))).toBe('conflict');
    expect((await ports.programs.list(ref)).map((p) => p.value.hour)).toEqual([10]);
  });

  test('check-ins are listed per round', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const at = '2026-01-05T09:00:00.000Z';
    await ports.checkIns.create(ref, {
      roundId: 'skill_share-202601050900',
      userId: 'a',
      answer: 'met',
      answeredAt: at,
    });
    await ports.checkIns.create(ref, {
      roundId: 'skill_share-202601050900',
      userId: 'b',
      answer: 'skipped',
      answeredAt: at,
    });
    await ports.checkIns.create(ref, {
      roundId: 'skill_share-202602020900',
      userId: 'a',
      answer: 'not_yet',
      answeredAt: at,
    });
    const listed = await ports.checkIns.listForRound(ref, 'skill_share-202601050900');
    expect(listed.map((c) => `${c.userId}:${c.answer}`).sort()).toEqual(['a:met', 'b:skipped']);
  });

  test('guardian terms list latest first; settings are ETag-guarded', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    await ports.guardians.addTerm(ref, {
      userId: 'a',
      since: '2026-01-01T00:00:00.000Z',
      until: '2026-02-01T00:00:00.000Z',
    });
    await ports.guardians.addTerm(ref, {
      userId: 'b',
      since: '2026-02-01T00:00:00.000Z',
      until: '2026-03-01T00:00:00.000Z',
    });
    expect((await ports.guardians.terms(ref, 5)).map((t) => t.userId)).toEqual(['b', 'a']);
    const saved = await ports.guardians.saveSettings(
      ref,
      { enabled: true, everyMonths: 2, nextRunAt: '' },
      undefined,
    );
    expect(
      await codeOf(
        ports.guardians.saveSettings(
          ref,
          { enabled: false, everyMonths: 1, nextRunAt: '' },
          undefined,
        ),
      ),
    ).toBe('conflict');
    await ports.guardians.saveSettings(
      ref,
      { enabled: true, everyMonths: 3, nextRunAt: '' },
      saved.etag,
    );
    expect((await ports.guardians.settings(ref))?.value.everyMonths).toBe(3);
  });

  test('notifications are found by the prefix of their id', async () => {
    const { ports } = await freshStorage();
    const team = buildTeamRef();
    const note = (id: string) => ({
      id,
      team,
      target: { kind: 'channel' as const },
      message: { text: id },
      createdAt: '2026-01-05T09:00:00.000Z',
    });
    for (const id of [
      'round~skill_share-202601050900~a',
      'round~skill_share-202601050900~channel',
      'round~skill_share-202601050901~a',
      'checkin~skill_share-202601050900~a',
    ])
      await ports.notifications.record(note(id));
    const found = await ports.notifications.listByPrefix(team, 'round~skill_share-202601050900~');
    expect(found.map((n) => n.id).sort()).toEqual([
      'round~skill_share-202601050900~a',
      'round~skill_share-202601050900~channel',
    ]);
  });
});
