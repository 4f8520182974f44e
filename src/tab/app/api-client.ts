import type { z } from 'zod';
import { ApiErrorSchema, type ErrorCode } from '../../api/contract';

/** A failed API call, with a message written for the person using the tab. */
export class ApiRequestError extends Error {
  readonly code: ErrorCode | 'network';
  readonly status: number;
  readonly field: string | undefined;

  constructor(
    message: string,
    options: { code: ErrorCode | 'network'; status: number; field?: string },
  ) {
    super(message);
    this.name = 'ApiRequestError';
    this.code = options.code;
    this.status = options.status;
    this.field = options.field;
  }
}

/** Any failure as an ApiRequestError: a bug in the tab is worded too, never thrown raw at a person. */
export function asRequestError(error: unknown): ApiRequestError {
  if (error instanceof ApiRequestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiRequestError(`Something went wrong in the tab: ${message}`, {
    code: 'internal',
    status: 0,
  });
}

/** Where bearer tokens come from: Teams SSO, or the local issuer in local mode. */
export interface TokenSource {
  get(): Promise<string>;
  /** Forget a token the server refused, so the next `get` fetches a fresh one. */
  invalidate(): void;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Local-mode bootstrap calls are made before anyone is signed in. */
  anonymous?: boolean;
}

/** Calls the Mutual API on the same origin and validates every answer with the contract. */
export class ApiClient {
  readonly #tokens: TokenSource | null;

  constructor(tokens: TokenSource | null) {
    this.#tokens = tokens;
  }

  get<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    return this.request(path, schema, { signal });
  }

  post<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    return this.request(path, schema, { method: 'POST', body, signal });
  }

  put<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    return this.request(path, schema, { method: 'PUT', body, signal });
  }

  delete<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    return this.request(path, schema, { method: 'DELETE', signal });
  }

  async request<S extends z.ZodType>(
    path: string,
    schema: S,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    const tokens = options.anonymous ? null : this.#tokens;
    let response = await this.#send(path, options, tokens ? await signIn(tokens) : undefined);
    if (response.status === 401 && tokens) {
      // An expired or rotated token: get a fresh one once before giving up.
      tokens.invalidate();
      response = await this.#send(path, options, await signIn(tokens));
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFrom(response.status, body);
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiRequestError(
        'The server answered with data this version of Mutual does not understand. Reload the page.',
        { code: 'internal', status: response.status },
      );
    }
    return parsed.data;
  }

  async #send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      return await fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiRequestError('Mutual cannot be reached. Check your connection, then retry.', {
        code: 'network',
        status: 0,
      });
    }
  }
}

async function signIn(tokens: TokenSource): Promise<string> {
  try {
    return await tokens.get();
  } catch (error) {
    if (error instanceof ApiRequestError) throw error;
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    throw new ApiRequestError(`Mutual could not sign you in${reason}. Retry, or reload the tab.`, {
      code: 'unauthorized',
      status: 401,
    });
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, body: unknown): ApiRequestError {
  const parsed = ApiErrorSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiRequestError(
      message,
      field === undefined ? { code, status } : { code, status, field },
    );
  }
  const message =
    status >= 500
      ? `Mutual is having trouble right now (HTTP ${status}). Retry in a moment.`
      : `The request failed (HTTP ${status}).`;
  return new ApiRequestError(message, { code: status >= 500 ? 'unavailable' : 'invalid', status });
}

export const teamPath = (teamId: string, rest = '') =>
  `/api/teams/${encodeURIComponent(teamId)}${rest}`;
