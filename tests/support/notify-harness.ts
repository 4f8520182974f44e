import { createNotifier } from '../../bot/notifier';
import type { Notification, NotificationStatus } from '../../src/core/notify/notification';
import { TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/core/notify/rate-limit';
import type { Notifier, SendResult } from '../../src/core/ports';
import type { RosterEntry } from '../../src/core/team/member';
import {
  createNotificationWorker,
  type NotificationWorker,
  type NotificationWorkerOptions,
} from '../../src/jobs/notify/notification-worker';
import { createServices } from '../../src/services';
import { preciseNow, type ConnectorRequest, type FakeConnector } from './fake-connector';
import { buildRosterEntry, buildTeamRef } from './memory-ports';
import { freshStorage } from './storage';
import { until, WAIT_MS } from './wait';

/** One call the worker made to the notifier, timed on the worker's side of the wire. */
export interface NotifierCall {
  op: 'send' | 'open' | 'update';
  /** The conversation sent to; for `open`, the member's bot user id. */
  target: string;
  startedAt: number;
  endedAt: number;
  result: SendResult;
}

/** The real notifier (one HTTP request per call), with each call and its outcome recorded. */
export function recordingNotifier(inner: Notifier, calls: NotifierCall[]): Notifier {
  const timed = async (op: NotifierCall['op'], target: string, work: () => Promise<SendResult>) => {
    const startedAt = preciseNow();
    const result = await work();
    calls.push({ op, target, startedAt, endedAt: preciseNow(), result });
    return result;
  };
  return {
    send: (tenantId, address, message) =>
      timed('send', address.conversationId, () => inner.send(tenantId, address, message)),
    openPersonalChat: (tenantId, serviceUrl, botUserId) =>
      timed('open', botUserId, () => inner.openPersonalChat(tenantId, serviceUrl, botUserId)),
    update: (tenantId, address, activityId, message) =>
      timed('update', address.conversationId, () =>
        inner.update(tenantId, address, activityId, message),
      ),
    listChannels: (tenantId, serviceUrl, teamId) =>
      inner.listChannels(tenantId, serviceUrl, teamId),
  };
}

/** The notifier as the server builds it in local mode: no credentials, a short timeout. */
export const localNotifier = (timeoutMs = 2_000) =>
  createNotifier({
    appId: '',
    appPassword: '',
    appType: 'MultiTenant',
    tenantId: '',
    botId: '28:bot',
    timeoutMs,
  });

export type WorkerOverrides = Partial<Omit<NotificationWorkerOptions, 'ports'>>;

/**
 * A team installed on fresh tables, its channel and members served by `connector`, and workers
 * over them with Teams' real limits and test-sized timings.
 */
export async function notifyHarness(connector: FakeConnector, options: { members?: number } = {}) {
  const { ports, connectionString, tablePrefix } = await freshStorage();
  const services = createServices(ports);
  const ref = buildTeamRef();
  const roster: RosterEntry[] = Array.from({ length: options.members ?? 3 }, () =>
    buildRosterEntry(),
  );
  await services.registerInstallation({
    ref,
    name: 'Platform',
    channel: { serviceUrl: connector.url, conversationId: ref.teamId },
    installedBy: roster[0]!.userId,
    roster,
  });
  const calls: NotifierCall[] = [];
  const logs: { message: string; fields: Record<string, unknown> | undefined }[] = [];

  const worker = (overrides: WorkerOverrides = {}): NotificationWorker =>
    createNotificationWorker({
      ports,
      notifier: recordingNotifier(localNotifier(), calls),
      limits: { perConversation: TEAMS_PER_CONVERSATION, perTenant: TEAMS_PER_TENANT },
      maxAttempts: 3,
      concurrency: 8,
      claimMs: 30_000,
      idleMs: 20,
      // The shortest backoff: 500 ms, which the queue rounds up to 1 s.
      random: () => 0,
      log: (message, fields) => logs.push({ message, fields }),
      ...overrides,
    });

  const note = (
    id: string,
    target: Notification['target'] = { kind: 'channel' },
  ): Notification => ({
    id,
    team: ref,
    target,
    message: { text: `note ${id}` },
    createdAt: ports.clock.now().toISOString(),
  });
  const toMember = (i: number) => ({ kind: 'member' as const, userId: roster[i]!.userId });

  const status = async (id: string) => (await ports.notifications.get(ref, id))?.value.status;

  /** Waits until none of `ids` is pending any more (a worker must be running). */
  const settled = async (ids: readonly string[], timeoutMs = WAIT_MS) => {
    let waiting = [...ids];
    await until(
      async () => {
        const statuses = await Promise.all(waiting.map(status));
        waiting = waiting.filter((_, i) => statuses[i] === 'pending');
        return waiting.length === 0;
      },
      'these notifications to settle',
      timeoutMs,
    ).catch(() => {
      throw new Error(`still pending after ${timeoutMs} ms: ${waiting.join(', ')}`);
    });
    const out: Record<string, NotificationStatus | undefined> = {};
    for (const id of ids) out[id] = await status(id);
    return out;
  };

  /** The messages the connector accepted (2xx) with a notification's text, by notification id. */
  const deliveries = (ids: readonly string[]) => {
    const count = new Map<string, number>(ids.map((id) => [id, 0]));
    for (const s of connector.sent) {
      const text = String(s.activity.text ?? '');
      const id = text.startsWith('note ') ? text.slice(5) : undefined;
      if (id !== undefined && count.has(id)) count.set(id, count.get(id)! + 1);
    }
    return Object.fromEntries(count);
  };

  /** The requests that reached the connector for this team's conversations. */
  const requestsTo = (conversationId: string): ConnectorRequest[] =>
    connector.requests.filter((r) => r.conversationId === conversationId);

  /** The 1:1 chat the connector opened for a member, if it did. */
  const chatOf = (member: RosterEntry) =>
    connector.created.find(
      (c) => (c.parameters.members as { id: string }[] | undefined)?.[0]?.id === member.botUserId,
    )?.id;

  return {
    ports,
    services,
    ref,
    roster,
    calls,
    logs,
    connectionString,
    tablePrefix,
    worker,
    note,
    toMember,
    status,
    settled,
    deliveries,
    requestsTo,
    chatOf,
  };
}

export type NotifyHarness = Awaited<ReturnType<typeof notifyHarness>>;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs a worker until `done` holds (checked every 50 ms), then stops it gracefully. */
export async function runUntil(
  worker: NotificationWorker,
  done: () => Promise<boolean>,
  timeoutMs = WAIT_MS,
) {
  worker.start();
  try {
    await until(done, 'the worker to finish', timeoutMs);
  } finally {
    await worker.stop();
  }
}

/**
 * Every span of `windowMs` in which more than `limit` of `times` fall (sorted ascending), as the
 * index of its first and last time; empty when the limit held everywhere.
 */
export function windowViolations(times: readonly number[], limit: number, windowMs: number) {
  const out: { from: number; to: number; spanMs: number }[] = [];
  for (let j = limit; j < times.length; j++) {
    const spanMs = times[j]! - times[j - limit]!;
    if (spanMs < windowMs) out.push({ from: j - limit, to: j, spanMs });
  }
  return out;
}
