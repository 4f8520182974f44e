import { z } from 'zod';
import { dataOf, PersonRefSchema } from './common';

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

export const CompactResSchema = dataOf(CompactSchema.nullable());

// The Support Compact: proposals, versions, acknowledgements and reviews.

export const ProposalKindSchema = z.enum(['add', 'change', 'remove']);
export const ProposalStatusSchema = z.enum(['open', 'adopted', 'declined', 'withdrawn']);
export const StanceKindSchema = z.enum(['endorse', 'object']);
export const AdoptionRuleSchema = z.enum(['owner', 'majority']);

export const ProposalSchema = z.object({
  id: z.string(),
  kind: ProposalKindSchema,
  clauseId: z.string(),
  /** The clause as proposed ('' for a removal). */
  text: z.string(),
  commitmentHours: z.number().nullable(),
  /** The clause as it read when proposed ('' for an addition). */
  previousText: z.string(),
  previousCommitmentHours: z.number().nullable(),
  reason: z.string(),
  proposedBy: PersonRefSchema,
  proposedAt: z.string(),
  baseVersion: z.number(),
  status: ProposalStatusSchema,
  stances: z.array(
    z.object({
      person: PersonRefSchema,
      stance: StanceKindSchema,
      comment: z.string(),
      at: z.string(),
    }),
  ),
  endorsements: z.number(),
  objections: z.number(),
  decidedBy: PersonRefSchema.nullable(),
  decidedAt: z.string().nullable(),
  /** Why it was declined or withdrawn. */
  decisionNote: z.string(),
  /** The version its adoption made. */
  adoptedVersion: z.number().nullable(),
  /** The clause it changes or removes has changed since: it can no longer be adopted. */
  outdated: z.boolean(),
  myStance: StanceKindSchema.nullable(),
  /** What the caller may do now. */
  can: z.object({
    endorse: z.boolean(),
    object: z.boolean(),
    adopt: z.boolean(),
    decline: z.boolean(),
    withdraw: z.boolean(),
  }),
  revision: z.number(),
});
export type ProposalDto = z.infer<typeof ProposalSchema>;
export const ProposalResSchema = dataOf(ProposalSchema);

export const CompactSettingsSchema = z.object({
  adoptionRule: AdoptionRuleSchema,
  reviewEveryMonths: z.number(),
  /** The day of the next review (YYYY-MM-DD); reminders go out a week before and on the day. */
  nextReviewOn: z.string(),
  /** The time zone the reminders' 9:00 is read in. */
  reviewTimeZone: z.string(),
});
export type CompactSettingsDto = z.infer<typeof CompactSettingsSchema>;
export const CompactSettingsResSchema = dataOf(CompactSettingsSchema);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `PUT /api/teams/:teamId/compact-settings` (owner). */
export const CompactSettingsUpdateSchema = z.object({
  adoptionRule: z.string().max(20),
  reviewEveryMonths: z.number({ message: 'Review the compact every 1 to 12 months.' }),
  nextReviewOn: z.string().regex(ISO_DATE, 'Choose the day of the next review.'),
});

export const CompactReviewSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  recordedBy: PersonRefSchema,
  recordedAt: z.string(),
  participants: z.array(PersonRefSchema),
  /** The versions adopted since the review before it. */
  adoptedVersions: z.array(z.number()),
  note: z.string(),
});
export type CompactReviewDto = z.infer<typeof CompactReviewSchema>;
export const CompactReviewResSchema = dataOf(CompactReviewSchema);

/** `POST /api/teams/:teamId/compact/reviews` (owner or Culture Guardian). */
export const CompactReviewReqSchema = z.object({
  heldOn: z.string().regex(ISO_DATE, 'Choose the day the review was held.'),
  participantIds: z.array(z.string().max(200)).max(500),
  note: z.string().max(2000, 'Keep the note under 2,000 characters.').default(''),
});

export const CompactVersionSummarySchema = z.object({
  version: z.number(),
  adoptedAt: z.string(),
  adoptedBy: PersonRefSchema.nullable(),
  note: z.string(),
  clauseCount: z.number(),
});
export type CompactVersionSummaryDto = z.infer<typeof CompactVersionSummarySchema>;

/** `GET /api/teams/:teamId/compact/overview`: everything the Compact page shows. */
export const CompactOverviewSchema = z.object({
  current: CompactSchema.nullable(),
  acknowledged: z.array(z.object({ person: PersonRefSchema, at: z.string() })),
  /** Active members who have not acknowledged the current version yet. */
  notAcknowledged: z.array(PersonRefSchema),
  /** Who is asking, and when they acknowledged the current version (null: not yet). */
  me: PersonRefSchema,
  myAcknowledgedAt: z.string().nullable(),
  /** Open proposals first (latest first), then decided ones. */
  proposals: z.array(ProposalSchema),
  /** Every version, latest first. */
  versions: z.array(CompactVersionSummarySchema),
  settings: CompactSettingsSchema,
  /** Members taking part, and how many endorsements a majority needs. */
  majority: z.object({ takingPart: z.number(), needed: z.number() }),
  reviews: z.array(CompactReviewSchema),
  /** The review day has passed and no review was recorded since. */
  reviewOverdue: z.boolean(),
  members: z.array(PersonRefSchema),
  can: z.object({
    propose: z.boolean(),
    recordReview: z.boolean(),
    editSettings: z.boolean(),
  }),
});
export type CompactOverviewDto = z.infer<typeof CompactOverviewSchema>;
export const CompactOverviewResSchema = dataOf(CompactOverviewSchema);

export const ProposalIdSchema = z
  .string()
  .regex(/^p-\d{15}-[0-9a-f]{6}$/, 'The proposal id is not one Mutual made.');

const revision = z.number().int().min(1).optional();

/** `POST /api/teams/:teamId/compact/proposals`. */
export const ProposalReqSchema = z.object({
  kind: z.string().max(20),
  /** The clause to change or remove ('' to add one). */
  clauseId: z.string().max(200).default(''),
  text: z.string().max(5000, 'Keep a clause under 500 characters.').default(''),
  commitmentHours: z.number().nullable().default(null),
  reason: z.string().max(5000, 'Keep the reason under 1,000 characters.').default(''),
});
export type ProposalReq = z.infer<typeof ProposalReqSchema>;

/** `POST …/compact/proposals/:id/stance`. */
export const StanceReqSchema = z.object({
  stance: z.string().max(20),
  comment: z.string().max(5000, 'Keep the comment under 500 characters.').default(''),
  revision,
});
/** `POST …/compact/proposals/:id/(adopt|decline|withdraw)`; decline needs a reason. */
export const ProposalDecisionReqSchema = z.object({
  reason: z.string().max(5000, 'Keep the reason under 1,000 characters.').default(''),
  revision,
});
export const proposalDecisions = ['adopt', 'decline', 'withdraw'] as const;
export const ProposalDecisionSchema = z.enum(proposalDecisions);

/** `POST /api/teams/:teamId/compact/acknowledge`: "I commit to this" for the version read. */
export const AcknowledgeReqSchema = z.object({ version: z.number().int().min(1) });
export const AcknowledgeResSchema = dataOf(z.object({ version: z.number(), at: z.string() }));

/** `GET /api/teams/:teamId/compact/versions/:version`. */
export const CompactVersionResSchema = dataOf(CompactSchema);

const WordPartSchema = z.object({
  kind: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export const ClauseDiffSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('same'), clause: ClauseSchema }),
  z.object({ kind: z.literal('added'), clause: ClauseSchema }),
  z.object({ kind: z.literal('removed'), clause: ClauseSchema }),
  z.object({
    kind: z.literal('changed'),
    before: ClauseSchema,
    after: ClauseSchema,
    words: z.array(WordPartSchema),
  }),
]);
export type ClauseDiffDto = z.infer<typeof ClauseDiffSchema>;
/** `GET /api/teams/:teamId/compact/diff?from=N&to=M`. */
export const CompactDiffResSchema = dataOf(
  z.object({ from: CompactSchema, to: CompactSchema, changes: z.array(ClauseDiffSchema) }),
);
export const VersionNumberSchema = z.coerce
  .number({ message: 'A version is a whole number.' })
  .int('A version is a whole number.')
  .min(1, 'Versions start at 1.');
