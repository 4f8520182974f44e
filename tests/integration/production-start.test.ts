import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/local/emulator';
import { processClockEnv } from '../support/clock';
import { tokenNow } from '../support/tokens';

// The production server as App Service runs it: what `npm run build` leaves in dist/ (all that is
// deployed: no node_modules, no sources), started with the Bicep file's command and only its app
// settings; storage reached with a managed identity's token (no key anywhere), JSON logs on stdout.

const ROOT = resolve(import.meta.dirname, '..', '..');
const TAB_INDEX = join(ROOT, 'dist', 'tab', 'index.html');
const SERVER = join(ROOT, 'dist', 'server', 'main.mjs');

/** The web app's start command, as infra/azure.bicep sets it. */
function appServiceCommand(): string[] {
  const bicep = readFileSync(join(ROOT, 'infra', 'azure.bicep'), 'utf8');
  const command = /appCommandLine: '([^']+)'/.exec(bicep)?.[1];
  if (!command) throw new Error('infra/azure.bicep sets no appCommandLine');
  return command.split(' ');
}

function requireBuild() {
  for (const built of [TAB_INDEX, SERVER])
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
}

/**
 * A copy of dist/ alone in a folder of its own, as the zip deploy leaves it on the web app, reached
 * through a link (as a mounted package may be): the server must still know it is the program.
 */
function stageSite(dir: string): string {
  requireBuild();
  const files = join(dir, 'package');
  cpSync(join(ROOT, 'dist'), files, { recursive: true });
  const site = join(dir, 'wwwroot');
  symlinkSync(files, site);
  return site;
}
const TENANT = '22222222-2222-4222-8222-222222222222';

/**
 * What every process needs to run npm, and nothing of this machine's Mutual settings; the
 * process clock is inherited, so the server and this test's identity endpoint agree on the time.
 */
const baseEnv = () => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmpdir(),
  TZ: 'UTC',
  ...processClockEnv(),
});

interface Running {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/**
 * Starts a command (by default `npm run start:prod` here) in its own process group, so stopping it
 * stops node too.
 */
function startProd(
  env: Record<string, string>,
  commandLine: string[] = ['npm', 'run', '-s', 'start:prod'],
  cwd = ROOT,
): Running {
  const [command = 'npm', ...args] = commandLine;
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => lines.push(line));
  createInterface({ input: child.stderr! }).on('line', (line) => lines.push(`stderr: ${line}`));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, lines, exited };
}

/** SIGTERM to the process group, then SIGKILL if it has not stopped within 5 s. */
async function stopProd(running: Running) {
  const pid = running.child.pid;
  if (running.child.exitCode !== null || pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await running.exited;
  clearTimeout(timer);
}

/** Waits until a line matches, or fails with everything the process printed. */
async function waitForLine(running: Running, match: (line: string) => boolean, ms = 45_000) {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    const found = running.lines.find(match);
    if (found) return found;
    if (running.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no such line; the server printed:\n${running.lines.join('\n')}`);
}

/** A throwaway certificate for 127.0.0.1, so the emulator speaks https as Azure Storage does. */
function selfSignedCertificate(dir: string) {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', keyFile, '-out', certFile,
    ], // prettier-ignore
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * App Service's managed identity endpoint (IDENTITY_ENDPOINT + IDENTITY_HEADER): hands out storage
 * tokens to a caller that shows the header, and remembers what was asked.
 */
async function startIdentityEndpoint(secret: string) {
  const asked: { resource: string | null; header: string | undefined }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const header = req.headers['x-identity-header'] as string | undefined;
    asked.push({ resource: url.searchParams.get('resource'), header });
    if (header !== secret) {
      res.writeHead(401).end();
      return;
    }
    const now = tokenNow();
    const token = [
      base64url({ typ: 'JWT', alg: 'RS256' }),
      base64url({
        aud: 'https://storage.azure.com',
        iss: `https://sts.windows.net/${TENANT}/`,
        iat: now - 60,
        nbf: now - 60,
        exp: now + 3600,
        oid: '44444444-4444-4444-8444-444444444444',
        tid: TENANT,
      }),
      // The emulator checks issuer, audience and lifetime, not the signature.
      'c2lnbmF0dXJl',
    ].join('.');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: token,
        expires_on: String(now + 3600),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: '55555555-5555-4555-8555-555555555555',
      }),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/msi/token`, asked, server };
}

/** Application Insights' ingestion endpoint: collects the envelopes posted to /v2/track. */
async function startIngestion() {
  const envelopes: { name: string; iKey: string; data: { baseData: { message: string } } }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/v2/track') envelopes.push(...(JSON.parse(body) as typeof envelopes));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, envelopes, server };
}

const teamsSettings = {
  MICROSOFT_APP_ID: '11111111-1111-4111-8111-111111111111',
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TYPE: 'SingleTenant',
  MICROSOFT_APP_TENANT_ID: TENANT,
  AAD_APP_CLIENT_ID: '33333333-3333-4333-8333-333333333333',
};

describe('npm run start:prod', () => {
  it('refuses to start without its settings, listing every one that is missing', async () => {
    requireBuild();
    const running = startProd(baseEnv());
    expect(await running.exited).toBe(1);
    const printed = running.lines.join('\n');
    expect(printed).toContain('Mutual cannot start:');
    for (const name of [
      'MICROSOFT_APP_ID',
      'MICROSOFT_APP_PASSWORD',
      'MICROSOFT_APP_TENANT_ID',
      'AAD_APP_CLIENT_ID',
      'TAB_ENDPOINT',
      'AZURE_STORAGE_ACCOUNT_NAME',
    ])
      expect(printed).toMatch(new RegExp(`- ${name} is not set \\(`));
  });

  it('names a setting that is there but wrong, and keeps storage tokens off plain http', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutual-prod-'));
    const running = startProd(
      {
        ...baseEnv(),
        ...teamsSettings,
        TAB_ENDPOINT: 'https://mutual.example.com',
        AZURE_STORAGE_ACCOUNT_NAME: 'mutualprod',
        AZURE_STORAGE_TABLE_ENDPOINT: 'http://mutualprod.table.core.windows.net',
        NODE_ENV: 'production',
      },
      appServiceCommand(),
      stageSite(dir),
    );
    expect(await running.exited).toBe(1);
    rmSync(dir, { recursive: true, force: true });
    expect(running.lines.join('\n')).toContain('AZURE_STORAGE_TABLE_ENDPOINT must be an https URL');
  });

  describe('with its settings, storage by managed identity', () => {
    let dir: string;
    let emulator: RunningEmulator;
    let identity: Awaited<ReturnType<typeof startIdentityEndpoint>>;
    let ingestion: Awaited<ReturnType<typeof startIngestion>>;
    let running: Running;
    let base: string;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mutual-prod-'));
      const site = stageSite(dir);
      const tls = selfSignedCertificate(dir);
      emulator = await startEmulator({ tls });
      const secret = randomBytes(16).toString('hex');
      identity = await startIdentityEndpoint(secret);
      ingestion = await startIngestion();
      running = startProd(
        {
          ...baseEnv(),
          ...teamsSettings,
          // A free port, taken by the server itself and read back from its start-up record.
          PORT: '0',
          HOST: '127.0.0.1',
          TAB_ENDPOINT: 'https://mutual.example.com',
          STORAGE_TABLE_PREFIX: `p${randomBytes(5).toString('hex')}`,
          AZURE_STORAGE_ACCOUNT_NAME: 'devstoreaccount1',
          AZURE_STORAGE_TABLE_ENDPOINT: emulator.tableUrl,
          AZURE_STORAGE_QUEUE_ENDPOINT: emulator.queueUrl,
          // What App Service gives a web app with a managed identity, and trust in the emulator's
          // certificate.
          IDENTITY_ENDPOINT: identity.url,
          IDENTITY_HEADER: secret,
          NODE_EXTRA_CA_CERTS: tls.certFile,
          AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
          APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=ikey-1;IngestionEndpoint=${ingestion.url}/`,
          // App Service's NODE_ENV app setting (infra/azure.bicep).
          NODE_ENV: 'production',
        },
        appServiceCommand(),
        site,
      );
      const started = await waitForLine(running, (line) => line.includes('Mutual is running'));
      base = `http://127.0.0.1:${(JSON.parse(started) as { port: number }).port}`;
    });

    afterAll(async () => {
      if (running) await stopProd(running);
      await emulator?.stop();
      await new Promise((done) => identity?.server.close(done));
      await new Promise((done) => ingestion?.server.close(done));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('reaches storage with the identity’s token and reports healthy', async () => {
      const response = await fetch(`${base}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        mode: 'teams',
        storage: 'ok',
        queue: { state: 'ok' },
      });
      expect(identity.asked.length).toBeGreaterThan(0);
      expect(identity.asked.every((a) => a.resource === 'https://storage.azure.com')).toBe(true);
    });

    it('serves the built tab with its security headers, and its scripts', async () => {
      const response = await fetch(`${base}/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
      expect(response.headers.get('strict-transport-security')).toContain('max-age');
      const html = await response.text();
      expect(html).toBe(readFileSync(TAB_INDEX, 'utf8'));
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script!, base));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      // A page of the tab reloaded in place is the tab too.
      expect((await fetch(`${base}/pairings`)).status).toBe(200);
    });

    it('refuses the API and the bot without a verified token', async () => {
      expect((await fetch(`${base}/api/me`)).status).toBe(401);
      const bot = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', channelId: 'msteams', text: 'hi' }),
      });
      expect(bot.status).toBe(401);
    });

    it('logs one JSON object per line, without the secrets it was given', () => {
      const out = running.lines.filter((line) => !line.startsWith('stderr: '));
      expect(out.length).toBeGreaterThan(0);
      for (const line of out) {
        const record = JSON.parse(line) as { time: string; message: string };
        expect(Date.parse(record.time)).not.toBeNaN();
        expect(typeof record.message).toBe('string');
      }
      expect(running.lines.join('\n')).not.toContain(teamsSettings.MICROSOFT_APP_PASSWORD);
    });

    it('sends the same records to Application Insights', async () => {
      // The sink sends every 5 s; wait for the start-up record rather than a fixed time.
      const deadline = performance.now() + 12_000;
      const startRecord = () =>
        ingestion.envelopes.find((e) => e.data.baseData.message.includes('Mutual is running'));
      while (!startRecord() && performance.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(startRecord()).toMatchObject({
        name: 'Microsoft.ApplicationInsights.Message',
        iKey: 'ikey-1',
      });
    });
  });
});
