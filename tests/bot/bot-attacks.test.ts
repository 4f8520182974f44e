import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { start, type RunningServer } from '../../src/main';
import { createServices } from '../../src/services';
import { createTableStorage } from '../../src/store';
import {
  hmacConnectorToken,
  signConnectorToken,
  startBotAuthority,
  unsignedConnectorToken,
  type ConnectorClaims,
  type LocalBotAuthority,
} from '../support/bot-authority';
import { startBotHarness } from '../support/bot-harness';
import { freePort } from '../support/free-port';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { runningClock, tablePorts } from '../support/storage';
import {
  botAddedToTeam,
  buildAccount,
  buildTeam,
  membersAddedToTeam,
  membersRemovedFromTeam,
  messageActionFetchTask,
  postActivity,
} from '../support/teams-activities';
import { guid, newSigningKey, type SigningKey } from '../support/tokens';

// The Bot Connector's token, checked by botbuilder's own code, offline: Mutual runs in teams mode
// with its bot's key source pointed (through the `botAuthority` test seam of `start`) at a local
// OpenID document whose JWKS holds keys made here. A correctly signed token must make the bot act;
// each attack must be refused with 401 / 403, reach no handler, store nothing and send nothing.
//
// The bot's effects used as evidence need no outbound call: replying through the connector would
// first need a token from Entra, which is not reachable offline. So "the bot acted" is seen as
// (1) a member removed from the stored roster after a `teamMemberRemoved` event, and (2) the
// "Ask for help" form answered to a `composeExtension/fetchTask` invoke.

const APP_ID = guid();
const APP_TENANT = guid();

let server: RunningServer;
let url: string;
let connector: FakeConnector;
let authority: LocalBotAuthority;
let dataDir: string;
let services: ReturnType<typeof createServices>;
let ports: ReturnType<typeof tablePorts>;
const logs: string[] = [];

/** Published and endorsed for Teams: the Bot Connector's real key, as far as Mutual knows. */
let teamsKey: SigningKey;
/** Published, but endorsed only for Web Chat. */
let webChatKey: SigningKey;
/** Nobody publishes it. */
let strangerKey: SigningKey;
/** Nobody publishes it either, but it claims the trusted key's id. */
let impostorKey: SigningKey;

const teamsEnv = (overrides: Record<string, string> = {}) => ({
  MUTUAL_MODE: 'teams',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  TAB_ENDPOINT: 'https://mutual.test.example',
  AZURE_STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
  MICROSOFT_APP_ID: APP_ID,
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TYPE: 'SingleTenant',
  MICROSOFT_APP_TENANT_ID: APP_TENANT,
  AAD_APP_CLIENT_ID: guid(),
  ...overrides,
});

beforeAll(async () => {
  // botbuilder prints every refused token's error to stderr; keep the output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  [teamsKey, webChatKey, strangerKey] = await Promise.all([
    newSigningKey(),
    newSigningKey(),
    newSigningKey(),
  ]);
  impostorKey = await newSigningKey(teamsKey.kid);
  authority = await startBotAuthority([
    { key: teamsKey, endorsements: ['msteams', 'skype'] },
    { key: webChatKey, endorsements: ['webchat'] },
  ]);
  connector = await startFakeConnector();
  dataDir = mkdtempSync(join(tmpdir(), 'mutual-attacks-'));
  const tablePrefix = `k${randomBytes(5).toString('hex')}`;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const clock = runningClock();
  server = await start(
    loadConfig(teamsEnv({ PORT: String(port), STORAGE_TABLE_PREFIX: tablePrefix })),
    {
      clock,
      log: (message) => logs.push(message),
      botAuthority: authority.settings,
    },
  );
  ports = tablePorts(
    createTableStorage({ connectionString: inject('storageConnectionString'), tablePrefix }),
    clock,
  );
  services = createServices(ports);
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  await authority?.close();
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** The claims of a token the Bot Connector would send for an activity addressed to `serviceUrl`. */
const claimsFor = (overrides: Partial<ConnectorClaims> = {}): ConnectorClaims => ({
  issuer: authority.issuer,
  audience: APP_ID,
  serviceUrl: connector.url,
  ...overrides,
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A team Mutual is installed in (arranged through the services), with an owner and a member. */
async function installedTeam() {
  const team = buildTeam();
  const owner = buildAccount();
  const member = buildAccount();
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  await services.registerInstallation({
    ref,
    name: team.name,
    channel: { serviceUrl: connector.url, conversationId: team.teamId },
    installedBy: owner.aadObjectId,
    roster: [owner, member].map((a) => ({
      userId: a.aadObjectId!,
      name: a.name,
      email: a.email ?? '',
      botUserId: a.id,
    })),
  });
  const isActive = async () => (await ports.members.get(ref, member.aadObjectId!))?.value.active;
  return { team, owner, member, isActive };
}

/** `teamMemberRemoved` for the member: if the bot acts, the member loses access in storage. */
async function removeMember(
  headers: Record<string, string>,
  change: (activity: Record<string, unknown>) => Record<string, unknown> = (a) => a,
) {
  const arranged = await installedTeam();
  const activity = membersRemovedFromTeam({
    serviceUrl: connector.url,
    team: arranged.team,
    from: arranged.owner,
    members: [arranged.member],
  });
  const res = await postActivity(url, change(activity), headers);
  return { ...res, ...arranged };
}

/** The "Ask for help" message action: if the bot acts, the answer is its form. */
async function openAskForHelp(
  headers: Record<string, string>,
  change: (activity: Record<string, unknown>) => Record<string, unknown> = (a) => a,
) {
  const activity = messageActionFetchTask({
    serviceUrl: connector.url,
    team: buildTeam(),
    from: buildAccount(),
    commandId: 'askForHelp',
    message: { html: '<p>How do I rotate the keys?</p>', authorName: 'Ana' },
  });
  return postActivity(url, change(activity), headers);
}

const handlerRan = () =>
  logs.some((m) => m === 'roster: members removed' || m === 'bot: turn failed');

describe('control: a token the Bot Connector would send', () => {
  test('makes the bot act on a roster event: the removed member loses access', async () => {
    const res = await removeMember(bearer(await signConnectorToken(teamsKey, claimsFor())));

    expect(res.status).toBe(200);
    expect(await res.isActive()).toBe(false);
    expect(logs).toContain('roster: members removed');
    expect(authority.keyReads).toBeGreaterThan(0);
  });

  test('makes the bot answer an invoke: the "Ask for help" form comes back', async () => {
    const res = await openAskForHelp(bearer(await signConnectorToken(teamsKey, claimsFor())));

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      task: { type: 'continue', value: { title: 'Ask for help' } },
    });
  });

  test('is accepted within the five-minute clock skew after expiry', async () => {
    const token = await signConnectorToken(teamsKey, claimsFor({ expiresIn: -60 }));

    const res = await removeMember(bearer(token));

    expect(res.status).toBe(200);
    expect(await res.isActive()).toBe(false);
  });
});

/** Each attack: how it builds its request headers (and, for some, bends the activity). */
interface Attack {
  name: string;
  headers: () => Promise<Record<string, string>>;
  change?: (activity: Record<string, unknown>) => Record<string, unknown>;
  /** 401 unless the activity is refused for its channel, before any token check. */
  status?: 403;
}

/** What a refused request gets back: a status and nothing that helps the attacker. */
const REFUSAL = {
  401: 'Unauthorized.',
  403: { error: { code: 'forbidden', message: 'Mutual only takes activities from Teams.' } },
} as const;

const attacks: Attack[] = [
  { name: 'no Authorization header', headers: async () => ({}) },
  {
    name: 'a scheme other than Bearer',
    headers: async () => ({
      authorization: `Basic ${await signConnectorToken(teamsKey, claimsFor())}`,
    }),
  },
  { name: 'a token that is not a JWT', headers: async () => bearer('not.a.token') },
  {
    name: '`alg: none` (unsigned, naming the trusted key)',
    headers: async () => bearer(unsignedConnectorToken(teamsKey.kid, claimsFor())),
  },
  {
    name: 'forged signature (an untrusted key using the trusted key id)',
    headers: async () => bearer(await signConnectorToken(impostorKey, claimsFor())),
  },
  {
    name: 'HS256 keyed with the trusted public key (algorithm confusion)',
    headers: async () => bearer(await hmacConnectorToken(teamsKey, claimsFor())),
  },
  {
    name: 'unknown key id',
    headers: async () => bearer(await signConnectorToken(strangerKey, claimsFor())),
  },
  {
    name: 'wrong issuer',
    headers: async () =>
      bearer(await signConnectorToken(teamsKey, claimsFor({ issuer: 'https://attacker.example' }))),
  },
  {
    name: 'wrong audience (a token for another bot)',
    headers: async () =>
      bearer(await signConnectorToken(teamsKey, claimsFor({ audience: guid() }))),
  },
  {
    name: 'expired beyond the five-minute clock skew',
    headers: async () =>
      bearer(await signConnectorToken(teamsKey, claimsFor({ expiresIn: -10 * 60 }))),
  },
  {
    name: 'not yet valid beyond the clock skew',
    headers: async () =>
      bearer(await signConnectorToken(teamsKey, claimsFor({ notBefore: 10 * 60 }))),
  },
  {
    name: '`serviceurl` claim differs from the activity’s serviceUrl',
    headers: async () =>
      bearer(
        await signConnectorToken(
          teamsKey,
          claimsFor({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }),
        ),
      ),
  },
  {
    name: 'a valid token replayed on an activity pointing at another serviceUrl',
    headers: async () => bearer(await signConnectorToken(teamsKey, claimsFor())),
    change: (a) => ({ ...a, serviceUrl: 'http://127.0.0.1:9/attacker/' }),
  },
  {
    name: 'a key not endorsed for the msteams channel',
    headers: async () => bearer(await signConnectorToken(webChatKey, claimsFor())),
  },
  {
    name: 'a Web Chat token on an activity that says it came from Web Chat',
    headers: async () => bearer(await signConnectorToken(webChatKey, claimsFor())),
    change: (a) => ({ ...a, channelId: 'webchat' }),
    status: 403,
  },
  {
    name: 'a Web Chat token on an activity with no channel (skips botbuilder’s endorsement check)',
    headers: async () => bearer(await signConnectorToken(webChatKey, claimsFor())),
    change: (a) => ({ ...a, channelId: '' }),
    status: 403,
  },
];

describe('attacks on /api/messages', () => {
  test.each(attacks)('$name: refused on a roster event, nothing stored or sent', async (attack) => {
    logs.length = 0;
    connector.clear();
    const status = attack.status ?? 401;

    const res = await removeMember(await attack.headers(), attack.change);

    expect(res.status).toBe(status);
    expect(res.body).toEqual(REFUSAL[status]);
    expect(await res.isActive()).toBe(true);
    expect(handlerRan()).toBe(false);
    expect(connector.requests).toEqual([]);
    // A refused token's reason is logged, not answered.
    if (status === 401) expect(logs).toContain('bot: request refused');
  });

  test.each(attacks)('$name: refused on an invoke, no form answered', async (attack) => {
    const status = attack.status ?? 401;

    const res = await openAskForHelp(await attack.headers(), attack.change);

    expect(res.status).toBe(status);
    expect(res.body).toEqual(REFUSAL[status]);
  });
});

describe('an oversized activity', () => {
  test('is refused with 413 before botbuilder sees it, even with a valid token', async () => {
    logs.length = 0;
    const token = await signConnectorToken(teamsKey, claimsFor());

    const res = await removeMember(bearer(token), (a) => ({ ...a, text: 'x'.repeat(300_000) }));

    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'too_large' } });
    expect(await res.isActive()).toBe(true);
    expect(handlerRan()).toBe(false);
  });
});

describe('start-up in teams mode', () => {
  test.each(['', '   '])('refuses MICROSOFT_APP_ID=%j, naming it', (appId) => {
    let problems: readonly string[] = [];
    try {
      loadConfig(teamsEnv({ MICROSOFT_APP_ID: appId }));
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
      else throw error;
    }
    expect(problems.some((p) => p.startsWith('MICROSOFT_APP_ID is not set'))).toBe(true);
  });

  test('refuses a teams configuration whose bot app id is empty, even when built by hand', async () => {
    // MultiTenant: the one app type for which botbuilder itself would accept an empty id (and
    // then check no token at all).
    const config = loadConfig(
      teamsEnv({ PORT: '0', MICROSOFT_APP_TYPE: 'MultiTenant', STORAGE_TABLE_PREFIX: 'neverused' }),
    );
    const withoutBotId = { ...config, bot: { ...config.bot, appId: '' } };

    await expect(start(withoutBotId, { log: () => {} })).rejects.toThrow(
      /MICROSOFT_APP_ID is not set/,
    );
  });
});

describe('a system event the bot fails to handle', () => {
  test('answers 5xx so Teams retries, with no internal message in the body', async () => {
    // Local mode (no outbound token needed): a member the connector does not know makes the
    // roster event fail with the connector's own error text.
    const h = await startBotHarness();
    try {
      const team = buildTeam();
      expect((await h.install(team, [buildAccount(), buildAccount()])).status).toBe(200);

      const res = await h.send(
        membersAddedToTeam({ serviceUrl: h.connector.url, team, members: [buildAccount()] }),
      );

      expect(res.status).toBe(500);
      expect(res.body).toBe('Mutual could not handle this activity.');
      expect(h.server.logs.map((l) => l.fields?.error)).toContain('The member is not found.');
    } finally {
      await h.stop();
    }
  });
});

describe('the body’s charset', () => {
  test('an authenticated activity in UTF-16 is refused with 415 and reaches no handler', async () => {
    const arranged = await installedTeam();
    const activity = membersRemovedFromTeam({
      serviceUrl: connector.url,
      team: arranged.team,
      from: arranged.owner,
      members: [arranged.member],
    });
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-16le',
        ...bearer(await signConnectorToken(teamsKey, claimsFor())),
      },
      body: Buffer.from(JSON.stringify(activity), 'utf16le'),
    });
    expect(res.status).toBe(415);
    expect(await res.text()).toMatch(/UTF-8/);
    expect(await arranged.isActive()).toBe(true);
  });
});

describe('ALLOWED_TENANTS', () => {
  test('the bot drops activities of other tenants, answering as Teams expects and storing nothing', async () => {
    const allowedTeam = buildTeam();
    const outsideTeam = buildTeam();
    const port = await freePort();
    const tablePrefix = `k${randomBytes(5).toString('hex')}`;
    const clock = runningClock();
    const seen: string[] = [];
    const gated = await start(
      loadConfig(
        teamsEnv({
          PORT: String(port),
          STORAGE_TABLE_PREFIX: tablePrefix,
          ALLOWED_TENANTS: allowedTeam.tenantId,
        }),
      ),
      { clock, log: (message) => seen.push(message), botAuthority: authority.settings },
    );
    const gatedPorts = tablePorts(
      createTableStorage({ connectionString: inject('storageConnectionString'), tablePrefix }),
      clock,
    );
    try {
      const gatedUrl = `http://127.0.0.1:${port}`;
      const headers = bearer(await signConnectorToken(teamsKey, claimsFor()));
      const owner = buildAccount();
      for (const team of [allowedTeam, outsideTeam]) connector.setRoster(team.teamId, [owner]);
      // Installing in a team of another tenant: 200 (Teams does not retry), nothing stored.
      const install = (team: typeof allowedTeam) =>
        postActivity(
          gatedUrl,
          botAddedToTeam({ serviceUrl: connector.url, team, from: owner }),
          headers,
        );
      expect((await install(outsideTeam)).status).toBe(200);
      const ref = (team: typeof allowedTeam) => ({
        tenantId: team.tenantId,
        teamId: team.teamId,
      });
      expect(await gatedPorts.teams.get(ref(outsideTeam))).toBeUndefined();
      expect(seen).toContain('bot: activity from a tenant outside ALLOWED_TENANTS dropped');

      // An invoke from another tenant gets an invoke response that says no, not the form.
      const invoke = messageActionFetchTask({
        serviceUrl: connector.url,
        team: outsideTeam,
        from: owner,
        commandId: 'askForHelp',
        message: { html: '<p>Hi</p>', authorName: 'Ana' },
      });
      const refused = await postActivity(gatedUrl, invoke, headers);
      const tenantOf = (team: typeof allowedTeam) => ({
        conversation: { ...invoke.conversation, tenantId: team.tenantId },
        channelData: { ...invoke.channelData, tenant: { id: team.tenantId } },
      });
      expect(refused.status).toBe(403);
      expect(JSON.stringify(refused.body)).toMatch(/not available for your organisation/);

      // The allowed tenant still gets the form.
      const allowed = await postActivity(
        gatedUrl,
        { ...invoke, ...tenantOf(allowedTeam) },
        headers,
      );
      expect(allowed.status).toBe(200);
      expect(allowed.body).toMatchObject({ task: { value: { title: 'Ask for help' } } });
    } finally {
      await gated.stop();
    }
  });
});
