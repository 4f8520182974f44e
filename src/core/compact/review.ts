import { TZDate } from '@date-fns/tz';
import { invalid } from '../errors';
import { isIsoDay } from './settings';

/** A review the team held: when, who took part, and the versions adopted since the last one. */
export interface CompactReview {
  id: string;
  /** YYYY-MM-DD. */
  heldOn: string;
  recordedBy: string;
  recordedAt: string;
  participants: string[];
  adoptedVersions: number[];
  note: string;
}

export const MAX_REVIEW_NOTE = 2000;
/** A review id sorts by the day it was held: `r-<YYYYMMDD>-<6 hex>`. */
export const REVIEW_ID = /^r-\d{8}-[0-9a-f]{6}$/;
export const reviewIdFor = (heldOn: string, random: string) =>
  `r-${heldOn.replace(/-/g, '')}-${random}`;

/** The reminders' hour, in the review's time zone. */
export const REMINDER_HOUR = 9;
export const REMINDER_DAYS_BEFORE = 7;
export type ReminderWhen = 'week' | 'day';

/** When each reminder goes out: 9:00 a week before the review day, and 9:00 on the day. */
export function reminderTimes(day: string, zone: string): Record<ReminderWhen, Date> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = (offset: number) =>
    new Date(new TZDate(y, m - 1, d + offset, REMINDER_HOUR, 0, 0, zone).getTime());
  return { week: at(-REMINDER_DAYS_BEFORE), day: at(0) };
}

/** Checks a review record; `today` is the recorder's local date (a review is recorded after). */
export function checkReview(
  input: { heldOn: string; participantIds: readonly string[]; note: string },
  members: ReadonlySet<string>,
  today: string,
): { heldOn: string; participants: string[]; note: string } {
  if (!isIsoDay(input.heldOn)) throw invalid('Choose the day the review was held.', 'heldOn');
  if (input.heldOn > today)
    throw invalid('Record a review once it has been held; that day is still ahead.', 'heldOn');
  const participants = [...new Set(input.participantIds)];
  if (participants.length === 0)
    throw invalid('Tick who took part in the review.', 'participantIds');
  const stranger = participants.find((id) => !members.has(id));
  if (stranger !== undefined)
    throw invalid(
      'Someone ticked is not a member of this team; reload and tick again.',
      'participantIds',
    );
  const note = input.note.trim();
  if (note.length > MAX_REVIEW_NOTE)
    throw invalid(
      `Keep the note under ${MAX_REVIEW_NOTE.toLocaleString('en')} characters.`,
      'note',
    );
  return { heldOn: input.heldOn, participants, note };
}
