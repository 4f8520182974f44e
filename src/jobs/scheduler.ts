import { isDomainError } from '../core/errors';
import { backoffMs } from '../core/notify/delivery-policy';
import type { Clock, LeaseStore, ScheduleStore } from '../core/ports';
import { bucketsBetween, hourBucket, type ScheduledJob } from '../core/schedule/scheduled-job';

export type JobHandler = (job: ScheduledJob) => Promise<void>;

export interface SchedulerOptions {
  ports: { clock: Clock; leases: LeaseStore; schedule: ScheduleStore };
  handlers: Readonly<Record<string, JobHandler>>;
  /** Unique per server instance: who holds the lease. */
  instanceId: string;
  leaseMs: number;
  tickMs: number;
  /** Tries before a failing job is dropped (and logged). */
  maxAttempts: number;
  random: () => number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

export interface TickResult {
  /** False when another instance held the lease. */
  ran: boolean;
  done: number;
  failed: number;
}

export const SCHEDULER_LEASE = 'scheduler';
const BATCH = 100;

/**
 * Runs due work, one tick at a time across all instances: a tick starts only with the lease (an
 * ETag-guarded row), reads the hour partitions from its cursor to now, and removes each job only
 * after its handler finished. A crash mid-job leaves the job in place for the next tick, so
 * handlers are written to be safe to run again (deterministic notification ids).
 */
export function createScheduler(options: SchedulerOptions) {
  const { ports, log } = options;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> | undefined;

  async function tick(): Promise<TickResult> {
    const result: TickResult = { ran: false, done: 0, failed: 0 };
    if (!(await ports.leases.tryAcquire(SCHEDULER_LEASE, options.instanceId, options.leaseMs)))
      return result;
    result.ran = true;
    let leaseTakenAt = ports.clock.now().getTime();
    const now = ports.clock.now();
    const nowBucket = hourBucket(now);
    const cursor = await ports.schedule.cursor();
    const from = cursor?.value && cursor.value <= nowBucket ? cursor.value : nowBucket;
    let nextCursor: string | undefined;
    // After a long pause the span is read a fortnight at a time: the cursor stops where reading
    // stopped, so the next tick goes on from there and no hour is skipped.
    const buckets = bucketsBetween(from, nowBucket);

    for (const bucket of buckets) {
      for (const { value: job, etag } of await ports.schedule.due(bucket, now, BATCH)) {
        // Renew before the lease could lapse under a long tick; stop if another instance took it.
        if (ports.clock.now().getTime() - leaseTakenAt > options.leaseMs / 2) {
          if (
            !(await ports.leases.tryAcquire(SCHEDULER_LEASE, options.instanceId, options.leaseMs))
          )
            return result;
          leaseTakenAt = ports.clock.now().getTime();
        }
        if (await run(job, etag)) result.done++;
        else result.failed++;
      }
      if (
        nextCursor === undefined &&
        (bucket === nowBucket || !(await ports.schedule.isEmpty(bucket)))
      )
        nextCursor = bucket;
    }
    await moveCursor(cursor, nextCursor ?? buckets.at(-1) ?? nowBucket);
    return result;
  }

  async function run(job: ScheduledJob, etag: string): Promise<boolean> {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job);
      await ports.schedule.complete(job, etag);
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts + 1 >= options.maxAttempts) {
        log('scheduler: job dropped after repeated failures', {
          jobId: job.id,
          kind: job.kind,
          error: message,
        });
        await ports.schedule.complete(job, etag);
      } else {
        const wait = backoffMs(job.attempts + 1, options.random(), {
          baseMs: 30_000,
          maxMs: 3_600_000,
        });
        await ports.schedule
          .fail(job, etag, message, new Date(ports.clock.now().getTime() + wait))
          .catch((e: unknown) => {
            if (!isDomainError(e) || e.code !== 'conflict') throw e;
          });
        log('scheduler: job failed, will retry', { jobId: job.id, kind: job.kind, error: message });
      }
      return false;
    }
  }

  async function moveCursor(cursor: { value: string; etag: string } | undefined, to: string) {
    if (cursor?.value === to) return;
    try {
      await ports.schedule.setCursor(to, cursor?.etag);
    } catch (error) {
      // Another instance moved it after its own tick; the next tick reads theirs.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
    }
  }

  const loop = () => {
    current = tick()
      .catch((error: unknown) =>
        log('scheduler: tick failed', {
          error: error instanceof Error ? error.message : String(error),
        }),
      )
      .finally(() => {
        if (timer) timer = setTimeout(loop, options.tickMs);
      });
  };

  return {
    tick,
    start() {
      if (timer) return;
      timer = setTimeout(loop, 0);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await current;
      await ports.leases.release(SCHEDULER_LEASE, options.instanceId);
    },
  };
}
