import { addMonths } from 'date-fns';
import { invalid } from '../errors';

/** A term as Culture Guardian: facilitates check-ins and sees the team health view. */
export interface GuardianTerm {
  userId: string;
  since: string;
  until: string;
}

export interface GuardianSettings {
  enabled: boolean;
  everyMonths: number;
  /** When the next rotation is due (ISO); '' while off. */
  nextRunAt: string;
}

export const DEFAULT_GUARDIAN: GuardianSettings = { enabled: false, everyMonths: 1, nextRunAt: '' };

export function validateGuardianSettings(s: Pick<GuardianSettings, 'enabled' | 'everyMonths'>) {
  if (!Number.isInteger(s.everyMonths) || s.everyMonths < 1 || s.everyMonths > 12)
    throw invalid('A term is 1 to 12 months.', 'everyMonths');
  return s;
}

export const termEnd = (since: Date, months: number) => addMonths(since, months);

/**
 * The next Culture Guardian: whoever served least recently (never is least), among people taking
 * part; the sitting guardian only when nobody else can. Ties go to who joined first, then by id,
 * so the choice is the same on every instance.
 */
export function chooseGuardian<M extends { userId: string; joinedAt: string }>(
  candidates: readonly M[],
  terms: readonly GuardianTerm[],
): M | undefined {
  const lastServed = new Map<string, string>();
  for (const term of terms) {
    const seen = lastServed.get(term.userId);
    if (!seen || term.since > seen) lastServed.set(term.userId, term.since);
  }
  const sitting = terms[0]?.userId;
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(a.userId === sitting) - Number(b.userId === sitting) ||
      (lastServed.get(a.userId) ?? '').localeCompare(lastServed.get(b.userId) ?? '') ||
      a.joinedAt.localeCompare(b.joinedAt) ||
      a.userId.localeCompare(b.userId),
  );
  return ranked[0];
}
