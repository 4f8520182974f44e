import type { Versioned } from '../versioned';
import type { ScheduledJob } from './scheduled-job';

/** A named lease, so one instance at a time runs what must not run twice. */
export interface LeaseStore {
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** Due work, filed by due hour. */
export interface ScheduleStore {
  /** Insert if absent. */
  add(job: ScheduledJob): Promise<void>;
  /** Jobs in `bucket` due at or before `now`, oldest first. */
  due(bucket: string, now: Date, limit: number): Promise<Versioned<ScheduledJob>[]>;
  /** Whether anything is left in `bucket`, due or not. */
  isEmpty(bucket: string): Promise<boolean>;
  /** Done: removed, if nobody changed it meanwhile. */
  complete(job: ScheduledJob, etag: string): Promise<void>;
  /** Failed: kept with the error, tried again no earlier than `notBefore`. */
  fail(job: ScheduledJob, etag: string, error: string, notBefore: Date): Promise<void>;
  /** The oldest bucket that may still hold work. */
  cursor(): Promise<Versioned<string> | undefined>;
  setCursor(bucket: string, etag: string | undefined): Promise<void>;
}
