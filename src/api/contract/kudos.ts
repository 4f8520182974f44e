import { z } from 'zod';
import { dataOf, PersonRefSchema } from './common';

export const MAX_KUDOS_STORY_LENGTH = 500;
export const MAX_KUDOS_RECIPIENTS = 10;

export const KudosSchema = z.object({
  id: z.string(),
  /** A member who left or deleted their data reads "A former member". */
  from: PersonRefSchema,
  to: z.array(PersonRefSchema),
  story: z.string(),
  /** The help request it thanks for, when it came from one ("Thank" on the help board). */
  helpRequestId: z.string().nullable(),
  createdAt: z.string(),
});
export type KudosDto = z.infer<typeof KudosSchema>;
/** `GET /api/teams/:teamId/kudos?after=<next>`: the team's feed, latest first, a page at a time. */
export const KudosFeedResSchema = dataOf(
  z.object({ kudos: z.array(KudosSchema), next: z.string().nullable() }),
);
export const KudosFeedQuerySchema = z.object({
  after: z
    .string()
    .regex(/^t-\d{15}-[0-9A-Za-z-]{0,60}$/, 'That page cursor is not one Mutual made.')
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
/** `GET /api/teams/:teamId/me/kudos`: what the caller received and gave, latest first. */
export const MyKudosResSchema = dataOf(
  z.object({ received: z.array(KudosSchema), given: z.array(KudosSchema) }),
);
/**
 * `POST /api/teams/:teamId/kudos`: 201 with the kudos; 200 with the same kudos when `requestKey`
 * repeats one already given (a double click, a retry).
 */
export const KudosGiveReqSchema = z.object({
  toIds: z
    .array(z.string().trim().min(1).max(200))
    .min(1, 'Choose at least one teammate to thank.')
    .max(MAX_KUDOS_RECIPIENTS, `Thank at most ${MAX_KUDOS_RECIPIENTS} teammates at once.`),
  story: z
    .string()
    .trim()
    .min(1, 'Say what they did: the story is what the team sees.')
    .max(MAX_KUDOS_STORY_LENGTH, `Keep the story under ${MAX_KUDOS_STORY_LENGTH} characters.`),
  requestKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'The request key is 8 to 100 letters, digits, - or _.')
    .optional(),
});
export type KudosGiveReq = z.infer<typeof KudosGiveReqSchema>;
export const KudosResSchema = dataOf(KudosSchema);
