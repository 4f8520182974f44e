import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SignJWT,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { REQUIRED_SCOPE, entraIssuer } from '../api/auth';

export interface DevIssuer {
  /** The public keys, for the same verifier the API uses with Entra's keys in Teams. */
  keys: JWTVerifyGetKey;
  mint(claims: {
    tenantId: string;
    userId: string;
    name: string;
  }): Promise<{ token: string; expiresAt: Date }>;
}

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

const TOKEN_LIFETIME_SECONDS = 60 * 60;

/**
 * A local stand-in for Entra ID: an RS256 key pair (kept in the data folder, so tokens survive a
 * restart) that signs tokens shaped like Teams SSO tokens. Exists only in local mode.
 */
export async function createDevIssuer(options: {
  keyFile?: string;
  audience: string;
}): Promise<DevIssuer> {
  const stored = await loadOrCreateKey(options.keyFile);
  const privateKey = await importJWK(stored.privateJwk, 'RS256');
  return {
    keys: createLocalJWKSet({
      keys: [{ ...stored.publicJwk, kid: stored.kid, alg: 'RS256', use: 'sig' }],
    }),
    async mint({ tenantId, userId, name }) {
      // Tokens live on real time: the verifier checks them against it.
      // eslint-disable-next-line no-restricted-syntax -- see above
      const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_SECONDS * 1000);
      const token = await new SignJWT({
        oid: userId,
        tid: tenantId,
        name,
        scp: REQUIRED_SCOPE,
        ver: '2.0',
      })
        .setProtectedHeader({ alg: 'RS256', kid: stored.kid, typ: 'JWT' })
        .setIssuer(entraIssuer(tenantId))
        .setAudience(options.audience)
        .setSubject(userId)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(privateKey);
      return { token, expiresAt };
    },
  };
}

async function loadOrCreateKey(file: string | undefined): Promise<StoredKey> {
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const stored: StoredKey = {
    kid: `local-${randomBytes(6).toString('hex')}`,
    privateJwk: await exportJWK(privateKey),
    publicJwk: await exportJWK(publicKey),
  };
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
  }
  return stored;
}
