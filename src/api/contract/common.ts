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

/** Someone a response names: their id and display name. */
export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

/** Every success answers `{ data }`. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

/** Teams thread ids (`19:…@thread.tacv2`) in a path segment. */
export const TeamIdSchema = z
  .string()
  .min(1, 'The team id is empty.')
  .max(200, 'The team id is longer than 200 characters.');
