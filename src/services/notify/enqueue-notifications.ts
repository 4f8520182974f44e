import type { Notification } from '../../core/notify/notification';
import type { Ports } from '../../core/ports';

/** What a use case needs to write a message and put it in the outbox, at its time. */
export type SendingPorts = Pick<Ports, 'notifications' | 'queue' | 'clock' | 'messages' | 'links'>;

/**
 * Puts notifications in the outbox. Each is recorded under its deterministic id first, so running
 * this again (a retried publish, a crash and resume) queues nothing that was already sent.
 * Returns how many were newly recorded.
 */
export async function enqueueNotifications(
  notifications: readonly Notification[],
  ports: Pick<Ports, 'notifications' | 'queue'>,
): Promise<number> {
  let created = 0;
  const one = async (notification: Notification) => {
    const { record, created: isNew } = await ports.notifications.record(notification);
    if (isNew) created++;
    // A pending record may never have reached the queue (a crash between the two writes): queue
    // it again; the worker sends each record once whatever the number of queue messages.
    if (record.value.status === 'pending') {
      await ports.queue.push(notification.team, notification.id);
    }
  };
  // A few at a time: a card and its update, or a round's hundreds, without a burst.
  for (let at = 0; at < notifications.length; at += PARALLEL)
    await Promise.all(notifications.slice(at, at + PARALLEL).map(one));
  return created;
}

const PARALLEL = 8;
