import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors';
import {
  addAnswer,
  closePulse,
  freeTextMinFor,
  newPulse,
  pulseRoleOf,
  validateAnswer,
  type Pulse,
  type PulseAnswer,
} from '../../src/core/pulse/pulse';
import { PULSE_QUESTIONS } from '../../src/core/pulse/questions';
import { pulseResults, pulseTrends } from '../../src/core/pulse/results';
import { seededRandom } from '../../src/core/random';

const NOW = new Date('2026-04-06T09:00:00Z');
const LATER = new Date('2026-04-07T09:00:00Z');

const buildPulse = (overrides: { minAnswers?: number; days?: number } = {}) =>
  newPulse({
    id: 'u000000000000001-abcdef',
    startedByRole: 'owner',
    now: NOW,
    days: overrides.days ?? 7,
    minAnswers: overrides.minAnswers ?? 5,
    hashKey: 'k'.repeat(64),
    items: PULSE_QUESTIONS,
  });

const all = (value: number | null, text = ''): PulseAnswer => ({
  scores: { mistakes: value, questions: value, ideas: value, help: value, boundaries: value },
  text,
});

/** The pulse after these answers, in this order, then closed. */
function answered(pulse: Pulse, answers: readonly PulseAnswer[], close = true): Pulse {
  let current = pulse;
  for (const a of answers) current = { ...current, tally: addAnswer(current, a, NOW) };
  return close ? closePulse(current, LATER) : current;
}

const fieldOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return `${error.code}:${error.field ?? ''}`;
    throw error;
  }
};

describe('starting a pulse', () => {
  it('checks the days and the minimum, which is never below 3', () => {
    expect(fieldOf(() => buildPulse({ minAnswers: 2 }))).toBe('invalid:minAnswers');
    expect(fieldOf(() => buildPulse({ minAnswers: 51 }))).toBe('invalid:minAnswers');
    expect(fieldOf(() => buildPulse({ minAnswers: 4.5 }))).toBe('invalid:minAnswers');
    expect(fieldOf(() => buildPulse({ days: 0 }))).toBe('invalid:days');
    expect(fieldOf(() => buildPulse({ days: 15 }))).toBe('invalid:days');
    const pulse = buildPulse({ minAnswers: 3, days: 2 });
    expect(pulse).toMatchObject({
      status: 'open',
      minAnswers: 3,
      freeTextMin: 10,
      closesAt: '2026-04-08T09:00:00.000Z',
    });
  });

  it('written answers need 10 answers, or the minimum when it is higher', () => {
    expect(freeTextMinFor(3)).toBe(10);
    expect(freeTextMinFor(10)).toBe(10);
    expect(freeTextMinFor(12)).toBe(12);
  });

  it('only an owner or the sitting Culture Guardian may run one', () => {
    const term = { userId: 'g', until: '2026-05-01T00:00:00Z' };
    expect(pulseRoleOf({ userId: 'o', role: 'owner' }, term, NOW)).toBe('owner');
    expect(pulseRoleOf({ userId: 'g', role: 'member' }, term, NOW)).toBe('guardian');
    expect(pulseRoleOf({ userId: 'm', role: 'member' }, term, NOW)).toBeUndefined();
    // A guardian whose term ended is a member again.
    expect(
      pulseRoleOf({ userId: 'g', role: 'member' }, term, new Date('2026-05-02T00:00:00Z')),
    ).toBeUndefined();
  });
});

describe('an answer', () => {
  const pulse = buildPulse();

  it('is each statement 1–5 or skipped, and trimmed text under 500 characters', () => {
    expect(
      validateAnswer(pulse, { scores: { mistakes: 4, help: null }, text: '  Pairing  ' }),
    ).toEqual({ scores: { mistakes: 4 }, text: 'Pairing' });
    expect(fieldOf(() => validateAnswer(pulse, all(6)))).toBe('invalid:scores.mistakes');
    expect(fieldOf(() => validateAnswer(pulse, all(0)))).toBe('invalid:scores.mistakes');
    expect(fieldOf(() => validateAnswer(pulse, all(2.5)))).toBe('invalid:scores.mistakes');
    expect(fieldOf(() => validateAnswer(pulse, { scores: { salary: 3 }, text: '' }))).toBe(
      'invalid:scores.salary',
    );
    expect(fieldOf(() => validateAnswer(pulse, all(3, 'x'.repeat(501))))).toBe('invalid:text');
    expect(fieldOf(() => validateAnswer(pulse, all(null, '   ')))).toBe('invalid:scores');
  });

  it('is refused once the pulse closed or its time is up', () => {
    expect(fieldOf(() => addAnswer(closePulse(pulse, LATER), all(3), LATER))).toBe('conflict:');
    expect(fieldOf(() => addAnswer(pulse, all(3), new Date('2026-04-13T09:00:00Z')))).toBe(
      'conflict:',
    );
  });

  it('only changes counts: the tally is the same whatever order the answers came in', () => {
    const answers = Array.from({ length: 12 }, (_, i) =>
      all((i % 5) + 1, `Answer ${'zyxwvutsrqpo'[i]}`),
    );
    const random = seededRandom(7);
    const shuffled = [...answers].sort(() => random() - 0.5);
    expect(shuffled).not.toEqual(answers);
    const a = answered(pulse, answers, false).tally;
    const b = answered(pulse, shuffled, false).tally;
    expect(a).toEqual(b);
    expect(a.texts).toEqual([...a.texts].sort());
    expect(a.texts[0]).toBe('Answer o');
  });
});

describe('results', () => {
  it('show nothing while the pulse is open, however many answered', () => {
    const open = answered(
      buildPulse(),
      Array.from({ length: 20 }, () => all(4, 'x')),
      false,
    );
    expect(pulseResults(open)).toEqual({ kind: 'open' });
  });

  it('are withheld below the minimum once closed, saying only the counts', () => {
    const closed = answered(buildPulse({ minAnswers: 3 }), [all(1), all(2)]);
    expect(pulseResults(closed)).toEqual({ kind: 'withheld', answered: 2, needed: 4 });
  });

  it('count only answers other than the viewer’s: at exactly the minimum nothing is released', () => {
    // The runner and one colluder answer; a third person too. Released at 3, the two would take
    // their own ratings away and read the third person's exactly.
    const three = answered(buildPulse({ minAnswers: 3 }), [all(1), all(1), all(5, 'mine')]);
    expect(pulseResults(three)).toEqual({ kind: 'withheld', answered: 3, needed: 4 });
    const four = answered(buildPulse({ minAnswers: 3 }), [all(1), all(1), all(5), all(2)]);
    expect(pulseResults(four).kind).toBe('released');
  });

  it('past the minimum show averages and distributions; written answers only past 10', () => {
    const six = answered(buildPulse(), [all(1, 'b'), all(2, 'a'), all(3), all(3), all(4), all(5)]);
    const results = pulseResults(six);
    expect(results.kind).toBe('released');
    if (results.kind !== 'released') return;
    expect(results.items[0]).toMatchObject({
      id: 'mistakes',
      responses: 6,
      average: 3,
      distribution: [1, 1, 2, 1, 1],
    });
    expect(results.freeText).toEqual({ kind: 'withheld', needed: 11 });

    const ten = pulseResults(
      answered(
        buildPulse(),
        Array.from({ length: 11 }, (_, i) => all(4, i % 2 ? `Text ${9 - i}` : '')),
      ),
    );
    expect(ten.kind === 'released' && ten.freeText).toEqual({
      kind: 'shown',
      question: 'What one thing would make it easier to ask for help here?',
      answers: ['Text 0', 'Text 2', 'Text 4', 'Text 6', 'Text 8'],
    });
  });

  it('withhold one statement that too few rated, even when enough answered the pulse', () => {
    const answers = [
      { scores: { mistakes: 1 }, text: '' },
      ...Array.from({ length: 6 }, () => ({ scores: { help: 4 }, text: '' })),
    ];
    const results = pulseResults(answered(buildPulse(), answers));
    if (results.kind !== 'released') throw new Error('expected released results');
    expect(results.items.find((i) => i.id === 'mistakes')).toMatchObject({
      responses: 1,
      average: null,
      distribution: null,
    });
    expect(results.items.find((i) => i.id === 'help')).toMatchObject({ average: 4 });
  });

  it('feed the Insights trend only when released, oldest first', () => {
    const first = {
      ...answered(
        buildPulse(),
        Array.from({ length: 6 }, () => all(2)),
      ),
    };
    const second = {
      ...answered(
        buildPulse(),
        Array.from({ length: 7 }, () => all(4)),
      ),
      id: 'u000000000000000-abcdef',
      closedAt: '2026-06-01T00:00:00.000Z',
    };
    const withheld = answered(buildPulse(), [all(5)]);
    const trend = pulseTrends([second, withheld, first]);
    expect(trend.map((p) => [p.answered, p.items[0]!.average])).toEqual([
      [6, 2],
      [7, 4],
    ]);
  });
});
