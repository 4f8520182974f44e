import type { z } from 'zod';
import { ApiRequestError } from '../app/api-client';

/** The form field an error names: the server's "teaches.0.name" is the "teaches" field. */
export const fieldOf = (error: ApiRequestError | null | undefined): string | undefined =>
  error?.field?.split('.')[0] || undefined;

/** A check the tab makes before sending, phrased like the server's own 400. */
export function invalidFrom(error: z.ZodError): ApiRequestError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  return new ApiRequestError(issue?.message ?? 'Check the form and try again.', {
    code: 'invalid',
    status: 400,
    ...(field ? { field } : {}),
  });
}

/** Props for a Fluent `Field` that shows `error` when it names `field`. */
export function fieldProps(error: ApiRequestError | null | undefined, ...fields: string[]) {
  const named = fieldOf(error);
  return named !== undefined && error && fields.includes(named)
    ? { validationState: 'error' as const, validationMessage: error.message }
    : {};
}
