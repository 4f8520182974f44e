import { TZDate } from '@date-fns/tz';

const DAY_MS = 24 * 3_600_000;

/** Whether `zone` is an IANA time zone this runtime knows (e.g. `Europe/Lisbon`). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in a zone. */
export function wallClock(at: Date, zone: string) {
  const local = new TZDate(at.getTime(), zone);
  const day = local.getDay();
  return {
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: day === 0 ? 7 : day,
    /** Minutes since local midnight. */
    minutes: local.getHours() * 60 + local.getMinutes(),
    /** The local date, YYYY-MM-DD. */
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
  };
}

/**
 * The first instant at or after `from` that falls on `weekday` (ISO) at `hour`:00 in `zone`. Days
 * are stepped in local time, so a daylight-saving change keeps the wall-clock hour.
 */
export function nextWeeklySlot(from: Date, weekday: number, hour: number, zone: string): Date {
  const start = new TZDate(from.getTime(), zone);
  for (let offset = 0; offset <= 7; offset++) {
    const day = new TZDate(
      start.getFullYear(),
      start.getMonth(),
      start.getDate() + offset,
      hour,
      0,
      0,
      zone,
    );
    const isoDay = day.getDay() === 0 ? 7 : day.getDay();
    if (isoDay === weekday && day.getTime() >= from.getTime()) return new Date(day.getTime());
  }
  // Unreachable: one of eight consecutive days has the weekday, the last one after `from`.
  return new Date(from.getTime() + 7 * DAY_MS);
}

/** Minutes since midnight of `HH:MM`. */
export const minutesOf = (time: string) => {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
};

const pad = (n: number) => String(n).padStart(2, '0');
