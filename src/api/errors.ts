import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { isDomainError, type DomainErrorCode } from '../core/errors';
import type { ApiError, ErrorCode } from './contract';
import { AuthError } from './auth';

const STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
};

export const errorBody = (code: ErrorCode, message: string, field?: string): ApiError => ({
  error: field === undefined ? { code, message } : { code, message, field },
});

/**
 * The one place errors become HTTP: domain codes map to statuses, body-parser and zod failures to
 * 400 / 413, and anything unexpected to a bare 500 with no internals (they go to the log).
 */
export function errorHandler(log: (message: string, error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof AuthError) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      res.status(401).json(errorBody('unauthorized', error.message));
      return;
    }
    if (isDomainError(error)) {
      res.status(STATUS[error.code]).json(errorBody(error.code, error.message, error.field));
      return;
    }
    if (error instanceof z.ZodError) {
      const issue = error.issues[0];
      const field = issue?.path.join('.') ?? '';
      res
        .status(400)
        .json(
          errorBody(
            'invalid',
            field ? `${field}: ${issue?.message}` : `${issue?.message}`,
            field || undefined,
          ),
        );
      return;
    }
    const parserError = error as { type?: string; status?: number; limit?: number };
    if (parserError.type === 'entity.too.large') {
      res
        .status(413)
        .json(
          errorBody('too_large', `The request body is larger than ${parserError.limit} bytes.`),
        );
      return;
    }
    if (parserError.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('invalid', 'The request body is not valid JSON.'));
      return;
    }
    if (parserError.type === 'encoding.unsupported' || parserError.type === 'charset.unsupported') {
      res.status(415).json(errorBody('invalid', 'Send the body as UTF-8 JSON.'));
      return;
    }
    // Express's own 4xx errors, e.g. a path segment that is not valid percent-encoding.
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json(errorBody('invalid', 'The request is malformed.'));
      return;
    }
    log('unhandled error in a request', error);
    res.status(500).json(errorBody('internal', 'Something went wrong on our side. Try again.'));
  };
}

export const notFoundRoute: RequestHandler = (req, res) => {
  res.status(404).json(errorBody('not_found', `There is no API route ${req.method} ${req.path}.`));
};

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/**
 * Bodies are UTF-8 (or say no charset, which JSON reads as UTF-8): any other charset is refused
 * with 415 before a parser decodes it, on every route (the API, the bot endpoint, local mode).
 */
export const utf8BodiesOnly: RequestHandler = (req, res, next) => {
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') {
    next();
    return;
  }
  res
    .status(415)
    .json(
      errorBody(
        'invalid',
        `The body's charset is ${charset}; send it as UTF-8 (Content-Type: application/json; charset=utf-8).`,
      ),
    );
};
