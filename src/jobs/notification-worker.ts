import { isDomainError } from '../core/errors';
import { classifyStatus, type DeliveryOutcome } from '../core/notify/delivery-policy';
import { targetKey, type NotificationRecord } from '../core/notify/notification';
import type { RateWindow } from '../core/notify/rate-limit';
import type { Notifier, Ports, QueuedDelivery, SendResult, Versioned } from '../core/ports';
import type { ConversationAddress } from '../core/team/team';
import { RateGate } from './rate-gate';

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

/** How long an update waits for the message it replaces to be posted first. */
const UPDATE_WAIT_MS = 5_000;

type Address = ConversationAddress & { key: string; activityId?: string };
/** Opening the member's 1:1 chat failed: the attempt counts as a failed send. */
type OpenFailed = { key: string; failed: SendResult };

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
  /** 1:1 chats being opened, so notifications to one member at once open it with one request. */
  const opening = new Map<string, Promise<SendResult>>();
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
    const address = await resolve(found);
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

  /** Records on the original which revision its card now shows, so older updates are skipped. */
  async function markShown(update: NotificationRecord) {
    const of = update.update;
    if (!of) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      const original = await ports.notifications.get(update.team, of.of);
      if (!original || (original.value.shownRevision ?? 0) >= of.revision) return;
      try {
        await ports.notifications.update(
          { ...original.value, shownRevision: of.revision },
          original.etag,
        );
        return;
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
      }
    }
  }

  /** Where an update goes: the conversation and activity its original was posted as. */
  async function resolveUpdate(
    record: NotificationRecord,
    of: { of: string; revision: number },
  ): Promise<Address | { drop: string } | { waitMs: number } | { superseded: true }> {
    const team = await ports.teams.get(record.team);
    if (!team?.value.active) return { drop: 'Mutual is no longer installed in the team' };
    const original = await ports.notifications.get(record.team, of.of);
    if (!original) return { drop: 'the message to update was never recorded' };
    if (original.value.status === 'pending') return { waitMs: UPDATE_WAIT_MS };
    if (original.value.status !== 'sent' || !original.value.activityId)
      return { drop: 'the message to update was never delivered' };
    if ((original.value.shownRevision ?? 0) >= of.revision) return { superseded: true };
    const conversationId = original.value.conversationId ?? '';
    return {
      key: conversationId,
      serviceUrl: team.value.channel.serviceUrl,
      conversationId,
      activityId: original.value.activityId,
    };
  }

  /** Where the notification goes, or why it cannot go anywhere any more. */
  async function resolve(
    record: Versioned<NotificationRecord>,
  ): Promise<Address | OpenFailed | { drop: string } | { waitMs: number } | { superseded: true }> {
    if (record.value.update) return resolveUpdate(record.value, record.value.update);
    const { team: ref, target } = record.value;
    const team = await ports.teams.get(ref);
    if (!team?.value.active) return { drop: 'Mutual is no longer installed in the team' };
    const key = targetKey(target);
    const state = await ports.conversations.get(ref, key);
    if (state?.value.dead) return { drop: state.value.deadReason || 'the conversation is closed' };
    const serviceUrl = team.value.channel.serviceUrl;
    if (target.kind === 'channel') {
      const conversationId = target.channelId || team.value.channel.conversationId;
      return { key: conversationId, serviceUrl, conversationId };
    }
    const member = await ports.members.get(ref, target.userId);
    if (!member?.value.active) return { drop: 'the person is no longer in the team' };
    if (state?.value.conversationId) {
      return {
        key: state.value.conversationId,
        serviceUrl,
        conversationId: state.value.conversationId,
      };
    }
    const openKey = `${ref.tenantId}|${ref.teamId}|${key}`;
    let open = opening.get(openKey);
    if (!open) {
      open = openChat(ref, key, serviceUrl, member.value.botUserId).finally(() =>
        opening.delete(openKey),
      );
      opening.set(openKey, open);
    }
    const opened = await open;
    if (opened.status !== undefined && opened.status < 300 && opened.id)
      return { key: opened.id, serviceUrl, conversationId: opened.id };
    return { key: `open:${member.value.botUserId}`, failed: opened };
  }

  async function openChat(
    ref: NotificationRecord['team'],
    key: string,
    serviceUrl: string,
    botUserId: string,
  ): Promise<SendResult> {
    // Another notification to this member may have opened it since we looked.
    const known = await ports.conversations.get(ref, key);
    if (known?.value.conversationId && !known.value.dead)
      return { status: 200, id: known.value.conversationId };
    const passedAt = await gate.pass(ref.tenantId, `open:${botUserId}`);
    const opened = await notifier
      .openPersonalChat(ref.tenantId, serviceUrl, botUserId)
      .finally(() => gate.answered(ref.tenantId, `open:${botUserId}`, passedAt));
    if (opened.status !== undefined && opened.status < 300 && opened.id)
      await rememberConversation(ref, key, opened.id);
    return opened;
  }

  async function rememberConversation(ref: NotificationRecord['team'], key: string, id: string) {
    try {
      await ports.conversations.create({
        team: ref,
        key,
        conversationId: id,
        dead: false,
        deadReason: '',
        updatedAt: new Date(now()).toISOString(),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      const state = await ports.conversations.get(ref, key);
      if (state && !state.value.conversationId)
        await ports.conversations.update({ ...state.value, conversationId: id }, state.etag);
    }
  }

  async function markDead(
    ref: NotificationRecord['team'],
    key: string,
    reason: string,
    forgetId: boolean,
  ) {
    const state = await ports.conversations.get(ref, key);
    const value = {
      team: ref,
      key,
      conversationId: forgetId ? '' : (state?.value.conversationId ?? ''),
      dead: true,
      deadReason: reason,
      updatedAt: new Date(now()).toISOString(),
    };
    try {
      if (state) await ports.conversations.update(value, state.etag);
      else await ports.conversations.create(value);
    } catch (error) {
      // A concurrent writer; the next failure marks it again.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
    }
  }

  /** Records what happened to one attempt and what becomes of the queue message. */
  async function settle(
    record: Versioned<NotificationRecord>,
    delivery: QueuedDelivery,
    outcome: DeliveryOutcome,
    attempted: boolean,
    posted?: { conversationId: string; id: string | undefined },
  ) {
    const value = record.value;
    const at = new Date(now()).toISOString();
    switch (outcome.kind) {
      case 'sent':
        await ports.notifications.update(
          {
            ...value,
            status: 'sent',
            sentAt: at,
            lastError: '',
            claimedUntil: '',
            ...(posted && !value.update
              ? { conversationId: posted.conversationId, activityId: posted.id ?? '' }
              : {}),
          },
          record.etag,
        );
        await ports.queue.delete(delivery);
        return;
      case 'dead':
        if (attempted)
          await markDead(
            value.team,
            targetKey(value.target),
            outcome.reason,
            outcome.gone && value.target.kind === 'member',
          );
        await ports.notifications.update(
          { ...value, status: 'dropped', lastError: outcome.reason, claimedUntil: '' },
          record.etag,
        );
        await ports.queue.delete(delivery);
        log('notify: dropped', { notificationId: value.id, reason: outcome.reason });
        return;
      case 'retry':
        if (value.attempts < options.maxAttempts) {
          await ports.notifications.update(
            { ...value, lastError: outcome.reason, claimedUntil: '' },
            record.etag,
          );
          await ports.queue.delay(delivery, outcome.afterMs);
          return;
        }
        await park(record, delivery, `gave up after ${value.attempts} tries: ${outcome.reason}`);
        return;
      case 'fail':
        await park(record, delivery, outcome.reason);
        return;
    }
  }

  async function park(
    record: Versioned<NotificationRecord>,
    delivery: QueuedDelivery,
    reason: string,
  ) {
    const value = record.value;
    await ports.deadLetters.add({
      team: value.team,
      notificationId: value.id,
      target: value.target,
      summary: value.message.text.slice(0, 300),
      reason,
      attempts: value.attempts,
      failedAt: new Date(now()).toISOString(),
    });
    await ports.notifications.update(
      { ...value, status: 'dead_letter', lastError: reason, claimedUntil: '' },
      record.etag,
    );
    await ports.queue.delete(delivery);
    log('notify: parked', { notificationId: value.id, reason });
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
