import { z } from 'zod';
import { dataOf } from './common';

// Programs and rotations.

export const ProgramKindSchema = z.enum(['skill_share', 'cross_check', 'blocker_buddy']);
export type ProgramKind = z.infer<typeof ProgramKindSchema>;
export const CadenceSchema = z.enum(['weekly', 'every_2_weeks', 'every_4_weeks', 'each_sprint']);

export const ProgramSchema = z.object({
  kind: ProgramKindSchema,
  enabled: z.boolean(),
  cadence: CadenceSchema,
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number(),
  /** Hour of the day (0–23) in `timeZone` when a round is made. */
  hour: z.number(),
  timeZone: z.string(),
  /** 2: pairs (one trio when the count is odd); 3: groups of three. */
  groupSize: z.union([z.literal(2), z.literal(3)]),
  /** On: a round waits as a draft for the owner to review and publish. */
  preview: z.boolean(),
  /** Sprint length in weeks, for the `each_sprint` cadence. */
  sprintWeeks: z.number(),
  /** When the next round is due; null while the program is off. */
  nextRunAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ProgramDto = z.infer<typeof ProgramSchema>;
export const ProgramsResSchema = dataOf(z.array(ProgramSchema));
export const ProgramResSchema = dataOf(ProgramSchema);

/** `PUT /api/teams/:teamId/programs/:kind` (owner only). */
export const ProgramUpdateSchema = z.object({
  enabled: z.boolean(),
  cadence: CadenceSchema,
  weekday: z.number().int().min(1, 'Choose a weekday.').max(7, 'Choose a weekday.'),
  hour: z.number().int().min(0, 'Choose an hour from 0 to 23.').max(23, 'Choose an hour 0–23.'),
  timeZone: z.string().min(1, 'Choose a time zone.').max(64),
  groupSize: z.union([z.literal(2), z.literal(3)]),
  preview: z.boolean(),
  sprintWeeks: z
    .number()
    .int()
    .min(1, 'A sprint is 1 to 4 weeks.')
    .max(4, 'A sprint is 1 to 4 weeks.'),
});
export type ProgramUpdateReq = z.infer<typeof ProgramUpdateSchema>;

export const RoundMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
});
export const RoundGroupSchema = z.object({
  members: z.array(RoundMemberSchema),
  reason: z.string(),
  weight: z.number(),
});
export const CheckInAnswerSchema = z.enum(['met', 'not_yet', 'skipped']);
export type CheckInAnswer = z.infer<typeof CheckInAnswerSchema>;

export const RoundSchema = z.object({
  id: z.string(),
  program: ProgramKindSchema,
  status: z.enum(['draft', 'published']),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Sent back with a swap or a publish: a stale revision is a conflict, not a lost change. */
  revision: z.number(),
  groups: z.array(RoundGroupSchema),
  /** People who could not be placed, and why (paused and opted-out people are not listed). */
  unplaced: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  totalWeight: z.number(),
  /** Index into `groups` of the caller's own group, or null. */
  myGroup: z.number().nullable(),
  myCheckIn: CheckInAnswerSchema.nullable(),
  /** Published rounds: notifications sent so far. */
  progress: z.object({ total: z.number(), sent: z.number(), failed: z.number() }).nullable(),
  checkIns: z.object({ met: z.number(), not_yet: z.number(), skipped: z.number() }),
  /** What the caller may do with the round (core/rotations/policy.ts); always sent. */
  can: z.object({ swap: z.boolean(), publish: z.boolean(), checkIn: z.boolean() }).optional(),
});
export type RoundDto = z.infer<typeof RoundSchema>;
export const RoundResSchema = dataOf(RoundSchema);
/** `GET /api/teams/:teamId/rounds?program=…`: the current round (a draft only for owners) and past ones. */
export const RoundsResSchema = dataOf(
  z.object({ current: RoundSchema.nullable(), past: z.array(RoundSchema) }),
);
export const RoundIdSchema = z
  .string()
  .regex(/^[a-z_]+-\d{12}$/, 'The round id is not one Mutual made.');

/** `POST …/rounds/:roundId/swap` (owner, drafts only): exchange two people between groups. */
export const RoundSwapSchema = z.object({
  a: z.string().min(1, 'Choose the first person.').max(100),
  b: z.string().min(1, 'Choose the second person.').max(100),
  revision: z.number().int(),
});
export type RoundSwapReq = z.infer<typeof RoundSwapSchema>;
/** `POST …/rounds/:roundId/publish` (owner). */
export const RoundPublishSchema = z.object({ revision: z.number().int() });
/** `PUT …/rounds/:roundId/check-in`: did you meet? */
export const CheckInSchema = z.object({ answer: CheckInAnswerSchema });
