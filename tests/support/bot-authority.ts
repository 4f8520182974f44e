import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, type JWTPayload } from 'jose';
import { tokenNow, type SigningKey } from './tokens';

/**
 * A stand-in for the Bot Connector's token service on loopback: an OpenID configuration document
 * whose `jwks_uri` lists the keys a test trusts, each with the channels it is endorsed for (as
 * Microsoft publishes them). Mutual is pointed at it through `start(config, { botAuthority })`.
 */
export interface LocalBotAuthority {
  /** What to pass to `start(config, { botAuthority })`. */
  settings: { openIdMetadataUrl: string; tokenIssuer: string };
  issuer: string;
  /** How often the key list was read (botbuilder caches it). */
  keyReads: number;
  close(): Promise<void>;
}

export interface PublishedKey {
  key: SigningKey;
  /** Channels the key may sign for; Microsoft's keys carry e.g. `['msteams', …]`. */
  endorsements: string[];
}

export async function startBotAuthority(
  keys: readonly PublishedKey[],
  issuer = 'https://api.botframework.test',
): Promise<LocalBotAuthority> {
  const state = { keyReads: 0 };
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          issuer,
          jwks_uri: `${base}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        }),
      );
      return;
    }
    if (req.url === '/v1/.well-known/keys') {
      state.keyReads++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          keys: keys.map(({ key, endorsements }) => ({
            kty: 'RSA',
            use: 'sig',
            kid: key.kid,
            n: key.publicJwk.n,
            e: key.publicJwk.e,
            endorsements,
          })),
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    settings: {
      openIdMetadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
      tokenIssuer: issuer,
    },
    issuer,
    get keyReads() {
      return state.keyReads;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface ConnectorClaims {
  issuer: string;
  /** The bot's app id. */
  audience: string;
  /** The activity's `serviceUrl`, as the `serviceurl` claim. */
  serviceUrl: string;
  /** Seconds from now; negative means already expired. */
  expiresIn?: number;
  /** Seconds from now the token becomes valid (default: a minute ago). */
  notBefore?: number;
  /** Header `kid`; defaults to the signing key's. */
  kid?: string;
}

/** A token shaped like the ones the Bot Connector sends to a bot's messaging endpoint. */
export async function signConnectorToken(key: SigningKey, claims: ConnectorClaims) {
  const now = tokenNow();
  const payload: JWTPayload = {
    serviceurl: claims.serviceUrl,
    nbf: now + (claims.notBefore ?? -60),
    exp: now + (claims.expiresIn ?? 3600),
    iss: claims.issuer,
    aud: claims.audience,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: claims.kid ?? key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

/** The same claims with no signature at all (`alg: none`), naming a trusted key. */
export function unsignedConnectorToken(kid: string, claims: ConnectorClaims) {
  const now = tokenNow();
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', kid, typ: 'JWT' })}.${part({
    serviceurl: claims.serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
    iss: claims.issuer,
    aud: claims.audience,
  })}.`;
}

/**
 * HS256 keyed with the trusted key's public PEM (the form botbuilder hands to its verifier): the
 * algorithm-confusion forgery against verifiers that let the token pick the algorithm.
 */
export async function hmacConnectorToken(key: SigningKey, claims: ConnectorClaims) {
  const now = tokenNow();
  const pem = createPublicKey({ key: key.publicJwk as JsonWebKey, format: 'jwk' }).export({
    type: 'pkcs1',
    format: 'pem',
  });
  return new SignJWT({ serviceurl: claims.serviceUrl })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 3600)
    .sign(new TextEncoder().encode(String(pem)));
}
