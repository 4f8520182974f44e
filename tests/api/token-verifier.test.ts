import { beforeAll, describe, expect, test } from 'vitest';
import { AuthError, createTokenVerifier, entraIssuer } from '../../src/api/auth';
import {
  guid,
  jwksOf,
  newSigningKey,
  signToken,
  type SigningKey,
  type TokenClaims,
} from '../support/tokens';

// The verifier on its own, trusting one test key: the same code the API runs with Entra's keys.

const AUDIENCE = guid();
let trusted: SigningKey;
let rotated: SigningKey;

beforeAll(async () => {
  [trusted, rotated] = await Promise.all([newSigningKey(), newSigningKey()]);
});

const verifierFor = (options: { allowedTenants?: string[]; clockToleranceSeconds?: number } = {}) =>
  createTokenVerifier({
    keys: jwksOf(trusted, rotated),
    audience: AUDIENCE,
    allowedTenants: options.allowedTenants ?? [],
    ...(options.clockToleranceSeconds === undefined
      ? {}
      : { clockToleranceSeconds: options.clockToleranceSeconds }),
  });

const buildClaims = (overrides: Partial<TokenClaims> = {}): TokenClaims => ({
  tenantId: guid(),
  userId: guid(),
  name: 'Ana Souza',
  audience: AUDIENCE,
  ...overrides,
});

test('a valid token yields the user from oid and tid, and the display name', async () => {
  const claims = buildClaims();

  const user = await verifierFor()(await signToken(trusted, claims));

  expect(user).toEqual({ tenantId: claims.tenantId, userId: claims.userId, name: 'Ana Souza' });
});

test('any key of the key set is trusted (key rotation)', async () => {
  const claims = buildClaims();

  await expect(verifierFor()(await signToken(rotated, claims))).resolves.toMatchObject({
    userId: claims.userId,
  });
});

test('the user id is lower-cased so it matches the roster', async () => {
  const userId = guid().toUpperCase();

  const user = await verifierFor()(await signToken(trusted, buildClaims({ userId })));

  expect(user.userId).toBe(userId.toLowerCase());
});

test('a token without a name claim yields an empty name, not a failure', async () => {
  const user = await verifierFor()(
    await signToken(trusted, buildClaims({ extra: { name: undefined } })),
  );

  expect(user.name).toBe('');
});

test('sub is never taken as the user: oid decides', async () => {
  const claims = buildClaims();
  const token = await signToken(trusted, { ...claims, extra: { sub: guid() } });

  expect((await verifierFor()(token)).userId).toBe(claims.userId);
});

describe('allowed tenants', () => {
  test('a tenant on the list is let in', async () => {
    const claims = buildClaims();

    await expect(
      verifierFor({ allowedTenants: [claims.tenantId] })(await signToken(trusted, claims)),
    ).resolves.toMatchObject({ tenantId: claims.tenantId });
  });

  test('a tenant off the list is refused before its signature matters', async () => {
    const claims = buildClaims();
    const outsider = await newSigningKey();

    const verify = verifierFor({ allowedTenants: [guid()] });

    await expect(verify(await signToken(trusted, claims))).rejects.toThrow(/not enabled/);
    await expect(verify(await signToken(outsider, claims))).rejects.toThrow(/not enabled/);
  });
});

describe('clock tolerance', () => {
  test('with no tolerance, a token expired a few seconds ago is refused', async () => {
    const token = await signToken(trusted, buildClaims({ expiresIn: -5 }));

    await expect(verifierFor({ clockToleranceSeconds: 0 })(token)).rejects.toThrow(/expired/);
    await expect(verifierFor()(token)).resolves.toBeDefined();
  });

  test('the default tolerance ends at 60 s', async () => {
    await expect(
      verifierFor()(await signToken(trusted, buildClaims({ expiresIn: -75 }))),
    ).rejects.toThrow(/expired/);
  });
});

describe('refusals are AuthErrors with a reason', () => {
  test.each<[string, () => Promise<string>, RegExp]>([
    ['not a JWT', async () => 'abc', /not a JWT/],
    [
      'no tid',
      async () => signToken(trusted, buildClaims({ extra: { tid: undefined } })),
      /tenant/,
    ],
    [
      'a tid that would bend the issuer URL',
      async () => {
        const tenantId = '../../evil.example/x';
        return signToken(trusted, buildClaims({ tenantId, issuer: entraIssuer(tenantId) }));
      },
      /tenant/,
    ],
    [
      'another audience',
      async () => signToken(trusted, buildClaims({ audience: guid() })),
      /not valid/,
    ],
    [
      'an issuer of another tenant',
      async () => signToken(trusted, buildClaims({ issuer: entraIssuer(guid()) })),
      /not valid/,
    ],
    [
      'no scope',
      async () => signToken(trusted, buildClaims({ scope: undefined })),
      /access_as_user/,
    ],
    [
      'no exp',
      async () => signToken(trusted, buildClaims({ extra: { exp: undefined } })),
      /not valid/,
    ],
    [
      'an untrusted key',
      async () => signToken(await newSigningKey(trusted.kid), buildClaims()),
      /not valid/,
    ],
  ])('%s', async (_name, makeToken, reason) => {
    const verify = verifierFor();
    const token = await makeToken();

    const error = await verify(token).then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(AuthError);
    expect((error as Error).message).toMatch(reason);
  });
});
