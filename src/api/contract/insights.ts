import { z } from 'zod';
import { dataOf } from './common';

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
