import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiErrorSchema, MeResSchema } from '../../src/api/contract';
import { entraIssuer } from '../../src/api/auth';
import { DEMO_OWNER, DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { call, startTestServer, storedRoster, teamPath, type TestServer } from '../support/server';
import {
  guid,
  hmacToken,
  newSigningKey,
  signToken,
  tokenNow,
  unsignedToken,
  type TokenClaims,
} from '../support/tokens';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.stop();
});

const member = DEMO_PEOPLE[2]!;
const demoRef = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
const claims = (overrides: Partial<TokenClaims> = {}): TokenClaims => ({
  tenantId: DEMO_TEAM.tenantId,
  userId: member.userId,
  name: member.name,
  ...overrides,
});
const membersPath = teamPath(DEMO_TEAM.teamId, '/members');

async function getWith(headers: Record<string, string>, path = membersPath) {
  return call(`${server.url}${path}`, { headers });
}

/** A 401 answers the error shape with the `unauthorized` code and a message, and nothing else. */
function expectUnauthorized(res: { status: number; body: unknown }, message?: RegExp) {
  expect(res.status).toBe(401);
  const body = ApiErrorSchema.strict().parse(res.body);
  expect(body.error.code).toBe('unauthorized');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (message) expect(body.error.message).toMatch(message);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+:\d+|node_modules|\.ts\b/);
}

test('the control: a valid token of a member reads the roster', async () => {
  const res = await getWith({ authorization: `Bearer ${await server.tokenFor(claims())}` });

  expect(res.status).toBe(200);
});

describe('a request without a usable bearer token', () => {
  test.each([
    '/api/me',
    teamPath(DEMO_TEAM.teamId),
    membersPath,
    teamPath(DEMO_TEAM.teamId, '/compact'),
  ])('without a token, %s answers 401 unauthorized', async (path) => {
    expectUnauthorized(await getWith({}, path), /bearer token/);
  });

  test.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['the scheme alone', 'Bearer'],
    ['an empty token', 'Bearer '],
    ['two tokens', 'Bearer abc.def.ghi abc.def.ghi'],
    ['characters no JWT has', 'Bearer abc.def.ghi<script>'],
    ['a token that is not a JWT', 'Bearer not-a-jwt'],
    ['three parts of garbage', 'Bearer aaa.bbb.ccc'],
  ])('a malformed Authorization header (%s) answers 401', async (_name, header) => {
    expectUnauthorized(await getWith({ authorization: header }));
  });
});

describe('a token that must not be trusted', () => {
  test('signed by a key the server does not trust (same kid) is refused', async () => {
    const forger = await newSigningKey(server.issuerKey.kid);

    const res = await getWith({ authorization: `Bearer ${await signToken(forger, claims())}` });

    expectUnauthorized(res, /not valid/);
  });

  test('signed by an unknown key id is refused', async () => {
    const forger = await newSigningKey();

    expectUnauthorized(
      await getWith({ authorization: `Bearer ${await signToken(forger, claims())}` }),
    );
  });

  test("a real token whose payload was swapped for the owner's is refused", async () => {
    const [header, , signature] = (await server.tokenFor(claims())).split('.');
    const [, ownerPayload] = (
      await server.tokenFor(claims({ userId: DEMO_OWNER.userId, name: DEMO_OWNER.name }))
    ).split('.');

    const res = await getWith({ authorization: `Bearer ${header}.${ownerPayload}.${signature}` });

    expectUnauthorized(res, /not valid/);
  });

  test('an unsigned token (alg: none) is refused', async () => {
    const token = unsignedToken({ tenantId: DEMO_TEAM.tenantId, userId: member.userId });

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }));
  });

  test("an HS256 token keyed with the issuer's public key is refused", async () => {
    const token = await hmacToken(server.issuerKey, {
      tenantId: DEMO_TEAM.tenantId,
      userId: member.userId,
    });

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /not valid/);
  });

  test('a token expired for longer than the 60 s clock skew is refused as expired', async () => {
    const token = await server.tokenFor(claims({ expiresIn: -120 }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /expired/);
  });

  test('a token that expired within the 60 s clock skew is still accepted', async () => {
    const token = await server.tokenFor(claims({ expiresIn: -20 }));

    expect((await getWith({ authorization: `Bearer ${token}` })).status).toBe(200);
  });

  test('a token for another audience is refused', async () => {
    const token = await server.tokenFor(claims({ audience: guid() }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /not valid/);
  });

  test('a token whose issuer is another tenant than its tid is refused', async () => {
    const token = await server.tokenFor(claims({ issuer: entraIssuer(guid()) }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /not valid/);
  });

  test('a token from a v1 issuer of the right tenant is refused', async () => {
    const token = await server.tokenFor(
      claims({ issuer: `https://sts.windows.net/${DEMO_TEAM.tenantId}/` }),
    );

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }));
  });

  test('a token without the access_as_user scope is refused', async () => {
    const token = await server.tokenFor(claims({ scope: 'User.Read openid profile' }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /access_as_user/);
  });

  test('a token with no scope claim at all is refused', async () => {
    const token = await server.tokenFor(claims({ scope: undefined }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /access_as_user/);
  });

  test('a scope that only contains the name is not the scope', async () => {
    const token = await server.tokenFor(claims({ scope: 'access_as_user_admin' }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /access_as_user/);
  });

  test('access_as_user among other scopes is accepted', async () => {
    const token = await server.tokenFor(claims({ scope: 'User.Read access_as_user' }));

    expect((await getWith({ authorization: `Bearer ${token}` })).status).toBe(200);
  });

  test('a token whose tid is not a GUID is refused', async () => {
    const token = await server.tokenFor(
      claims({ tenantId: 'common', issuer: entraIssuer('common') }),
    );

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /tenant/);
  });

  test('a token without oid is refused, even with a sub', async () => {
    const token = await server.tokenFor(claims({ extra: { oid: undefined } }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }));
  });

  test('a token whose oid is not a GUID is refused', async () => {
    const token = await server.tokenFor(claims({ userId: 'ana@northwind.example' }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /user id/);
  });

  test('a token used before its nbf (beyond the skew) is refused', async () => {
    const token = await server.tokenFor(claims({ extra: { nbf: tokenNow() + 600 } }));

    expectUnauthorized(await getWith({ authorization: `Bearer ${token}` }), /not valid/);
  });
});

test('a run of refused tokens changes nothing: the roster and /api/me stay as they were', async () => {
  const before = await storedRoster(server, demoRef);
  const forger = await newSigningKey(server.issuerKey.kid);
  const attempts = [
    await signToken(forger, claims({ userId: guid() })),
    await server.tokenFor(claims({ userId: guid(), expiresIn: -600 })),
    await server.tokenFor(claims({ scope: 'User.Read' })),
    unsignedToken({ tenantId: DEMO_TEAM.tenantId, userId: guid() }),
  ];

  for (const token of attempts) {
    for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
      const res = await call(`${server.url}${membersPath}`, {
        method,
        token,
        body: method === 'GET' ? undefined : { role: 'owner' },
      });
      expect(res.status).toBe(401);
    }
  }

  expect(await storedRoster(server, demoRef)).toEqual(before);
  const me = await call(`${server.url}/api/me`, { token: await server.tokenFor(claims()) });
  expect(MeResSchema.parse(me.body).data.teams).toEqual([
    { id: DEMO_TEAM.teamId, name: DEMO_TEAM.name, role: 'member' },
  ]);
});
