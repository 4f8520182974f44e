import { describe, expect, it } from 'vitest';
import { notificationId, type Notification } from '../../src/core/notify/notification';
import type { ScheduledJob } from '../../src/core/schedule/scheduled-job';
import { createScheduler, type JobHandler } from '../../src/jobs/scheduler';
import { enqueueNotifications } from '../../src/services/notify/enqueue-notifications';
import { scheduleJob } from '../../src/services/shared/schedule-job';
import { createNotifier } from '../../bot/notifier';
import { TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/core/notify/rate-limit';
import { createNotificationWorker } from '../../src/jobs/notify/notification-worker';
import { createServices } from '../../src/services';
import { startFakeConnector } from '../support/fake-connector';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { freshStorage, manualClock, runningClock } from '../support/storage';

async function setup(handlers: Record<string, JobHandler>, instanceId = 'a') {
  const clock = manualClock('2026-03-02T09:00:00Z');
  const { ports, storage } = await freshStorage(clock);
  const make = (id: string) =>
    createScheduler({
      ports,
      handlers,
      instanceId: id,
      leaseMs: 60_000,
      tickMs: 1_000,
      maxAttempts: 3,
      random: () => 0.5,
      log: () => {},
    });
  return { clock, ports, storage, scheduler: make(instanceId), make };
}

const job = (
  id: string,
  dueAt: string,
  kind = 'test',
): Omit<ScheduledJob, 'attempts' | 'lastError'> => ({
  id,
  kind,
  team: buildTeamRef(),
  dueAt,
  payload: { id },
});

describe('the scheduler', () => {
  it('after a pause longer than a fortnight, reads on where it stopped and skips no hour', async () => {
    const ran: string[] = [];
    const { clock, ports, scheduler } = await setup({ test: async (j) => void ran.push(j.id) });
    await scheduler.tick();
    await scheduleJob(job('in three weeks', '2026-03-23T09:00:00Z'), ports);
    clock.set('2026-03-25T09:00:00Z');
    // The first tick reads the first fortnight; the next goes on from there.
    await scheduler.tick();
    expect(ran).toEqual([]);
    await scheduler.tick();
    expect(ran).toEqual(['in three weeks']);
  });

  it('runs a job once it is due, once, and not before', async () => {
    const ran: string[] = [];
    const { clock, ports, scheduler } = await setup({ test: async (j) => void ran.push(j.id) });
    await scheduleJob(job('later', '2026-03-02T11:30:00Z'), ports);
    await scheduleJob(job('now', '2026-03-02T09:00:00Z'), ports);

    await scheduler.tick();
    expect(ran).toEqual(['now']);
    clock.set('2026-03-02T11:29:59Z');
    await scheduler.tick();
    expect(ran).toEqual(['now']);
    clock.set('2026-03-02T11:30:00Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(ran).toEqual(['now', 'later']);
  });

  it('adding the same job twice files it once, and a time in the past runs on the next tick', async () => {
    const ran: string[] = [];
    const { ports, scheduler } = await setup({ test: async (j) => void ran.push(j.id) });
    const same = job('same', '2026-03-01T00:00:00Z');
    await scheduleJob(same, ports);
    await scheduleJob(same, ports);
    await scheduler.tick();
    expect(ran).toEqual(['same']);
  });

  it('of two instances racing for the lease, exactly one ticks', async () => {
    const ran: string[] = [];
    const { ports, make } = await setup({ test: async (j) => void ran.push(j.id) });
    await scheduleJob(job('once', '2026-03-02T09:00:00Z'), ports);
    const results = await Promise.all(['a', 'b', 'c'].map((id) => make(id).tick()));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(ran).toEqual(['once']);
  });

  it('another instance takes over when the holder stops renewing its lease', async () => {
    const ran: string[] = [];
    const { clock, ports, make } = await setup({ test: async (j) => void ran.push(j.id) });
    const a = make('a');
    const b = make('b');
    expect((await a.tick()).ran).toBe(true);
    expect((await b.tick()).ran).toBe(false);
    clock.advance(61_000);
    await scheduleJob(job('after-takeover', clock.now().toISOString()), ports);
    expect((await b.tick()).ran).toBe(true);
    expect(ran).toEqual(['after-takeover']);
  });

  it('a crash in the middle of a publish resumes without duplicate or missing notifications', async () => {
    const connector = await startFakeConnector();
    try {
      const team = buildTeamRef();
      const roster = Array.from({ length: 10 }, () => buildRosterEntry());
      let crashes = 1;
      const publish: JobHandler = async () => {
        const notes: Notification[] = roster.map((member) => ({
          id: notificationId('round', 'r1', member.userId),
          team,
          target: { kind: 'member', userId: member.userId },
          message: { text: `Your partner for round r1, ${member.name}` },
          createdAt: '2026-03-02T09:00:00Z',
        }));
        await enqueueNotifications(notes.slice(0, 5), ports);
        if (crashes-- > 0) throw new Error('the process died mid-publish');
        await enqueueNotifications(notes.slice(5), ports);
      };
      const { clock, ports, scheduler } = await setup({ publish });
      await createServices(ports).registerInstallation({
        ref: team,
        name: 'Platform',
        channel: { serviceUrl: connector.url, conversationId: team.teamId },
        installedBy: roster[0]!.userId,
        roster,
      });
      await scheduleJob({ ...job('publish-r1', '2026-03-02T09:00:00Z', 'publish'), team }, ports);

      expect(await scheduler.tick()).toMatchObject({ done: 0, failed: 1 });
      clock.advance(3_600_000);
      expect(await scheduler.tick()).toMatchObject({ done: 1, failed: 0 });

      const worker = createNotificationWorker({
        // The worker paces real requests, so its clock runs at the real rate, not by hand.
        ports: { ...ports, clock: runningClock(clock.now().toISOString()) },
        notifier: createNotifier({
          appId: '',
          appPassword: '',
          appType: 'MultiTenant',
          tenantId: '',
        }),
        limits: { perConversation: TEAMS_PER_CONVERSATION, perTenant: TEAMS_PER_TENANT },
        maxAttempts: 3,
        concurrency: 8,
        claimMs: 30_000,
        idleMs: 10,
        random: () => 0.5,
        log: () => {},
      });
      while ((await worker.drainOnce()) > 0);

      const texts = connector.sent.map((s) => String(s.activity.text)).sort();
      expect(texts).toEqual(roster.map((m) => `Your partner for round r1, ${m.name}`).sort());
    } finally {
      await connector.close();
    }
  });

  it('retries a failing job later and drops it after the last attempt', async () => {
    let calls = 0;
    const { clock, ports, scheduler } = await setup({
      test: async () => {
        calls++;
        throw new Error('Teams is down');
      },
    });
    await scheduleJob(job('flaky', '2026-03-02T09:00:00Z'), ports);
    await scheduler.tick();
    await scheduler.tick();
    expect(calls).toBe(1); // not again before its backoff ends
    clock.advance(2 * 3_600_000);
    await scheduler.tick();
    clock.advance(2 * 3_600_000);
    await scheduler.tick();
    clock.advance(2 * 3_600_000);
    await scheduler.tick();
    expect(calls).toBe(3);
  });

  it('a job of an unknown kind does not block the rest', async () => {
    const ran: string[] = [];
    const { ports, scheduler } = await setup({ test: async (j) => void ran.push(j.id) });
    await scheduleJob(job('mystery', '2026-03-02T08:59:00Z', 'unknown-kind'), ports);
    await scheduleJob(job('known', '2026-03-02T09:00:00Z'), ports);
    expect(await scheduler.tick()).toMatchObject({ done: 1, failed: 1 });
    expect(ran).toEqual(['known']);
  });

  it('moves its cursor past empty hours and still finds work filed later', async () => {
    const ran: string[] = [];
    const { clock, ports, scheduler } = await setup({ test: async (j) => void ran.push(j.id) });
    await scheduler.tick();
    clock.set('2026-03-04T18:10:00Z');
    await scheduleJob(job('two-days-on', '2026-03-04T18:10:00Z'), ports);
    await scheduler.tick();
    expect(ran).toEqual(['two-days-on']);
    expect((await ports.schedule.cursor())?.value).toBe('2026030418');
  });
});
