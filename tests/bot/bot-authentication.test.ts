import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import { start, type RunningServer } from '../../src/main';
import { createTablePorts, createTableStorage } from '../../src/store';
import { freePort } from '../support/free-port';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { runningClock } from '../support/storage';
import {
  botAddedToTeam,
  buildAccount,
  buildTeam,
  personalMessage,
  postActivity,
} from '../support/teams-activities';
import { guid } from '../support/tokens';

// Outside local mode the Bot Connector's token is required: CloudAdapter must refuse an activity
// before any handler runs. This suite runs against Microsoft's real key endpoints (unreachable
// offline), so it tries only the missing token; bot-attacks.test.ts points the bot at locally
// generated keys and tries signed, forged and bent tokens.

let server: RunningServer;
let connector: FakeConnector;
let dataDir: string;
let ports: ReturnType<typeof createTablePorts>;
let loopbackUrl: string;

beforeAll(async () => {
  // CloudAdapter prints every refused request's stack to stderr; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dataDir = mkdtempSync(join(tmpdir(), 'mutual-teams-'));
  const connectionString = inject('storageConnectionString');
  const tablePrefix = `b${randomBytes(5).toString('hex')}`;
  connector = await startFakeConnector();
  const port = await freePort();
  loopbackUrl = `http://127.0.0.1:${port}`;
  const clock = runningClock();
  server = await start(
    loadConfig({
      MUTUAL_MODE: 'teams',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      TAB_ENDPOINT: 'https://mutual.test.example',
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      STORAGE_TABLE_PREFIX: tablePrefix,
      MICROSOFT_APP_ID: guid(),
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: guid(),
      AAD_APP_CLIENT_ID: guid(),
    }),
    { log: () => {}, clock },
  );
  ports = createTablePorts(createTableStorage({ connectionString, tablePrefix }), clock);
});

afterAll(async () => {
  await server?.stop();
  await connector?.close();
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

test('with bot credentials configured, an activity without a token is 401 and the bot does nothing', async () => {
  const team = buildTeam();
  const roster = [buildAccount()];
  connector.setRoster(team.teamId, roster);

  const res = await postActivity(
    loopbackUrl,
    botAddedToTeam({ serviceUrl: connector.url, team, from: roster[0]! }),
  );

  expect(res.status).toBe(401);
  expect(connector.requests).toEqual([]);
  expect(await ports.teams.get({ tenantId: team.tenantId, teamId: team.teamId })).toBeUndefined();
});

test('with bot credentials configured, a message without a token gets no reply', async () => {
  const activity = personalMessage({
    serviceUrl: connector.url,
    tenantId: guid(),
    from: buildAccount(),
    text: 'hello',
  });

  const res = await postActivity(loopbackUrl, activity);

  expect(res.status).toBe(401);
  expect(connector.sent).toEqual([]);
});

test('the server in teams mode still answers its health check', async () => {
  const res = await fetch(`${loopbackUrl}/healthz`);

  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    status: 'ok',
    mode: 'teams',
    storage: 'ok',
    queue: { state: 'ok', waiting: expect.any(Number) },
  });
  expect(server.url).toBe('https://mutual.test.example');
});
