import { z } from 'zod';
import { dataOf } from './common';

// Notifications that could not be delivered (team owners only).

export const DeadLetterSchema = z.object({
  notificationId: z.string(),
  /** "Team channel" or the member's name. */
  recipient: z.string(),
  summary: z.string(),
  reason: z.string(),
  attempts: z.number(),
  failedAt: z.string(),
});
export type DeadLetterDto = z.infer<typeof DeadLetterSchema>;
export const NotificationIdSchema = z
  .string()
  .min(1, 'The notification id is empty.')
  .max(400, 'The notification id is longer than 400 characters.');
export const DeadLettersResSchema = dataOf(z.array(DeadLetterSchema));
/** `POST …/dead-letters/:notificationId/retry` and `DELETE …/dead-letters/:notificationId`. */
export const DeadLetterActionResSchema = dataOf(z.object({ notificationId: z.string() }));
