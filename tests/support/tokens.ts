import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { REQUIRED_SCOPE, entraIssuer } from '../../src/api/auth';
import { LOCAL_CLIENT_ID } from '../../src/config';

/** A key that signs tokens, with its `kid` and the JWKS a verifier would trust it through. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The local dev issuer's key, as the server stored it in its data folder. */
export async function devIssuerKey(dataDir: string): Promise<SigningKey> {
  const stored = JSON.parse(readFileSync(join(dataDir, 'dev-issuer.json'), 'utf8')) as {
    kid: string;
    privateJwk: JWK;
    publicJwk: JWK;
  };
  return {
    kid: stored.kid,
    privateKey: (await importJWK(stored.privateJwk, 'RS256')) as CryptoKey,
    publicJwk: stored.publicJwk,
  };
}

/** A fresh RS256 key nobody trusts (or that a unit test trusts on purpose). */
export async function newSigningKey(kid = `test-${randomUUID()}`): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: await exportJWK(publicKey) };
}

/** The JWKS a verifier uses to trust `keys`. */
export const jwksOf = (...keys: SigningKey[]) =>
  createLocalJWKSet({
    keys: keys.map((k) => ({ ...k.publicJwk, kid: k.kid, alg: 'RS256', use: 'sig' })),
  });

export interface TokenClaims {
  tenantId: string;
  userId: string;
  name?: string;
  /** Defaults to the local client id, the audience local-mode servers expect. */
  audience?: string;
  /** Defaults to Entra's v2.0 issuer for `tenantId`. */
  issuer?: string;
  /** Space-separated scopes; defaults to `access_as_user`. */
  scope?: string | undefined;
  /** Seconds from now; negative means already expired. */
  expiresIn?: number;
  /** Claims to add or override (a value of `undefined` removes the claim). */
  extra?: Record<string, unknown>;
}

/**
 * Seconds since the epoch on the process clock, for the times inside tokens: tokens live on real
 * time, because the verifiers (jose, botbuilder) check them against it, not the server's clock.
 */
// eslint-disable-next-line no-restricted-syntax -- tokens are checked against the real clock
export const tokenNow = () => Math.floor(Date.now() / 1000);

/** A token shaped like a Teams SSO token, signed with `key`. Every part can be bent for a test. */
export async function signToken(key: SigningKey, claims: TokenClaims): Promise<string> {
  const now = tokenNow();
  const payload: JWTPayload = {
    iss: claims.issuer ?? entraIssuer(claims.tenantId),
    aud: claims.audience ?? LOCAL_CLIENT_ID,
    sub: claims.userId,
    iat: now - 5,
    exp: now + (claims.expiresIn ?? 3600),
    oid: claims.userId,
    tid: claims.tenantId,
    name: claims.name ?? 'Test User',
    ver: '2.0',
    scp: 'scope' in claims ? claims.scope : REQUIRED_SCOPE,
    ...claims.extra,
  };
  for (const [name, value] of Object.entries(payload))
    if (value === undefined) delete payload[name];
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

/** An unsigned (`alg: none`) token with otherwise valid claims. */
export function unsignedToken(claims: { tenantId: string; userId: string }): string {
  const now = tokenNow();
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'none', typ: 'JWT' });
  const body = part({
    oid: claims.userId,
    tid: claims.tenantId,
    scp: REQUIRED_SCOPE,
    aud: LOCAL_CLIENT_ID,
    iss: entraIssuer(claims.tenantId),
    iat: now,
    exp: now + 3600,
  });
  return `${header}.${body}.`;
}

/**
 * An HS256 token whose HMAC secret is the public key's modulus: the classic algorithm-confusion
 * forgery against verifiers that let the token pick the algorithm.
 */
export async function hmacToken(
  key: SigningKey,
  claims: { tenantId: string; userId: string },
): Promise<string> {
  const secret = new TextEncoder().encode(key.publicJwk.n ?? 'secret');
  return new SignJWT({ oid: claims.userId, tid: claims.tenantId, scp: REQUIRED_SCOPE })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(entraIssuer(claims.tenantId))
    .setAudience(LOCAL_CLIENT_ID)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(secret);
}

/** A random GUID, as Entra uses for object and tenant ids. */
export const guid = () => randomUUID();
