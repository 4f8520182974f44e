import type { Ports } from '../../core/ports';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';

/**
 * Files work to run at `dueAt`. A time already past runs on the next tick; adding the same job id
 * again changes nothing.
 */
export async function scheduleJob(
  job: Omit<ScheduledJob, 'attempts' | 'lastError'>,
  ports: Pick<Ports, 'schedule' | 'clock'>,
): Promise<void> {
  const now = ports.clock.now();
  const due = Date.parse(job.dueAt);
  if (Number.isNaN(due)) throw new Error(`job ${job.id} has no valid due time`);
  // Never behind the clock (the scheduler's cursor only moves forward), and always in one ISO
  // form, because the due time orders the stored rows.
  const dueAt = new Date(Math.max(due, now.getTime())).toISOString();
  await ports.schedule.add({ ...job, dueAt, attempts: 0, lastError: '' });
}
