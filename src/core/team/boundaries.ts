import { invalid } from '../errors';
import { isValidTimeZone, minutesOf, wallClock } from '../schedule/zoned-time';

/** A daily window, in the member's time zone, when Mutual sends them nothing. May wrap midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

/** What a member decides about their own participation; nobody else can change it. */
export interface Boundaries {
  /** Nobody is paired or nudged before opting in. */
  optedIn: boolean;
  /** YYYY-MM-DD: left out up to and including that day; '' when not paused. No reason asked. */
  pausedUntil: string;
  /** Help requests a week they are willing to take on. */
  availabilityPerWeek: number;
  quietHours: QuietHours | null;
  /** IANA zone their quiet hours and dates are read in. */
  timeZone: string;
}

export const DEFAULT_BOUNDARIES: Boundaries = {
  optedIn: false,
  pausedUntil: '',
  availabilityPerWeek: 3,
  quietHours: null,
  timeZone: 'UTC',
};

export const MAX_AVAILABILITY = 50;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a change to boundaries and returns the whole, valid set. */
export function applyBoundaries(current: Boundaries, change: Partial<Boundaries>): Boundaries {
  const next: Boundaries = { ...current, ...definedOnly(change) };
  if (!isValidTimeZone(next.timeZone))
    throw invalid(
      `"${next.timeZone}" is not a time zone; choose one such as Europe/Lisbon.`,
      'timeZone',
    );
  if (
    !Number.isInteger(next.availabilityPerWeek) ||
    next.availabilityPerWeek < 0 ||
    next.availabilityPerWeek > MAX_AVAILABILITY
  )
    throw invalid(
      `Availability is a whole number of requests a week, 0 to ${MAX_AVAILABILITY}.`,
      'availabilityPerWeek',
    );
  if (next.pausedUntil !== '' && (!DATE.test(next.pausedUntil) || !isRealDate(next.pausedUntil)))
    throw invalid('Use a date such as 2026-12-31 for "pause until".', 'pausedUntil');
  if (next.quietHours) {
    const { start, end } = next.quietHours;
    if (!TIME.test(start) || !TIME.test(end))
      throw invalid('Quiet hours use 24-hour times such as 18:00.', 'quietHours');
    if (start === end)
      throw invalid('Quiet hours need different start and end times.', 'quietHours');
  }
  return next;
}

/** Paused on `at`'s date in the member's zone (the pause lasts through the named day). */
export function isPaused(b: Boundaries, at: Date): boolean {
  return b.pausedUntil !== '' && wallClock(at, b.timeZone).date <= b.pausedUntil;
}

/** Whether a rotation or nudge may include them now: opted in and not paused. */
export const isTakingPart = (b: Boundaries, at: Date) => b.optedIn && !isPaused(b, at);

/** Whether `at` falls in the member's quiet hours. */
export function inQuietHours(b: Boundaries, at: Date): boolean {
  if (!b.quietHours) return false;
  const now = wallClock(at, b.timeZone).minutes;
  const start = minutesOf(b.quietHours.start);
  const end = minutesOf(b.quietHours.end);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

function isRealDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

function definedOnly<T extends object>(change: Partial<T>): Partial<T> {
  return Object.fromEntries(
    Object.entries(change).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
