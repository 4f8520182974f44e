import { z } from 'zod';
import { dataOf, PersonRefSchema } from './common';

// Help requests: the help board.

export const HelpStatusSchema = z.enum(['open', 'claimed', 'resolved']);
export const UrgencySchema = z.enum(['low', 'normal', 'high']);

export const HelpRequestSchema = z.object({
  id: z.string(),
  status: HelpStatusSchema,
  requester: PersonRefSchema,
  /** Who has claimed it, or null while it is open. */
  helper: PersonRefSchema.nullable(),
  /** The requester's blocker buddy, asked first, or null. */
  buddy: PersonRefSchema.nullable(),
  blocker: z.string(),
  skills: z.array(z.string()),
  urgency: UrgencySchema,
  /** The chat message it was made from; `link` opens it in Teams ('' when unknown). */
  source: z.object({ text: z.string(), authorName: z.string(), link: z.string() }),
  createdAt: z.string(),
  dueAt: z.string(),
  /** The compact's response commitment when it was made. */
  responseHours: z.number(),
  firstResponseAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  thankedAt: z.string().nullable(),
  /** Open, never answered, and past its due time. */
  overdue: z.boolean(),
  /** The caller's part in it. */
  mine: z.enum(['requester', 'helper', 'buddy']).nullable(),
  /** What the caller may do now. */
  can: z.object({
    claim: z.boolean(),
    release: z.boolean(),
    resolve: z.boolean(),
    thank: z.boolean(),
  }),
  revision: z.number(),
});
export type HelpRequestDto = z.infer<typeof HelpRequestSchema>;
export const HelpRequestResSchema = dataOf(HelpRequestSchema);
/**
 * `GET /api/teams/:teamId/help`: every open and claimed request, and those resolved in the last
 * 30 days, latest first.
 */
export const HelpBoardResSchema = dataOf(
  z.object({ requests: z.array(HelpRequestSchema), resolvedSinceDays: z.number() }),
);
export const HelpRequestIdSchema = z
  .string()
  .regex(/^h[0-9a-f]{16}$/, 'The help request id is not one Mutual made.');
export const helpActions = ['claim', 'release', 'resolve', 'thank'] as const;
export const HelpActionSchema = z.enum(helpActions);
export type HelpAction = z.infer<typeof HelpActionSchema>;
/**
 * `POST /api/teams/:teamId/help/:id/:action` (claim, release, resolve, thank). Thank may carry a
 * short story, kept with the kudos.
 */
export const HelpActionReqSchema = z.object({
  story: z.string().trim().max(500, 'Keep the thanks under 500 characters.').optional(),
});

/**
 * `GET /api/teams/:teamId/help-settings`: where help requests are posted, and the team's channels
 * to choose from (read from Teams; `channelsError` says why the list is missing when it is).
 */
export const HelpSettingsSchema = z.object({
  supportChannel: z.object({ id: z.string(), name: z.string() }),
  channels: z.array(z.object({ id: z.string(), name: z.string() })),
  channelsError: z.string().nullable(),
});
export type HelpSettingsDto = z.infer<typeof HelpSettingsSchema>;
export const HelpSettingsResSchema = dataOf(HelpSettingsSchema);
/** `PUT /api/teams/:teamId/help-settings` (owner): the support channel. */
export const HelpSettingsUpdateSchema = z.object({
  channelId: z.string().min(1, 'Choose a channel.').max(200),
});
