/**
 * The tab's HTTP contract: every request and response shape, shared by the server (which validates
 * with these schemas) and the tab (which imports only this file from the server side).
 */
import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'unavailable',
  'unauthorized',
  'too_large',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({ code: ErrorCodeSchema, message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const SkillSchema = z.object({
  name: z.string(),
  level: z.enum(['beginner', 'intermediate', 'expert']),
});
export type SkillDto = z.infer<typeof SkillSchema>;

export const RoleSchema = z.enum(['owner', 'member']);

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  department: z.string(),
  teaches: z.array(SkillSchema),
  learns: z.array(SkillSchema),
});
export type MemberDto = z.infer<typeof MemberSchema>;

export const TeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberCount: z.number(),
  myRole: RoleSchema,
});
export type TeamDto = z.infer<typeof TeamSchema>;

export const MeSchema = z.object({
  user: z.object({ id: z.string(), tenantId: z.string(), name: z.string() }),
  teams: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
});
export type MeDto = z.infer<typeof MeSchema>;

export const ClauseSchema = z.object({
  id: z.string(),
  text: z.string(),
  commitment: z.object({ kind: z.literal('response_hours'), hours: z.number() }).optional(),
});
export type ClauseDto = z.infer<typeof ClauseSchema>;

export const CompactSchema = z.object({
  version: z.number(),
  adoptedAt: z.string(),
  /** Null when the version is the starting template. */
  adoptedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  note: z.string(),
  responseHours: z.number(),
  clauses: z.array(ClauseSchema),
});
export type CompactDto = z.infer<typeof CompactSchema>;

/** Every success answers `{ data }`. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

export const MeResSchema = dataOf(MeSchema);
export const TeamResSchema = dataOf(TeamSchema);
export const MembersResSchema = dataOf(z.array(MemberSchema));
export const CompactResSchema = dataOf(CompactSchema.nullable());

/** Teams thread ids (`19:…@thread.tacv2`) in a path segment. */
export const TeamIdSchema = z
  .string()
  .min(1, 'The team id is empty.')
  .max(200, 'The team id is longer than 200 characters.');

// Local mode only: the demo identities the user switcher offers, and the sandbox.

export const LocalUsersSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  users: z.array(
    z.object({ id: z.string(), name: z.string(), department: z.string(), role: RoleSchema }),
  ),
});
export type LocalUsersDto = z.infer<typeof LocalUsersSchema>;
export const LocalUsersResSchema = dataOf(LocalUsersSchema);

export const LocalTokenReqSchema = z.object({
  userId: z.string().min(1, 'Choose a user.').max(100),
});
export type LocalTokenReq = z.infer<typeof LocalTokenReqSchema>;
export const LocalTokenResSchema = dataOf(z.object({ token: z.string(), expiresAt: z.string() }));

export const SandboxMessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  /** "Team channel" or the person a 1:1 chat is with. */
  conversationLabel: z.string(),
  sentAt: z.string(),
  updatedAt: z.string().optional(),
  text: z.string(),
  /** Adaptive Card JSON payloads attached to the message. */
  cards: z.array(z.record(z.string(), z.unknown())),
});
export type SandboxMessageDto = z.infer<typeof SandboxMessageSchema>;
export const SandboxMessagesResSchema = dataOf(z.array(SandboxMessageSchema));

export const SandboxSampleMessageSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
});
export const SandboxSampleMessagesResSchema = dataOf(z.array(SandboxSampleMessageSchema));

export const SandboxMessageActionReqSchema = z.object({
  /** Who runs the action (a demo user id). */
  userId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
});
export type SandboxMessageActionReq = z.infer<typeof SandboxMessageActionReqSchema>;
/** What the bot answered to `composeExtension/fetchTask`: a task module with a card. */
export const SandboxTaskModuleResSchema = dataOf(
  z.object({
    title: z.string(),
    card: z.record(z.string(), z.unknown()),
  }),
);

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
