import { isDomainError } from '../../core/errors';
import { classifyStatus } from '../../core/notify/delivery-policy';
import type { NotificationRecord } from '../../core/notify/notification';
import type { RateWindow } from '../../core/notify/rate-limit';
import type { Notifier, Ports, QueuedDelivery, Versioned } from '../../core/ports';
import { RateGate } from './rate-gate';
import { createNotificationRouter, type Address } from './route-notification';
import { createNotificationSettler } from './settle-notification';

export interface NotificationWorkerOptions {
  ports: Pick<
    Ports,
    'clock' | 'teams' | 'members' | 'notifications' | 'deadLetters' | 'conversations' | 'queue'
  >;
  notifier: Notifier;
  limits: { perConversation: readonly RateWindow[]; perTenant: readonly RateWindow[] };
  /** Tries before a notification is parked in the dead-letter list. */
  maxAttempts: number;
  /** Sends in flight at once. */
  concurrency: number;
  /** How long a received message stays hidden from other workers while this one handles it. */
  claimMs: number;
  /** Wait between polls of an empty queue. */
  idleMs: number;
  random: () => number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

export interface NotificationWorker {
  start(): void;
  /** Stops taking messages and waits for the ones in flight. */
  stop(): Promise<void>;
  /** Receives and handles one batch; for tests and benchmarks. Returns how many were handled. */
  drainOnce(): Promise<number>;
}

/**
 * Takes notification messages off the queue and sends them through the bot, under Teams' rate
 * limits. Each notification is claimed with an ETag before it is sent and recorded as sent right
 * after, so duplicate queue messages and redeliveries send it once.
 */
export function createNotificationWorker(options: NotificationWorkerOptions): NotificationWorker {
  const { ports, notifier, log } = options;
  const now = () => ports.clock.now().getTime();
  const gate = new RateGate({ ...options.limits, now, sleep });
  const inFlight = new Set<Promise<void>>();
  const handling = new Set<string>();
  const { route } = createNotificationRouter({ ports, notifier, gate, now });
  const { settle, markShown } = createNotificationSettler({
    ports,
    maxAttempts: options.maxAttempts,
    now,
    log,
  });
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function handle(delivery: QueuedDelivery): Promise<void> {
    const key = `${delivery.team.tenantId}|${delivery.team.teamId}|${delivery.notificationId}`;
    // A duplicate queue message for something this worker is already sending: let it come back.
    if (handling.has(key)) {
      await ports.queue.delay(delivery, options.claimMs);
      return;
    }
    handling.add(key);
    try {
      await process(delivery);
    } catch (error) {
      // Storage trouble mid-way: the message reappears after its claim and is tried again.
      log('notify: handling failed', {
        notificationId: delivery.notificationId,
        error: isDomainError(error) ? error.code : String(error),
      });
    } finally {
      handling.delete(key);
    }
  }

  async function process(delivery: QueuedDelivery): Promise<void> {
    let found = await ports.notifications.get(delivery.team, delivery.notificationId);
    if (!found || found.value.status !== 'pending') {
      await ports.queue.delete(delivery);
      return;
    }
    const address = await route(found);
    if ('drop' in address) {
      await settle(found, delivery, { kind: 'dead', reason: address.drop, gone: false }, false);
      return;
    }
    if ('waitMs' in address) {
      // An update whose original is not posted yet: it comes back once that has had its turn.
      await ports.queue.delay(delivery, address.waitMs);
      return;
    }
    if ('superseded' in address) {
      await settle(found, delivery, { kind: 'sent' }, false);
      return;
    }
    // (A failed chat opening already went through the gate for its one request.)
    const passedAt = 'failed' in address ? 0 : await gate.pass(delivery.team.tenantId, address.key);

    // Claim: re-read, check nobody else is on it, and write our claim with the ETag.
    found = await ports.notifications.get(delivery.team, delivery.notificationId);
    if (!found || found.value.status !== 'pending') {
      await ports.queue.delete(delivery);
      return;
    }
    const claimedUntil = Date.parse(found.value.claimedUntil || '1970-01-01T00:00:00Z');
    if (claimedUntil > now()) {
      await ports.queue.delay(delivery, claimedUntil - now());
      return;
    }
    let claimed: Versioned<NotificationRecord>;
    try {
      claimed = await ports.notifications.update(
        {
          ...found.value,
          attempts: found.value.attempts + 1,
          claimedUntil: new Date(now() + options.claimMs).toISOString(),
        },
        found.etag,
      );
    } catch (error) {
      if (isDomainError(error) && error.code === 'conflict') return; // another worker has it
      throw error;
    }

    // A 429 for this conversation may have come back since it passed the gate: give the claim
    // (and the attempt) back and come back when Teams said.
    const pausedMs = 'failed' in address ? 0 : gate.pausedFor(address.key);
    if (pausedMs > 0) {
      await ports.notifications.update(
        { ...claimed.value, attempts: found.value.attempts, claimedUntil: '' },
        claimed.etag,
      );
      await ports.queue.delay(delivery, pausedMs);
      return;
    }
    const result =
      'failed' in address
        ? // A chat that "opened" without an id is as good as a failed request.
          {
            ...address.failed,
            status:
              address.failed.status === undefined
                ? undefined
                : address.failed.status < 300
                  ? 502
                  : address.failed.status,
          }
        : await deliver(delivery.team.tenantId, address, claimed.value.message).then((r) => {
            const at = gate.answered(delivery.team.tenantId, address.key, passedAt);
            if (r.status === 429) gate.refund(delivery.team.tenantId, at);
            return r;
          });
    const outcome = classifyStatus(
      result.status,
      claimed.value.attempts,
      result.retryAfterMs,
      options.random(),
    );
    if (outcome.kind === 'retry' && result.status === 429) gate.pause(address.key, outcome.afterMs);
    const posted =
      'failed' in address ? undefined : { conversationId: address.conversationId, id: result.id };
    await settle(claimed, delivery, outcome, true, posted);
    if (outcome.kind === 'sent' && claimed.value.update) await markShown(claimed.value);
  }

  /** A new message, or a new card over one posted before. */
  function deliver(tenantId: string, address: Address, message: NotificationRecord['message']) {
    return address.activityId
      ? notifier.update(tenantId, address, address.activityId, message)
      : notifier.send(tenantId, address, message);
  }

  async function receiveBatch(): Promise<number> {
    const room = options.concurrency - inFlight.size;
    if (room <= 0) return 0;
    const batch = await ports.queue.receive(Math.min(32, room), options.claimMs);
    for (const delivery of batch) {
      const task = handleSafely(delivery).finally(() => inFlight.delete(task));
      inFlight.add(task);
    }
    return batch.length;
  }

  async function handleSafely(delivery: QueuedDelivery) {
    try {
      await handle(delivery);
    } catch (error) {
      log('notify: unexpected failure', { error: String(error) });
    }
  }

  async function run() {
    while (running) {
      try {
        if (inFlight.size >= options.concurrency) {
          await Promise.race(inFlight);
          continue;
        }
        const received = await receiveBatch();
        if (received === 0) {
          if (inFlight.size > 0) await Promise.race([...inFlight, idle(options.idleMs)]);
          else await idle(options.idleMs);
        }
      } catch (error) {
        log('notify: queue unavailable', {
          error: isDomainError(error) ? error.message : String(error),
        });
        await idle(options.idleMs * 5);
      }
    }
    await Promise.all(inFlight);
  }

  function idle(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
    },
    async drainOnce() {
      const received = await receiveBatch();
      await Promise.all(inFlight);
      return received;
    },
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
