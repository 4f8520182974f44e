import { z } from 'zod';
import { dataOf } from './common';
import { ProposalKindSchema, ProposalStatusSchema, StanceKindSchema } from './compact';
import { HelpStatusSchema, UrgencySchema } from './help';
import { CheckInAnswerSchema, ProgramKindSchema } from './rotations';
import { QuietHoursSchema, RoleSchema, SkillSchema } from './team';

// Personal data: what Mutual stores about the caller in one team, deleting it, and (owners)
// removing an uninstalled team's data. docs/how-it-works.md "Personal data" describes each field.

const nullableTime = z.string().nullable();

/**
 * `GET /api/teams/:teamId/me/data`: everything stored about the caller in that team, as a JSON
 * download. Other people appear only as ids, where a record links them to the caller; their
 * names and what they wrote are not part of it. `format` and `version` name this shape.
 */
export const PersonalDataSchema = z.object({
  format: z.literal('mutual-personal-data'),
  version: z.literal(1),
  exportedAt: z.string(),
  team: z.object({ tenantId: z.string(), id: z.string(), name: z.string() }),
  /** The caller's member row: the roster's view (name, email, role) and their own profile. */
  member: z.object({
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    /** The bot's id for the caller in Teams, used to open the 1:1 chat. */
    botUserId: z.string(),
    role: RoleSchema,
    /** False once they left the team or deleted their data. */
    active: z.boolean(),
    joinedAt: z.string(),
    department: z.string(),
    teaches: z.array(SkillSchema),
    learns: z.array(SkillSchema),
    optedIn: z.boolean(),
    pausedUntil: nullableTime,
    availabilityPerWeek: z.number(),
    quietHours: QuietHoursSchema.nullable(),
    timeZone: z.string(),
  }),
  /** Rounds the caller was placed in (with whom, by id, and why) or could not be placed in. */
  rounds: z.array(
    z.object({
      id: z.string(),
      program: ProgramKindSchema,
      status: z.enum(['draft', 'published']),
      scheduledFor: z.string(),
      publishedAt: nullableTime,
      placed: z.boolean(),
      partnerIds: z.array(z.string()),
      /** Why the group was formed, or why the caller could not be placed. */
      reason: z.string(),
    }),
  ),
  checkIns: z.array(
    z.object({ roundId: z.string(), answer: CheckInAnswerSchema, answeredAt: z.string() }),
  ),
  cultureGuardianTerms: z.array(z.object({ since: z.string(), until: z.string() })),
  helpRequests: z.object({
    /** Requests the caller made, with what they wrote and the message they quoted. */
    asked: z.array(
      z.object({
        id: z.string(),
        status: HelpStatusSchema,
        blocker: z.string(),
        skills: z.array(z.string()),
        urgency: UrgencySchema,
        source: z.object({ text: z.string(), link: z.string() }),
        createdAt: z.string(),
        dueAt: z.string(),
        firstResponseAt: nullableTime,
        resolvedAt: nullableTime,
        thankedAt: nullableTime,
        helperId: z.string().nullable(),
        buddyId: z.string().nullable(),
      }),
    ),
    /** Other people's requests the caller took on, resolved or was the blocker buddy for. */
    involved: z.array(
      z.object({
        id: z.string(),
        role: z.enum(['helper', 'buddy']),
        status: HelpStatusSchema,
        createdAt: z.string(),
        resolvedByYou: z.boolean(),
      }),
    ),
  }),
  kudos: z.object({
    given: z.array(
      z.object({
        id: z.string(),
        toIds: z.array(z.string()),
        story: z.string(),
        helpRequestId: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    received: z.array(
      z.object({
        id: z.string(),
        fromId: z.string(),
        helpRequestId: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
  }),
  compact: z.object({
    /** Proposals the caller made. */
    proposals: z.array(
      z.object({
        id: z.string(),
        kind: ProposalKindSchema,
        clauseId: z.string(),
        text: z.string(),
        commitmentHours: z.number().nullable(),
        reason: z.string(),
        proposedAt: z.string(),
        status: ProposalStatusSchema,
        adoptedVersion: z.number().nullable(),
      }),
    ),
    /** The caller's stance and comment on each proposal they took one on (their own included). */
    stances: z.array(
      z.object({
        proposalId: z.string(),
        stance: StanceKindSchema,
        comment: z.string(),
        at: z.string(),
      }),
    ),
    /** Proposals the caller withdrew, declined or adopted, with the note they gave. */
    decisions: z.array(
      z.object({
        proposalId: z.string(),
        status: ProposalStatusSchema,
        decidedAt: z.string(),
        note: z.string(),
      }),
    ),
    acknowledgements: z.array(z.object({ version: z.number(), at: z.string() })),
    /** Versions the caller adopted as an owner. */
    versionsAdopted: z.array(z.object({ version: z.number(), adoptedAt: z.string() })),
    /** Reviews the caller recorded (with their note) or took part in. */
    reviews: z.array(
      z.object({
        id: z.string(),
        heldOn: z.string(),
        recordedByYou: z.boolean(),
        tookPart: z.boolean(),
        note: z.string().nullable(),
      }),
    ),
  }),
  /** Notifications to the caller's 1:1 chat: which, when and what became of them, not the text. */
  notifications: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['pending', 'sent', 'dropped', 'dead_letter']),
      createdAt: z.string(),
      sentAt: nullableTime,
    }),
  ),
  undeliveredNotifications: z.array(
    z.object({ notificationId: z.string(), reason: z.string(), failedAt: z.string() }),
  ),
  /** The 1:1 chat Mutual opened with the caller, and whether Teams still lets it post there. */
  chat: z
    .object({ conversationId: z.string(), closed: z.boolean(), updatedAt: z.string() })
    .nullable(),
  /** What is deliberately not in the export, in words. */
  notIncluded: z.array(z.string()),
});
export type PersonalDataDto = z.infer<typeof PersonalDataSchema>;
export const PersonalDataResSchema = dataOf(PersonalDataSchema);

/** `DELETE /api/teams/:teamId/me/data`: the body must say `{ "confirm": "delete" }`. */
export const PersonalDataDeleteReqSchema = z.object({
  confirm: z.string({ message: 'Send { "confirm": "delete" } to delete your data.' }).max(100),
});
export type PersonalDataDeleteReq = z.infer<typeof PersonalDataDeleteReqSchema>;

/** What one deletion run changed; running it again answers zeros. */
export const PersonalDataDeletionSchema = z.object({
  profileCleared: z.boolean(),
  removed: z.object({
    checkIns: z.number(),
    acknowledgements: z.number(),
    stances: z.number(),
    notifications: z.number(),
    undeliveredNotifications: z.number(),
    chat: z.number(),
  }),
  anonymised: z.object({
    proposals: z.number(),
    kudos: z.number(),
    helpRequests: z.number(),
  }),
  /** Requests the member was helping with, handed back to the team. */
  released: z.object({ helpRequests: z.number() }),
});
export type PersonalDataDeletionDto = z.infer<typeof PersonalDataDeletionSchema>;
export const PersonalDataDeletionResSchema = dataOf(PersonalDataDeletionSchema);

/** `DELETE /api/teams/:teamId/data` (an owner, once Mutual was removed): the team's name. */
export const TeamDataDeleteReqSchema = z.object({
  confirm: z
    .string({ message: 'Type the team’s name to confirm.' })
    .min(1, 'Type the team’s name to confirm.')
    .max(300),
});
export const TeamDataRemovalResSchema = dataOf(z.object({ removedRows: z.number() }));
