import { isDomainError } from '../../core/errors';
import type { DeliveryOutcome } from '../../core/notify/delivery-policy';
import { targetKey, type NotificationRecord } from '../../core/notify/notification';
import type { Ports, QueuedDelivery, Versioned } from '../../core/ports';

export interface NotificationSettlerOptions {
  ports: Pick<Ports, 'notifications' | 'deadLetters' | 'conversations' | 'queue'>;
  /** Tries before a notification is parked in the dead-letter list. */
  maxAttempts: number;
  now: () => number;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Settles an attempt: records it sent, dropped, to be retried or parked; marks a conversation
 * dead when Teams says so; and deletes or delays the queue message to match.
 */
export function createNotificationSettler(options: NotificationSettlerOptions) {
  const { ports, now, log } = options;

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

  return { settle, markShown };
}
