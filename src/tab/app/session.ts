import {
  LocalTokenResSchema,
  LocalUsersResSchema,
  type LocalTokenReq,
  type LocalUsersDto,
} from '../../api/contract';
import { ApiClient, ApiRequestError, type TokenSource } from './api-client';
import { connectToTeams, type TeamsHost } from './teams';

/** Where the tab finds itself on start. */
export type Boot =
  | { mode: 'teams'; host: TeamsHost }
  | { mode: 'local'; directory: LocalUsersDto }
  /** Neither Teams nor a local-mode server: say so instead of pretending. */
  | { mode: 'outside' };

const anonymous = new ApiClient(null);

export async function boot(): Promise<Boot> {
  const host = await connectToTeams();
  if (host) return { mode: 'teams', host };
  try {
    const { data } = await anonymous.request('/api/local/users', LocalUsersResSchema, {
      anonymous: true,
    });
    return { mode: 'local', directory: data };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return { mode: 'outside' };
    throw error;
  }
}

export function teamsTokens(host: TeamsHost): TokenSource {
  return { get: () => host.getToken(), invalidate: () => undefined };
}

/** Re-mint this long before the token expires, so a request never races the expiry. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Local mode's stand-in for Teams SSO: tokens minted by the server's local issuer for the demo
 * user picked in the switcher, cached per user until shortly before they expire.
 */
export function localTokens(userId: string): TokenSource {
  return {
    get: async () => {
      const hit = tokenCache.get(userId);
      if (hit && hit.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return hit.token;
      const pending = minting.get(userId) ?? mint(userId);
      minting.set(userId, pending);
      try {
        return await pending;
      } finally {
        minting.delete(userId);
      }
    },
    invalidate: () => tokenCache.delete(userId),
  };
}

const tokenCache = new Map<string, { token: string; expiresAt: number }>();
const minting = new Map<string, Promise<string>>();

async function mint(userId: string): Promise<string> {
  const body: LocalTokenReq = { userId };
  const { data } = await anonymous.request('/api/local/token', LocalTokenResSchema, {
    method: 'POST',
    body,
    anonymous: true,
  });
  const expiresAt = Date.parse(data.expiresAt);
  tokenCache.set(userId, {
    token: data.token,
    expiresAt: Number.isNaN(expiresAt) ? Date.now() + 5 * 60_000 : expiresAt,
  });
  return data.token;
}
