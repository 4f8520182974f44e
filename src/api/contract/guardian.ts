import { z } from 'zod';
import { dataOf } from './common';

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
