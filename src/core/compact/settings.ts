import { addMonths } from 'date-fns';
import { invalid } from '../errors';
import { isValidTimeZone, wallClock } from '../schedule/zoned-time';
import { adoptionRules, type AdoptionRule } from './proposal';

/** How a team runs its compact: who adopts proposals, and when it is reviewed. */
export interface CompactSettings {
  adoptionRule: AdoptionRule;
  /** Months between reviews (3: every quarter). */
  reviewEveryMonths: number;
  /** The day of the next review, YYYY-MM-DD in `reviewTimeZone`. */
  nextReviewOn: string;
  /** Where the reminders' 9:00 is read: the zone of whoever last set the date. */
  reviewTimeZone: string;
}

export const DEFAULT_ADOPTION_RULE: AdoptionRule = 'owner';
export const DEFAULT_REVIEW_MONTHS = 3;
/** How far ahead a review may be set. */
const MAX_REVIEW_AHEAD_MONTHS = 12;

/** The settings a team has before an owner changes them: a review one cadence after `since`. */
export function defaultCompactSettings(since: Date, timeZone: string): CompactSettings {
  return {
    adoptionRule: DEFAULT_ADOPTION_RULE,
    reviewEveryMonths: DEFAULT_REVIEW_MONTHS,
    nextReviewOn: reviewDayAfter(wallClock(since, timeZone).date, DEFAULT_REVIEW_MONTHS),
    reviewTimeZone: timeZone,
  };
}

/** The day `months` after `day` (both YYYY-MM-DD; the 31st becomes the month's last day). */
export function reviewDayAfter(day: string, months: number): string {
  return addMonths(new Date(`${day}T12:00:00Z`), months)
    .toISOString()
    .slice(0, 10);
}

export const isIsoDay = (day: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(`${day}T12:00:00Z`).toISOString().startsWith(day);

/** Checks an owner's change; `today` is their local date, which the next review must follow. */
export function validateCompactSettings(
  s: { adoptionRule: string; reviewEveryMonths: number; nextReviewOn: string },
  today: string,
  timeZone: string,
): CompactSettings {
  if (!(adoptionRules as readonly string[]).includes(s.adoptionRule))
    throw invalid('Choose who adopts proposals: the owner, or a majority.', 'adoptionRule');
  if (!Number.isInteger(s.reviewEveryMonths) || s.reviewEveryMonths < 1 || s.reviewEveryMonths > 12)
    throw invalid('Review the compact every 1 to 12 months.', 'reviewEveryMonths');
  if (!isIsoDay(s.nextReviewOn))
    throw invalid('Choose the day of the next review.', 'nextReviewOn');
  if (s.nextReviewOn <= today)
    throw invalid('The next review is a day after today.', 'nextReviewOn');
  if (s.nextReviewOn > reviewDayAfter(today, MAX_REVIEW_AHEAD_MONTHS))
    throw invalid('Set the next review within a year.', 'nextReviewOn');
  if (!isValidTimeZone(timeZone)) throw invalid('The time zone is not known.', 'reviewTimeZone');
  return {
    adoptionRule: s.adoptionRule as AdoptionRule,
    reviewEveryMonths: s.reviewEveryMonths,
    nextReviewOn: s.nextReviewOn,
    reviewTimeZone: timeZone,
  };
}
