import { conflict, invalid } from '../errors';
import { SCALE_MAX, SCALE_MIN, scaleItems, textItem, type PulseItem } from './questions';
import { isOwnerOrGuardian } from '../guardian/policy';

/**
 * What a pulse has received so far, as counts only: per scale item, how many chose each value;
 * and the written answers kept in sorted order. It is the same whatever order the answers came
 * in, so nothing in it says which answer came when, let alone from whom.
 */
export interface PulseTally {
  answered: number;
  /** Item id -> five counts, for values 1 to 5. */
  counts: Record<string, number[]>;
  /** Written answers, sorted (never in the order they arrived). */
  texts: string[];
}

/**
 * An anonymous pulse and its running tally. Who started it is kept only as a role, so the pulses
 * table holds no identifier of anyone.
 */
export interface Pulse {
  id: string;
  startedByRole: 'owner' | 'guardian';
  startedAt: string;
  closesAt: string;
  items: PulseItem[];
  /** Results are shown only when at least this many answered (3 to 50). */
  minAnswers: number;
  /** Written answers are shown only when at least this many answered (10 or more). */
  freeTextMin: number;
  status: 'open' | 'closed';
  closedAt: string;
  /**
   * The key that turns a member's id into their "answered" marker. Random per pulse, and erased
   * when the pulse closes, after which no marker can be tied to anyone.
   */
  hashKey: string;
  tally: PulseTally;
}

export const PULSE_ID = /^u\d{15}-[0-9a-f]{6}$/;
/** Newest first under ascending row keys. */
export const pulseIdFor = (at: Date, random: string) =>
  `u${String(10 ** 15 - 1 - at.getTime()).padStart(15, '0')}-${random}`;

export const MIN_ANSWERS_FLOOR = 3;
export const MIN_ANSWERS_CEILING = 50;
export const DEFAULT_MIN_ANSWERS = 5;
export const FREE_TEXT_FLOOR = 10;
export const MIN_DAYS = 1;
export const MAX_DAYS = 14;
export const DEFAULT_DAYS = 7;
export const MAX_PULSE_TEXT = 500;
/** Room for written answers in one stored pulse (characters), well under the 1 MiB entity limit. */
export const MAX_PULSE_TEXT_TOTAL = 300_000;

const DAY_MS = 24 * 60 * 60 * 1000;

export const freeTextMinFor = (minAnswers: number) => Math.max(FREE_TEXT_FLOOR, minAnswers);

/** Whether this member may start or close a pulse: an owner, or the sitting Culture Guardian. */
export function pulseRoleOf(
  member: { userId: string; role: string },
  guardianTerm: { userId: string; until: string } | undefined,
  now: Date,
): Pulse['startedByRole'] | undefined {
  if (member.role === 'owner') return 'owner';
  return isOwnerOrGuardian(member, guardianTerm, now) ? 'guardian' : undefined;
}

/** A new pulse from the owner's or guardian's choices, checked. */
export function newPulse(input: {
  id: string;
  startedByRole: Pulse['startedByRole'];
  now: Date;
  days: number;
  minAnswers: number;
  hashKey: string;
  items: readonly PulseItem[];
}): Pulse {
  const { days, minAnswers } = input;
  if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS)
    throw invalid(`A pulse stays open ${MIN_DAYS} to ${MAX_DAYS} days.`, 'days');
  if (
    !Number.isInteger(minAnswers) ||
    minAnswers < MIN_ANSWERS_FLOOR ||
    minAnswers > MIN_ANSWERS_CEILING
  )
    throw invalid(
      `Results need at least ${MIN_ANSWERS_FLOOR} answers (never fewer, so one answer cannot be singled out) and at most ${MIN_ANSWERS_CEILING}.`,
      'minAnswers',
    );
  if (input.hashKey.length < 32) throw new Error('a pulse needs a random key of 32+ characters');
  return {
    id: input.id,
    startedByRole: input.startedByRole,
    startedAt: input.now.toISOString(),
    closesAt: new Date(input.now.getTime() + days * DAY_MS).toISOString(),
    items: input.items.map((i) => ({ ...i })),
    minAnswers,
    freeTextMin: freeTextMinFor(minAnswers),
    status: 'open',
    closedAt: '',
    hashKey: input.hashKey,
    tally: emptyTally(input.items),
  };
}

export const emptyTally = (items: readonly PulseItem[]): PulseTally => ({
  answered: 0,
  counts: Object.fromEntries(scaleItems(items).map((i) => [i.id, [0, 0, 0, 0, 0]])),
  texts: [],
});

/** One person's answer: a value 1–5 per scale item (null = skipped), and optional text. */
export interface PulseAnswer {
  scores: Record<string, number | null>;
  text: string;
}

/** Checks an answer against the pulse's items; the text comes back trimmed. */
export function validateAnswer(pulse: Pick<Pulse, 'items'>, answer: PulseAnswer): PulseAnswer {
  const scale = new Set(scaleItems(pulse.items).map((i) => i.id));
  const scores: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(answer.scores)) {
    if (!scale.has(id)) throw invalid(`This pulse has no question "${id}".`, `scores.${id}`);
    if (value === null) continue;
    if (!Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX)
      throw invalid(
        `Choose a whole number from ${SCALE_MIN} to ${SCALE_MAX}, or skip the question.`,
        `scores.${id}`,
      );
    scores[id] = value;
  }
  const text = answer.text.trim();
  if (text.length > MAX_PULSE_TEXT)
    throw invalid(`Keep the written answer under ${MAX_PULSE_TEXT} characters.`, 'text');
  if (text !== '' && !textItem(pulse.items))
    throw invalid('This pulse has no written question.', 'text');
  if (Object.keys(scores).length === 0 && text === '')
    throw invalid('Answer at least one question.', 'scores');
  return { scores, text };
}

/**
 * The tally with one more answer. Written answers go in at their sorted place, so the stored list
 * never reflects who answered when.
 */
export function addAnswer(pulse: Pulse, raw: PulseAnswer, now: Date): PulseTally {
  if (pulse.status !== 'open' || now.toISOString() >= pulse.closesAt)
    throw conflict('This pulse has closed; answers are no longer taken.');
  const answer = validateAnswer(pulse, raw);
  const counts = Object.fromEntries(
    Object.entries(pulse.tally.counts).map(([id, values]) => [id, [...values]]),
  );
  for (const [id, value] of Object.entries(answer.scores)) {
    const row = counts[id];
    if (row && value !== null) row[value - 1] = (row[value - 1] ?? 0) + 1;
  }
  const texts = [...pulse.tally.texts];
  if (answer.text !== '') {
    const used = texts.reduce((sum, t) => sum + t.length, 0);
    if (used + answer.text.length > MAX_PULSE_TEXT_TOTAL)
      throw invalid(
        'This pulse has no room for more written answers; send your ratings without the text.',
        'text',
      );
    texts.splice(sortedIndex(texts, answer.text), 0, answer.text);
  }
  return { answered: pulse.tally.answered + 1, counts, texts };
}

function sortedIndex(list: readonly string[], value: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareText(list[mid]!, value) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The pulse closed: no more answers, and the key that made markers is gone. */
export function closePulse(pulse: Pulse, now: Date): Pulse {
  if (pulse.status === 'closed') throw conflict('This pulse is already closed.');
  return { ...pulse, status: 'closed', closedAt: now.toISOString(), hashKey: '' };
}

/**
 * The pulse as a reader sees it at `now`: one whose time is up is closed for every purpose (no
 * answer is taken after `closesAt`), even before the scheduler writes it so. A read never writes.
 */
export const pulseAsOf = (pulse: Pulse, now: Date): Pulse =>
  isDue(pulse, now) ? { ...pulse, status: 'closed', closedAt: pulse.closesAt, hashKey: '' } : pulse;

/** Whether the scheduler should close it now. */
export const isDue = (pulse: Pulse, now: Date) =>
  pulse.status === 'open' && now.toISOString() >= pulse.closesAt;
