import { z } from 'zod';
import { dataOf, TeamIdSchema } from './common';

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
  /** What the caller may do with the pulse (core/pulse/policy.ts); always sent. */
  can: z.object({ answer: z.boolean(), close: z.boolean() }).optional(),
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

/**
 * `POST /api/pulse-answers`: the same answer, with the team and the pulse in the body, so the URL
 * (which web servers' access logs keep, with the caller's address and the time) names no pulse.
 */
export const PulseAnswerSubmitReqSchema = PulseAnswerReqSchema.extend({
  teamId: TeamIdSchema,
  pulseId: PulseIdSchema,
});
export type PulseAnswerSubmitReq = z.infer<typeof PulseAnswerSubmitReqSchema>;

/** The path of `PulseAnswerSubmitReqSchema`: one URL for every team's every pulse. */
export const PULSE_ANSWERS_PATH = '/api/pulse-answers';
