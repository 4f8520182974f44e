import type { RequestHandler } from 'express';
import {
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { Actor } from '../core/team/team';

/** The caller, as proven by a verified token. */
export interface VerifiedUser extends Actor {
  name: string;
}

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

export interface TokenVerifierOptions {
  /** The signing keys: Entra's JWKS in Teams, the local issuer's in local mode. */
  keys: JWTVerifyGetKey;
  /** The app's client id; tokens for any other audience are refused. */
  audience: string;
  /** Empty allows every tenant. */
  allowedTenants: readonly string[];
  clockToleranceSeconds?: number;
}

export type TokenVerifier = (token: string) => Promise<VerifiedUser>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const REQUIRED_SCOPE = 'access_as_user';

export const entraIssuer = (tenantId: string) =>
  `https://login.microsoftonline.com/${tenantId}/v2.0`;

/** Entra ID's signing keys for v2.0 tokens (fetched and cached by jose). */
export const entraKeys = () =>
  createRemoteJWKSet(new URL('https://login.microsoftonline.com/common/discovery/v2.0/keys'));

/**
 * Verifies a tab SSO token: RS256 signature from a known key, issuer bound to the token's own
 * tenant, our audience, expiry, and the `access_as_user` scope. Only `oid` and `tid` identify.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const tolerance = options.clockToleranceSeconds ?? 60;
  return async (token) => {
    let tenantId: unknown;
    try {
      tenantId = decodeJwt(token).tid;
    } catch {
      throw new AuthError('The token is not a JWT.');
    }
    // The issuer is built from `tid`, so `tid` must be a plain GUID before it is trusted in a URL.
    if (typeof tenantId !== 'string' || !GUID.test(tenantId))
      throw new AuthError('The token has no valid tenant id.');
    if (options.allowedTenants.length > 0 && !options.allowedTenants.includes(tenantId))
      throw new AuthError('Mutual is not enabled for your organisation.');
    try {
      const { payload } = await jwtVerify(token, options.keys, {
        algorithms: ['RS256'],
        issuer: entraIssuer(tenantId),
        audience: options.audience,
        clockTolerance: tolerance,
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(REQUIRED_SCOPE))
        throw new AuthError(`The token lacks the ${REQUIRED_SCOPE} scope.`);
      if (typeof payload.oid !== 'string' || !GUID.test(payload.oid))
        throw new AuthError('The token has no valid user id.');
      return {
        tenantId,
        userId: payload.oid.toLowerCase(),
        name: typeof payload.name === 'string' ? payload.name : '',
      };
    } catch (error) {
      if (error instanceof AuthError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthError('The token has expired.');
      if (error instanceof joseErrors.JOSEError) throw new AuthError('The token is not valid.');
      throw error;
    }
  };
}

/** Puts the verified caller in `res.locals.user`; anything else answers 401. */
export function authenticate(verify: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9\-_.]+)$/i.exec(header);
    if (!match?.[1]) {
      next(new AuthError('Sign in: the request has no bearer token.'));
      return;
    }
    try {
      res.locals.user = await verify(match[1]);
      next();
    } catch (error) {
      next(error);
    }
  };
}

export const userOf = (locals: Record<string, unknown>): VerifiedUser => {
  const user = locals.user as VerifiedUser | undefined;
  if (!user) throw new AuthError('Sign in first.');
  return user;
};
