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
  'rate_limited',
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
  /**
   * Teams Mutual was removed from in which the caller is an owner: their data can still be
   * removed (`DELETE /api/teams/:teamId/data`). `name` is '' when a removal stopped half-way.
   */
  removedTeams: z.array(z.object({ id: z.string(), name: z.string() })),
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

// Profiles and boundaries: what a member says about themselves in one team.

export const SkillLevelSchema = z.enum(['beginner', 'intermediate', 'expert']);
export const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 18:00.');
export const QuietHoursSchema = z.object({ start: TimeOfDaySchema, end: TimeOfDaySchema });
export type QuietHoursDto = z.infer<typeof QuietHoursSchema>;

export const ProfileSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  teaches: z.array(SkillSchema),
  learns: z.array(SkillSchema),
  /** Nobody is paired or nudged before they opt in. */
  optedIn: z.boolean(),
  /** A date (YYYY-MM-DD) until which the member is left out, no reason asked; null when not paused. */
  pausedUntil: z.string().nullable(),
  /** Help requests a week the member is willing to take on. */
  availabilityPerWeek: z.number(),
  quietHours: QuietHoursSchema.nullable(),
  /** IANA time zone, e.g. Europe/Lisbon: quiet hours are read in it. */
  timeZone: z.string(),
});
export type ProfileDto = z.infer<typeof ProfileSchema>;
export const ProfileResSchema = dataOf(ProfileSchema);

/** `PUT /api/teams/:teamId/profile`: every field optional; what is left out stays as it was. */
export const ProfileUpdateSchema = z.object({
  department: z.string().max(80, 'Keep the department under 80 characters.').optional(),
  teaches: z
    .array(z.object({ name: z.string().max(60), level: SkillLevelSchema }))
    .max(20, 'List at most 20 skills.')
    .optional(),
  learns: z
    .array(z.object({ name: z.string().max(60), level: SkillLevelSchema }))
    .max(20, 'List at most 20 skills.')
    .optional(),
  optedIn: z.boolean().optional(),
  pausedUntil: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-12-31.')
    .nullable()
    .optional(),
  availabilityPerWeek: z
    .number()
    .int('Availability is a whole number of requests.')
    .min(0, 'Availability cannot be negative.')
    .max(50, 'At most 50 requests a week.')
    .optional(),
  quietHours: QuietHoursSchema.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional(),
});
export type ProfileUpdateReq = z.infer<typeof ProfileUpdateSchema>;

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

// The Culture Guardian: a rotating role.

export const GuardianSchema = z.object({
  enabled: z.boolean(),
  /** How many months each term lasts. */
  everyMonths: z.number(),
  current: z
    .object({ id: z.string(), name: z.string(), since: z.string(), until: z.string() })
    .nullable(),
  /** Earlier terms, latest first. */
  history: z.array(z.object({ id: z.string(), name: z.string(), since: z.string() })),
});
export type GuardianDto = z.infer<typeof GuardianSchema>;
export const GuardianResSchema = dataOf(GuardianSchema);
/** `PUT /api/teams/:teamId/guardian` (owner). */
export const GuardianUpdateSchema = z.object({
  enabled: z.boolean(),
  everyMonths: z
    .number()
    .int()
    .min(1, 'A term is 1 to 12 months.')
    .max(12, 'A term is 1 to 12 months.'),
});

// Help requests: the help board.

export const HelpStatusSchema = z.enum(['open', 'claimed', 'resolved']);
export const UrgencySchema = z.enum(['low', 'normal', 'high']);
const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

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
        source: z.object({ text: z.string(), authorName: z.string(), link: z.string() }),
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
        story: z.string(),
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

// ---- Insights (issue 8): how help flows through a team over a chosen period ----

export const insightPeriods = ['4w', '12w', 'quarter'] as const;
export const InsightPeriodSchema = z.enum(insightPeriods);
export type InsightPeriod = z.infer<typeof InsightPeriodSchema>;

/** One member's give / receive balance and breadth; listed by name, never ranked. */
export const InsightMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  department: z.string(),
  /** Requests this member helped with (claimed first, or resolved) in the period. */
  given: z.number(),
  /** Requests this member made that someone helped with in the period. */
  received: z.number(),
  /** Distinct people and departments this member helped. */
  peopleHelped: z.number(),
  departmentsHelped: z.number(),
});
export type InsightMemberDto = z.infer<typeof InsightMemberSchema>;

export const InsightsSchema = z.object({
  period: z.object({
    key: InsightPeriodSchema,
    /** ISO instants: from inclusive, to exclusive. */
    from: z.string(),
    to: z.string(),
  }),
  /** Help requests made in the period. */
  requestCount: z.number(),
  members: z.array(InsightMemberSchema),
  concentration: z.object({
    /** Share (0–1) of the help given by the top 20% of helpers (at least one); null with no help. */
    topShare: z.number().nullable(),
    /** How many people the top 20% is, and how many helped at all. */
    topHelpers: z.number(),
    helpers: z.number(),
    totalGiven: z.number(),
  }),
  response: z.object({
    /** The compact's response commitment now, in hours. */
    commitmentHours: z.number(),
    /** Requests of the period that got a first response, and how many within their own commitment. */
    responded: z.number(),
    withinCommitment: z.number(),
    medianHours: z.number().nullable(),
    p90Hours: z.number().nullable(),
    /** Still without any response. */
    waiting: z.number(),
    /** Per week of the period (Monday 00:00 UTC start), oldest first. */
    weeks: z.array(
      z.object({
        weekStart: z.string(),
        responded: z.number(),
        withinCommitment: z.number(),
        medianHours: z.number().nullable(),
      }),
    ),
  }),
  openBlockers: z.object({
    total: z.number(),
    /** Open or claimed but unresolved requests now, by age. */
    byAge: z.array(z.object({ label: z.string(), count: z.number() })),
    oldestHours: z.number().nullable(),
  }),
  rotation: z.object({
    /** Published rounds in the period (all programs). */
    rounds: z.number(),
    /** Distinct members placed in a group, against the active members who take part. */
    participants: z.number(),
    eligible: z.number(),
    /** Groups whose members answered the check-in, and how many of those said they met. */
    answered: z.number(),
    met: z.number(),
    meetRate: z.number().nullable(),
  }),
  /** Released pulse results in the period, oldest first: the average (1–5) of each item. */
  pulses: z.array(
    z.object({
      id: z.string(),
      closedAt: z.string(),
      answered: z.number(),
      items: z.array(
        z.object({ id: z.string(), text: z.string(), average: z.number().nullable() }),
      ),
    }),
  ),
});
export type InsightsDto = z.infer<typeof InsightsSchema>;
export const InsightsResSchema = dataOf(InsightsSchema);

/** The helper-load alert's settings: the Culture Guardian hears when one person carries too much. */
export const InsightSettingsSchema = z.object({
  /** Percent (10–90) of the help given over the last 4 weeks above which one member is flagged. */
  helperLoadPercent: z.number(),
  /** The alert needs at least this many helped requests in the 4 weeks (1–100), so 1 of 1 is no alarm. */
  helperLoadMinRequests: z.number(),
});
export type InsightSettingsDto = z.infer<typeof InsightSettingsSchema>;
export const InsightSettingsResSchema = dataOf(InsightSettingsSchema);
export const InsightSettingsChangeSchema = InsightSettingsSchema;

// ---- Kudos (issue 8): thanks made visible, as stories; never counted or ranked ----

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

// ---- end Kudos ----

// ---- The anonymous pulse (PRODUCT.md feature 7): no response is ever tied to a person ----

export const PulseItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'text']),
  text: z.string(),
});
export type PulseItemDto = z.infer<typeof PulseItemSchema>;

/** A rated statement's result; `average` and `distribution` are null when too few rated it. */
export const PulseItemResultSchema = z.object({
  id: z.string(),
  text: z.string(),
  responses: z.number(),
  average: z.number().nullable(),
  /** Counts for 1 (strongly disagree) to 5 (strongly agree). */
  distribution: z.array(z.number()).nullable(),
});
export type PulseItemResultDto = z.infer<typeof PulseItemResultSchema>;

/** Nothing while open; after closing, results only when enough answered. */
export const PulseResultsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('open') }),
  z.object({ kind: z.literal('withheld'), answered: z.number(), needed: z.number() }),
  z.object({
    kind: z.literal('released'),
    answered: z.number(),
    items: z.array(PulseItemResultSchema),
    freeText: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('shown'), question: z.string(), answers: z.array(z.string()) }),
      z.object({ kind: z.literal('withheld'), needed: z.number() }),
    ]),
  }),
]);
export type PulseResultsDto = z.infer<typeof PulseResultsSchema>;

export const PulseSchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'closed']),
  startedByRole: z.enum(['owner', 'guardian']),
  startedAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  minAnswers: z.number(),
  freeTextMin: z.number(),
  items: z.array(PulseItemSchema),
  /** The open pulse: whether the caller's answer was counted. Null once closed. */
  answeredByMe: z.boolean().nullable(),
  results: PulseResultsSchema,
});
export type PulseDto = z.infer<typeof PulseSchema>;
export const PulseResSchema = dataOf(PulseSchema);

const bounds = z.object({ min: z.number(), max: z.number(), default: z.number() });
/** `GET /api/teams/:teamId/pulses`: newest first, whether the caller may run one, and the limits. */
export const PulsesSchema = z.object({
  pulses: z.array(PulseSchema),
  canRun: z.boolean(),
  limits: z.object({
    days: bounds,
    minAnswers: bounds,
    freeTextMin: z.number(),
    maxText: z.number(),
  }),
});
export type PulsesDto = z.infer<typeof PulsesSchema>;
export const PulsesResSchema = dataOf(PulsesSchema);

export const PulseIdSchema = z
  .string()
  .regex(/^u\d{15}-[0-9a-f]{6}$/, 'The pulse id is not one Mutual made.');

/** `POST /api/teams/:teamId/pulses` (owner or Culture Guardian). */
export const PulseStartReqSchema = z.object({
  days: z
    .number('Give the number of days the pulse stays open.')
    .int('Days are a whole number.')
    .min(1, 'A pulse stays open at least 1 day.')
    .max(14, 'A pulse stays open at most 14 days.')
    .default(7),
  minAnswers: z
    .number('Give the minimum number of answers.')
    .int('The minimum is a whole number.')
    .min(3, 'Results need at least 3 answers, so one answer can never be singled out.')
    .max(50, 'Set the minimum to 50 answers or fewer.')
    .default(5),
});
export type PulseStartReq = z.infer<typeof PulseStartReqSchema>;

/** `POST /api/teams/:teamId/pulses/:pulseId/answers`: 1–5 per statement (null = skipped), text. */
export const PulseAnswerReqSchema = z.object({
  scores: z
    .record(
      z.string().max(40),
      z
        .number('Choose 1 to 5, or skip the question.')
        .int('Choose 1 to 5, or skip the question.')
        .min(1, 'Choose 1 to 5, or skip the question.')
        .max(5, 'Choose 1 to 5, or skip the question.')
        .nullable(),
    )
    .default({}),
  text: z.string().max(500, 'Keep the written answer under 500 characters.').default(''),
});
export type PulseAnswerReq = z.infer<typeof PulseAnswerReqSchema>;

// ---- end anonymous pulse ----
