import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config';
import type { TeamRef } from '../../src/core/team/team';
import { start } from '../../src/main';
import { createServices } from '../../src/services';
import { createTableStorage } from '../../src/store';
import { runningClock, tablePorts, type TestClock } from './storage';
import { devIssuerKey, signToken, type SigningKey, type TokenClaims } from './tokens';

export interface TestServer {
  url: string;
  dataDir: string;
  tablePrefix: string;
  /** Ports and services over the server's own tables, to arrange data and look behind the API. */
  ports: ReturnType<typeof tablePorts>;
  services: ReturnType<typeof createServices>;
  /** The dev issuer's key: tokens it signs are valid for this server. */
  issuerKey: SigningKey;
  /** A valid token for a user of a tenant (claims may be bent). */
  tokenFor(claims: TokenClaims): Promise<string>;
  /** The time the server runs on: starts at TEST_NOW (or the test's choice) and can be moved. */
  clock: TestClock;
  /** One scheduler tick now: after moving the clock, instead of waiting for the next interval. */
  runDueJobs(): Promise<unknown>;
  /** The lines the server logged, for assertions on what it reports. */
  logs: { message: string; fields: Record<string, unknown> | undefined }[];
  stop(): Promise<void>;
}

/**
 * The real server in local mode, in-process, on a free loopback port, over the shared emulator
 * with tables of its own (so the demo team is seeded afresh for each server).
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { clock?: TestClock } = {},
): Promise<TestServer> {
  const clock = options.clock ?? runningClock();
  const dataDir = mkdtempSync(join(tmpdir(), 'mutual-test-'));
  const tablePrefix = `a${randomBytes(5).toString('hex')}`;
  const connectionString = inject('storageConnectionString');
  const logs: TestServer['logs'] = [];
  const running = await start(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      AZURE_STORAGE_CONNECTION_STRING: connectionString,
      STORAGE_TABLE_PREFIX: tablePrefix,
      ...env,
    }),
    { log: (message, fields) => logs.push({ message, fields }), clock },
  );
  const ports = tablePorts(createTableStorage({ connectionString, tablePrefix }), clock);
  const issuerKey = await devIssuerKey(dataDir);
  return {
    url: running.url,
    dataDir,
    tablePrefix,
    ports,
    services: createServices(ports),
    issuerKey,
    tokenFor: (claims) => signToken(issuerKey, claims),
    clock,
    runDueJobs: () => running.runDueJobs(),
    logs,
    async stop() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  contentType: string;
}

/** A JSON request to the server; answers the status and the parsed body (text if not JSON). */
export async function call<T = unknown>(
  url: string,
  options: {
    method?: string;
    token?: string;
    headers?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (typeof options.body === 'string') body = options.body;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined && !('content-type' in headers))
    headers['content-type'] = 'application/json';
  const res = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (contentType.includes('json') && text !== '') parsed = JSON.parse(text) as unknown;
  return { status: res.status, body: parsed as T, contentType };
}

/** The path of a team's API resource (Teams thread ids need encoding). */
export const teamPath = (teamId: string, rest = '') =>
  `/api/teams/${encodeURIComponent(teamId)}${rest}`;

/** Members as stored (active or not), by user id: what the API would show once access allows. */
export async function storedRoster(server: TestServer, ref: TeamRef) {
  const rows = await server.ports.members.list(ref);
  return rows
    .map((r) => ({ userId: r.value.userId, role: r.value.role, active: r.value.active }))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}
