import type { Pulse } from './pulse';
import { scaleItems } from './questions';

export interface PulseItemResult {
  id: string;
  text: string;
  /** How many rated it (the rest skipped it). */
  responses: number;
  /** Null unless more than the pulse's minimum rated it: else one rating could be singled out. */
  average: number | null;
  /** Counts for 1 to 5; null when withheld like the average. */
  distribution: number[] | null;
}

export type PulseResults =
  /** While open nothing is shown, not even how many answered (see `pulseResults`). */
  | { kind: 'open' }
  | { kind: 'withheld'; answered: number; needed: number }
  | {
      kind: 'released';
      answered: number;
      items: PulseItemResult[];
      freeText:
        | { kind: 'shown'; question: string; answers: string[] }
        | { kind: 'withheld'; needed: number };
    };

/**
 * k-anonymity counts the respondents other than the viewer: whoever reads the results (the one
 * who started the pulse too) can take their own answer away, so `minAnswers` others must remain.
 * Who answered is not known once the pulse closed (its key is erased), so the rule is the same for
 * every viewer: more than `min` answers, which also keeps the results the same for everyone.
 */
export const answersToRelease = (min: number) => min + 1;

const enoughFor = (answers: number, min: number) => answers >= answersToRelease(min);

/**
 * What anyone may see of a pulse. Results appear once, after it closed, and only when at least
 * `minAnswers` people other than the viewer answered; written answers likewise at `freeTextMin`. While it is open nothing is
 * shown, not even the count: a count that moves while people answer lets a watcher tie an answer's
 * moment to a person, and results read at n and again at n + 1 would give away the last answer.
 * After it closes no answer is taken, so what is released never changes.
 */
export function pulseResults(pulse: Pulse): PulseResults {
  if (pulse.status !== 'closed') return { kind: 'open' };
  const { answered, counts, texts } = pulse.tally;
  if (!enoughFor(answered, pulse.minAnswers))
    return { kind: 'withheld', answered, needed: answersToRelease(pulse.minAnswers) };
  const items = scaleItems(pulse.items).map((item): PulseItemResult => {
    const row = counts[item.id] ?? [0, 0, 0, 0, 0];
    const responses = row.reduce((a, b) => a + b, 0);
    if (!enoughFor(responses, pulse.minAnswers))
      return { id: item.id, text: item.text, responses, average: null, distribution: null };
    const sum = row.reduce((total, count, index) => total + count * (index + 1), 0);
    return {
      id: item.id,
      text: item.text,
      responses,
      average: Math.round((sum / responses) * 100) / 100,
      distribution: [...row],
    };
  });
  const question = pulse.items.find((i) => i.kind === 'text')?.text ?? '';
  return {
    kind: 'released',
    answered,
    items,
    freeText: enoughFor(answered, pulse.freeTextMin)
      ? { kind: 'shown', question, answers: [...texts].sort() }
      : { kind: 'withheld', needed: answersToRelease(pulse.freeTextMin) },
  };
}

/** One released pulse as the Insights trend reads it. */
export interface PulseTrendPoint {
  pulseId: string;
  closedAt: string;
  answered: number;
  items: { id: string; text: string; average: number | null }[];
}

/** The averages of every closed pulse whose results were released, oldest first, for a trend. */
export function pulseTrends(pulses: readonly Pulse[]): PulseTrendPoint[] {
  const points: PulseTrendPoint[] = [];
  for (const pulse of pulses) {
    const results = pulseResults(pulse);
    if (results.kind !== 'released') continue;
    points.push({
      pulseId: pulse.id,
      closedAt: pulse.closedAt,
      answered: results.answered,
      items: results.items.map(({ id, text, average }) => ({ id, text, average })),
    });
  }
  return points.sort((a, b) => a.closedAt.localeCompare(b.closedAt));
}
