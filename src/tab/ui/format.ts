const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

const parse = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "21 November 2025" in the reader's locale; the raw text if the server sent no date. */
export const formatDate = (iso: string) => {
  const date = parse(iso);
  return date ? dateFormat.format(date) : iso;
};

export const formatDateTime = (iso: string) => {
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : iso;
};

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
const whenFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A calendar day (YYYY-MM-DD) as written in the reader's locale, the same day in every zone. */
export const formatDay = (ymd: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!match) return ymd;
  return dayFormat.format(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
  );
};

/** "Monday, 3 March 2025 at 09:00" in the reader's locale and time zone. */
export const formatWhen = (iso: string) => {
  const date = parse(iso);
  return date ? whenFormat.format(date) : iso;
};

/** Today on this device's calendar, as YYYY-MM-DD. */
export const todayYmd = (now = new Date()) =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 hours ago", "in 20 minutes", "yesterday": how far `iso` is from `now`, in the reader's locale. */
export const formatRelative = (iso: string, now: number = Date.now()) => {
  const date = parse(iso);
  if (!date) return iso;
  const diff = date.getTime() - now;
  const size = Math.abs(diff);
  if (size < MINUTE) return diff < 0 ? 'just now' : 'in a moment';
  if (size < HOUR) return relativeFormat.format(Math.round(diff / MINUTE), 'minute');
  if (size < 2 * DAY) return relativeFormat.format(Math.round(diff / HOUR), 'hour');
  return relativeFormat.format(Math.round(diff / DAY), 'day');
};
