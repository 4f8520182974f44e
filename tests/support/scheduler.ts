import type { ScheduledJob } from '../../src/core/schedule/scheduled-job';
import { createScheduler } from '../../src/jobs/scheduler';
import type { StoragePorts } from '../../src/store';

/** The real scheduler over a test's tables, ticked by hand (`tick()`), quiet, and patient. */
export const testScheduler = (
  ports: Pick<StoragePorts, 'schedule' | 'leases' | 'clock'>,
  handlers: Record<string, (job: ScheduledJob) => Promise<void>>,
) =>
  createScheduler({
    ports,
    handlers,
    instanceId: 'test',
    leaseMs: 60_000,
    tickMs: 1_000,
    maxAttempts: 3,
    random: () => 0.5,
    log: () => {},
  });
