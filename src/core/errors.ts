/** Stable error codes the domain speaks; `api/` maps them to HTTP statuses, `bot/` to card text. */
export type DomainErrorCode = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unavailable';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** The input field at fault, when there is one (e.g. `body.text`). */
  readonly field: string | undefined;

  constructor(
    code: DomainErrorCode,
    message: string,
    options?: { field?: string; cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.field = options?.field;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const invalid = (message: string, field?: string) =>
  new DomainError('invalid', message, field === undefined ? undefined : { field });
export const notFound = (message: string) => new DomainError('not_found', message);
export const conflict = (message: string) => new DomainError('conflict', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const unavailable = (message: string, cause?: unknown) =>
  new DomainError('unavailable', message, { cause });
