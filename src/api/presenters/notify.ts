import type { DeadLetterView } from '../../services/notify/dead-letters';
import type { DeadLetterDto } from '../contract';

export const presentDeadLetter = (d: DeadLetterView): DeadLetterDto => ({
  notificationId: d.notificationId,
  recipient: d.recipientName ?? 'Team channel',
  summary: d.summary,
  reason: d.reason,
  attempts: d.attempts,
  failedAt: d.failedAt,
});
