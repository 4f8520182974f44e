import type { TeamRef } from '../team/team';

/** Work due at a time: a rotation to publish, a nudge to send, a reminder, a roster refresh. */
export interface ScheduledJob {
  /** Deterministic from what it does (e.g. `roster~<team>~<day>`), so adding it twice adds once. */
  id: string;
  kind: string;
  team: TeamRef;
  dueAt: string;
  payload: Record<string, unknown>;
  attempts: number;
  lastError: string;
}

/** Due work is filed by the hour it falls due in, so a tick reads only the partitions it needs. */
export function hourBucket(at: Date): string {
  return at.toISOString().slice(0, 13).replace(/[-T]/g, '');
}

/** The buckets from `from` to `to` inclusive, oldest first. */
export function bucketsBetween(from: string, to: string, limit = 24 * 14): string[] {
  const out: string[] = [];
  let at = bucketStart(from).getTime();
  const end = bucketStart(to).getTime();
  while (at <= end && out.length < limit) {
    out.push(hourBucket(new Date(at)));
    at += 3_600_000;
  }
  return out;
}

export function bucketStart(bucket: string): Date {
  const [y, m, d, h] = [
    bucket.slice(0, 4),
    bucket.slice(4, 6),
    bucket.slice(6, 8),
    bucket.slice(8, 10),
  ];
  return new Date(`${y}-${m}-${d}T${h}:00:00.000Z`);
}
