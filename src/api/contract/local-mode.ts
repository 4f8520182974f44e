import { z } from 'zod';
import { dataOf } from './common';
import { RoleSchema } from './team';

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

/** `POST /api/local/sandbox/message-action/submit`: the task module's submit, as Teams sends it. */
export const SandboxSubmitReqSchema = z.object({
  userId: z.string().min(1).max(100),
  messageId: z.string().min(1).max(100),
  /** The card's inputs and its submit data, as the task module collected them. */
  data: z.record(z.string(), z.unknown()),
});
export type SandboxSubmitReq = z.infer<typeof SandboxSubmitReqSchema>;
/**
 * What the bot answered to `composeExtension/submitAction`: a message (the request was made) or
 * the form again (with what to fix).
 */
export const SandboxSubmitResSchema = dataOf(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('message'), text: z.string() }),
    z.object({
      kind: z.literal('card'),
      title: z.string(),
      card: z.record(z.string(), z.unknown()),
    }),
  ]),
);
export type SandboxSubmitRes = z.infer<typeof SandboxSubmitResSchema>['data'];

/** `POST /api/local/sandbox/card-action`: an `Action.Execute` pressed on a card the bot sent. */
export const SandboxCardActionReqSchema = z.object({
  userId: z.string().min(1).max(100),
  /** The sandbox message (bot activity) the card is in. */
  sandboxMessageId: z.string().min(1).max(100),
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type SandboxCardActionReq = z.infer<typeof SandboxCardActionReqSchema>;
/** The card now (the message is updated in place, as in Teams), or the error Teams would show. */
export const SandboxCardActionResSchema = dataOf(
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('card'), card: z.record(z.string(), z.unknown()) }),
    z.object({ kind: z.literal('error'), message: z.string() }),
  ]),
);
export type SandboxCardActionRes = z.infer<typeof SandboxCardActionResSchema>['data'];
