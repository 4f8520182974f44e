import type { TeamRef } from '../team/team';

/** Where a notification goes: the team's channel, or a member's 1:1 chat with the bot. */
export type NotificationTarget =
  { kind: 'channel'; channelId?: string } | { kind: 'member'; userId: string };

/** What the bot posts: text, and optionally one Adaptive Card. */
export interface OutgoingMessage {
  text: string;
  card?: Record<string, unknown>;
}

/**
 * One proactive message. The id is deterministic (derived from what caused it, e.g. a round and a
 * member), so producing the same notification twice is recognised and it is sent once.
 */
export interface Notification {
  id: string;
  team: TeamRef;
  target: NotificationTarget;
  message: OutgoingMessage;
  createdAt: string;
  /**
   * Set when this notification replaces the card another one posted (Teams updates the message in
   * place): the id of that notification, and the revision this one shows. An update older than
   * what is already shown is skipped.
   */
  update?: { of: string; revision: number };
}

export type NotificationStatus = 'pending' | 'sent' | 'dropped' | 'dead_letter';

export interface NotificationRecord extends Notification {
  status: NotificationStatus;
  attempts: number;
  lastError: string;
  sentAt: string;
  /** While a worker is sending it, until when (ISO); empty when nobody is. */
  claimedUntil: string;
  /** Once sent: where it went and the activity id Teams gave it, so it can be updated later. */
  conversationId?: string;
  activityId?: string;
  /** The newest update applied to what was posted (its revision); 0 or absent when none. */
  shownRevision?: number;
}

/** At most this many tries before a notification is parked in the dead-letter list. */
export const DEFAULT_MAX_ATTEMPTS = 8;

const ID_PART = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Builds a deterministic notification id from its cause, e.g. `notificationId('round', id, user)`. */
export function notificationId(...parts: string[]): string {
  for (const part of parts)
    if (!ID_PART.test(part))
      throw new Error(`notification id part "${part}" has unsafe characters`);
  return parts.join('~');
}

/** The key rate limits and dead-marking use for a target within a team. */
export const targetKey = (target: NotificationTarget) =>
  target.kind === 'member'
    ? `member:${target.userId}`
    : target.channelId
      ? `channel:${target.channelId}`
      : 'channel';
