import { describe, expect, it } from 'vitest';
import { responseHours, type CompactVersion } from '../../src/core/compact/compact';
import { diffVersions, diffWords } from '../../src/core/compact/diff';
import {
  adopt,
  decline,
  majorityReached,
  newProposal,
  takeStance,
  withdraw,
  type NewProposal,
} from '../../src/core/compact/proposal';
import { checkReview, reminderTimes } from '../../src/core/compact/review';
import {
  defaultCompactSettings,
  reviewDayAfter,
  validateCompactSettings,
} from '../../src/core/compact/settings';
import { templateVersion } from '../../src/core/compact/template';
import { DomainError } from '../../src/core/errors';

const now = new Date('2026-03-02T10:00:00Z');
const v1 = templateVersion('2026-01-01T00:00:00.000Z');
const change = (overrides: Partial<NewProposal> = {}): NewProposal => ({
  kind: 'change',
  clauseId: 'response-time',
  text: 'We answer help requests within 2 working hours, even if only to say who can help.',
  commitmentHours: 2,
  reason: 'Four hours is too slow for on-call weeks.',
  ...overrides,
});
const fails = (work: () => unknown, code: string, message: RegExp) => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    expect((error as DomainError).message).toMatch(message);
    return;
  }
  throw new Error('expected a DomainError');
};

describe('proposals', () => {
  it('change a clause and its commitment; the proposer endorses it', () => {
    const p = newProposal(change(), v1, 'ana', 'p1', now);
    expect(p).toMatchObject({
      kind: 'change',
      clauseId: 'response-time',
      commitmentHours: 2,
      previousCommitmentHours: 4,
      baseVersion: 1,
      status: 'open',
      stances: [{ userId: 'ana', stance: 'endorse' }],
    });
    const { version, proposal } = adopt(p, v1, 'olga', now);
    expect(version.version).toBe(2);
    expect(responseHours(version)).toBe(2);
    expect(version.clauses.map((c) => c.id)).toEqual(v1.clauses.map((c) => c.id));
    expect(proposal).toMatchObject({ status: 'adopted', adoptedVersion: 2, decidedBy: 'olga' });
  });

  it('add and remove clauses', () => {
    const add = newProposal(
      {
        kind: 'add',
        clauseId: '',
        text: 'We pair on every incident.',
        commitmentHours: null,
        reason: 'Learn together.',
      },
      v1,
      'ben',
      'p2',
      now,
    );
    const v2 = adopt(add, v1, 'olga', now).version;
    expect(v2.clauses.at(-1)).toEqual({ id: 'c-p2', text: 'We pair on every incident.' });
    const remove = newProposal(
      {
        kind: 'remove',
        clauseId: 'review',
        text: 'ignored',
        commitmentHours: 3,
        reason: 'We review monthly.',
      },
      v2,
      'ben',
      'p3',
      now,
    );
    const v3 = adopt(remove, v2, 'olga', now).version;
    expect(v3.clauses.some((c) => c.id === 'review')).toBe(false);
    expect(v3.version).toBe(3);
  });

  it('refuses empty or overlong clauses, a commitment outside 1–336 hours, and no reason', () => {
    fails(
      () => newProposal(change({ text: '   ' }), v1, 'a', 'p', now),
      'invalid',
      /cannot be empty/,
    );
    fails(
      () => newProposal(change({ text: 'x'.repeat(501) }), v1, 'a', 'p', now),
      'invalid',
      /under 500/,
    );
    for (const hours of [0, 10_000, 2.5, -1])
      fails(
        () => newProposal(change({ commitmentHours: hours }), v1, 'a', 'p', now),
        'invalid',
        /1 to 336/,
      );
    fails(() => newProposal(change({ reason: ' ' }), v1, 'a', 'p', now), 'invalid', /Say why/);
    fails(
      () => newProposal(change({ clauseId: 'nope' }), v1, 'a', 'p', now),
      'invalid',
      /not in the current/,
    );
    fails(
      () => newProposal(change({ kind: 'rewrite' }), v1, 'a', 'p', now),
      'invalid',
      /add, change or remove/,
    );
    // A second clause with a response time would make the compact ambiguous.
    fails(
      () => newProposal(change({ kind: 'add', clauseId: '' }), v1, 'a', 'p', now),
      'invalid',
      /already states a response time/,
    );
  });

  it('takes one stance per member: endorsing twice is refused, changing one’s mind is not', () => {
    let p = newProposal(change(), v1, 'ana', 'p1', now);
    fails(() => takeStance(p, 'ana', 'endorse', '', now), 'conflict', /already endorsed/);
    fails(() => takeStance(p, 'ben', 'object', '  ', now), 'invalid', /what you object to/);
    p = takeStance(p, 'ben', 'object', 'Two hours is not realistic for me.', now);
    p = takeStance(p, 'ben', 'endorse', 'Fine, with the on-call rota.', now);
    expect(p.stances.map((s) => [s.userId, s.stance])).toEqual([
      ['ana', 'endorse'],
      ['ben', 'endorse'],
    ]);
    expect(p.revision).toBe(3);
  });

  it('is adopted by majority when more than half of those taking part endorse it', () => {
    const team = new Set(['ana', 'ben', 'chen', 'dana']);
    let p = newProposal(change(), v1, 'ana', 'p1', now);
    expect(majorityReached(p, team)).toBe(false);
    p = takeStance(p, 'ben', 'endorse', '', now);
    expect(majorityReached(p, team)).toBe(false); // 2 of 4 is not more than half
    p = takeStance(p, 'outsider', 'endorse', '', now);
    expect(majorityReached(p, team)).toBe(false); // only members taking part count
    p = takeStance(p, 'chen', 'endorse', '', now);
    expect(majorityReached(p, team)).toBe(true);
  });

  it('cannot be adopted once the clause it changes was changed by another adoption', () => {
    const first = newProposal(change(), v1, 'ana', 'p1', now);
    const second = newProposal(
      change({ commitmentHours: 3, text: 'Within 3 hours.' }),
      v1,
      'ben',
      'p2',
      now,
    );
    const v2 = adopt(first, v1, 'olga', now).version;
    fails(() => adopt(second, v2, 'olga', now), 'conflict', /changed since this proposal/);
    // A proposal about another clause still adopts onto the newer version.
    const other = newProposal(
      change({ clauseId: 'feedback', text: 'Feedback is kind.', commitmentHours: null }),
      v1,
      'ben',
      'p3',
      now,
    );
    expect(adopt(other, v2, 'olga', now).version.version).toBe(3);
  });

  it('is withdrawn by its proposer only, and declined with a reason', () => {
    const p = newProposal(change(), v1, 'ana', 'p1', now);
    fails(() => withdraw(p, 'ben', '', now), 'forbidden', /Only the person who proposed/);
    expect(withdraw(p, 'ana', 'Changed my mind', now).status).toBe('withdrawn');
    fails(() => decline(p, 'olga', ' ', now), 'invalid', /Say why/);
    const declined = decline(p, 'olga', 'Not this quarter.', now);
    expect(declined).toMatchObject({ status: 'declined', decisionNote: 'Not this quarter.' });
    fails(() => takeStance(declined, 'ben', 'endorse', '', now), 'conflict', /already declined/);
    fails(() => adopt(declined, v1, 'olga', now), 'conflict', /already declined/);
  });
});

describe('the diff between versions', () => {
  it('marks words added and removed inside a clause', () => {
    expect(diffWords('We respond within 4 hours.', 'We answer within 2 hours.')).toEqual([
      { kind: 'same', text: 'We ' },
      { kind: 'removed', text: 'respond' },
      { kind: 'added', text: 'answer' },
      { kind: 'same', text: ' within ' },
      { kind: 'removed', text: '4' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: ' hours.' },
    ]);
  });

  it('lists clauses added, removed, changed and unchanged, removed ones where they stood', () => {
    const from: CompactVersion = {
      ...v1,
      clauses: [
        { id: 'a', text: 'One.' },
        { id: 'b', text: 'Two.' },
        { id: 'c', text: 'Three.' },
      ],
    };
    const to: CompactVersion = {
      ...v1,
      version: 2,
      clauses: [
        { id: 'a', text: 'One.' },
        { id: 'c', text: 'Three, changed.' },
        { id: 'd', text: 'Four.' },
      ],
    };
    expect(
      diffVersions(from, to).map((d) => [d.kind, d.kind === 'changed' ? d.after.id : d.clause.id]),
    ).toEqual([
      ['same', 'a'],
      ['removed', 'b'],
      ['changed', 'c'],
      ['added', 'd'],
    ]);
    // A commitment alone changing is a change.
    const hours = adopt(
      newProposal(change({ text: v1.clauses[1]!.text, commitmentHours: 8 }), v1, 'a', 'p', now),
      v1,
      'o',
      now,
    ).version;
    expect(diffVersions(v1, hours).filter((d) => d.kind === 'changed')).toHaveLength(1);
  });
});

describe('the review calendar', () => {
  it('counts months from a day, keeping to the month’s last day', () => {
    expect(reviewDayAfter('2026-03-02', 3)).toBe('2026-06-02');
    expect(reviewDayAfter('2026-11-30', 3)).toBe('2027-02-28');
    expect(reviewDayAfter('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('reminds at 9:00 local a week before and on the day, across a daylight-saving change', () => {
    const { week, day } = reminderTimes('2026-04-01', 'Europe/Lisbon');
    // 25 March is still winter time (UTC+0); 1 April is summer time (UTC+1).
    expect(week.toISOString()).toBe('2026-03-25T09:00:00.000Z');
    expect(day.toISOString()).toBe('2026-04-01T08:00:00.000Z');
  });

  it('starts a new team with a review one quarter out, in the installer’s zone', () => {
    expect(defaultCompactSettings(new Date('2026-03-31T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      adoptionRule: 'owner',
      reviewEveryMonths: 3,
      nextReviewOn: '2026-07-01',
      reviewTimeZone: 'Asia/Tokyo',
    });
  });

  it('refuses settings that cannot be kept, saying which field', () => {
    const ok = { adoptionRule: 'majority', reviewEveryMonths: 6, nextReviewOn: '2026-04-01' };
    expect(validateCompactSettings(ok, '2026-03-02', 'UTC')).toMatchObject(ok);
    const field = (change: Partial<typeof ok>, zone = 'UTC') => {
      try {
        validateCompactSettings({ ...ok, ...change }, '2026-03-02', zone);
      } catch (error) {
        return (error as DomainError).field;
      }
      return 'accepted';
    };
    expect(field({ adoptionRule: 'everyone' })).toBe('adoptionRule');
    expect(field({ reviewEveryMonths: 0 })).toBe('reviewEveryMonths');
    expect(field({ reviewEveryMonths: 2.5 })).toBe('reviewEveryMonths');
    expect(field({ nextReviewOn: '2026-03-02' })).toBe('nextReviewOn');
    expect(field({ nextReviewOn: '2027-03-03' })).toBe('nextReviewOn');
    expect(field({ nextReviewOn: '2026-02-30' })).toBe('nextReviewOn');
    expect(field({}, 'Mars/Olympus')).toBe('reviewTimeZone');
  });

  it('records a review held on or before today, by members, once each', () => {
    const members = new Set(['ana', 'ben']);
    expect(
      checkReview(
        { heldOn: '2026-03-02', participantIds: ['ana', 'ana', 'ben'], note: ' ok ' },
        members,
        '2026-03-02',
      ),
    ).toEqual({ heldOn: '2026-03-02', participants: ['ana', 'ben'], note: 'ok' });
    fails(
      () =>
        checkReview(
          { heldOn: '2026-03-03', participantIds: ['ana'], note: '' },
          members,
          '2026-03-02',
        ),
      'invalid',
      /still ahead/,
    );
    fails(
      () =>
        checkReview({ heldOn: '2026-03-01', participantIds: [], note: '' }, members, '2026-03-02'),
      'invalid',
      /who took part/,
    );
    fails(
      () =>
        checkReview(
          { heldOn: '2026-03-01', participantIds: ['eve'], note: '' },
          members,
          '2026-03-02',
        ),
      'invalid',
      /not a member/,
    );
  });
});
