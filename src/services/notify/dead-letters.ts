import { FORMER_MEMBER_NAME } from '../../core/privacy/personal-data';
import { notFound } from '../../core/errors';
import type { DeadLetter } from '../../core/notify/dead-letter';
import type { NotificationRecord } from '../../core/notify/notification';
import type { Ports, Versioned } from '../../core/ports';
import type { Actor, TeamRef } from '../../core/team/team';
import { requireOwner } from '../shared/team-access';

type DeadLetterPorts = Pick<
  Ports,
  'teams' | 'members' | 'deadLetters' | 'notifications' | 'queue' | 'clock'
>;

const LIST_LIMIT = 200;

export interface DeadLetterView extends DeadLetter {
  /** The member's name for a 1:1 notification; undefined for the team channel. */
  recipientName: string | undefined;
}

/** Notifications that could not be delivered, newest first, for the team owner. */
export async function listDeadLetters(
  actor: Actor,
  teamId: string,
  ports: DeadLetterPorts,
): Promise<DeadLetterView[]> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const entries = await ports.deadLetters.list(ref, LIST_LIMIT);
  const names = new Map<string, string>();
  if (entries.some((e) => e.target.kind === 'member')) {
    for (const m of await ports.members.list(ref)) names.set(m.value.userId, m.value.name);
  }
  return entries
    .map((e) => ({
      ...e,
      recipientName:
        e.target.kind === 'member' ? names.get(e.target.userId) || FORMER_MEMBER_NAME : undefined,
    }))
    .sort((a, b) => b.failedAt.localeCompare(a.failedAt));
}

/** Sends a parked notification again, from a fresh count of attempts. */
export async function retryDeadLetter(
  actor: Actor,
  teamId: string,
  notificationId: string,
  ports: DeadLetterPorts,
): Promise<void> {
  await resolveDeadLetter(actor, teamId, notificationId, ports, async (ref, record) => {
    if (!record || record.value.status === 'sent') return;
    await ports.notifications.update(
      { ...record.value, status: 'pending', attempts: 0, lastError: '', claimedUntil: '' },
      record.etag,
    );
    await ports.queue.push(ref, notificationId);
  });
}

/** Gives up on a parked notification for good. */
export async function discardDeadLetter(
  actor: Actor,
  teamId: string,
  notificationId: string,
  ports: DeadLetterPorts,
): Promise<void> {
  await resolveDeadLetter(actor, teamId, notificationId, ports, async (_ref, record) => {
    if (record?.value.status !== 'dead_letter') return;
    await ports.notifications.update(
      { ...record.value, status: 'dropped', lastError: 'discarded by the team owner' },
      record.etag,
    );
  });
}

/**
 * The owner acts on one entry: `act` updates the notification record, and the entry is removed
 * last, so if anything fails on the way it stays in the list for another try.
 */
async function resolveDeadLetter(
  actor: Actor,
  teamId: string,
  notificationId: string,
  ports: DeadLetterPorts,
  act: (ref: TeamRef, record: Versioned<NotificationRecord> | undefined) => Promise<void>,
): Promise<void> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const entry = await ports.deadLetters.get(ref, notificationId);
  if (!entry) throw notFound('That undelivered notification is no longer in the list.');
  await act(ref, await ports.notifications.get(ref, notificationId));
  await ports.deadLetters.remove(ref, notificationId, entry.etag);
}
