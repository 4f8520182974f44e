import type { TeamRef } from '../team/team';
import type { NotificationTarget } from './notification';

/** A notification that could not be delivered, kept for the team owner to retry or discard. */
export interface DeadLetter {
  team: TeamRef;
  notificationId: string;
  target: NotificationTarget;
  /** The message text, so the owner can tell what was lost. */
  summary: string;
  reason: string;
  attempts: number;
  failedAt: string;
}
