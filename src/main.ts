import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DefaultAzureCredential } from '@azure/identity';
import express from 'express';
import { createBot, type BotAuthority } from '../bot/bot-endpoint';
import { cardMessages } from '../bot/cards/messages';
import { createTabLinks } from '../bot/tab-links';
import { connectorChannels } from '../bot/channels';
import { createNotifier } from '../bot/notifier';
import { createApiRouter } from './api/api-router';
import { createTokenVerifier, entraKeys } from './api/auth';
import { errorHandler, notFoundRoute, utf8BodiesOnly } from './api/errors';
import { tabFiles } from './api/tab-files';
import { ConfigError, loadConfig, type Config } from './config';
import type { Clock } from './core/ports';
import { createDevIssuer } from './local/dev-issuer';
import { hostAllowList } from './local/host-allow-list';
import { createAppInsightsSink } from './log/app-insights';
import { createJsonLog, type Log, type LogSink } from './log/json-log';
import { startEmulator, type RunningEmulator } from './local/emulator';
import { createLocalConnector } from './local/local-connector';
import { createNotificationWorker } from './jobs/notify/notification-worker';
import { createScheduler, type TickResult } from './jobs/scheduler';
import { createLocalRoutes, LOCAL_BOT_ID } from './local/local-routes';
import { createSandboxStore } from './local/sandbox-store';
import { seedDemoTeam } from './local/seed-demo-team';
import { createServices } from './services';
import {
  createTablePorts,
  createTableStorage,
  type StorageAccess,
  type TableStorage,
} from './store';

export interface RunningServer {
  url: string;
  port: number;
  /** One scheduler tick now, instead of at the next interval (a test that moved its clock). */
  runDueJobs(): Promise<TickResult>;
  stop(): Promise<void>;
}

// The one place the server reads the machine's clock; everything else is given this.
// eslint-disable-next-line no-restricted-syntax -- the system clock itself
const systemClock: Clock = { now: () => new Date() };
/** The built tab: beside the built server (dist/server/main.mjs), or under dist/ from src/main.ts. */
const TAB_DIR =
  basename(import.meta.dirname) === 'server'
    ? resolve(import.meta.dirname, '..', 'tab')
    : resolve(import.meta.dirname, '..', 'dist', 'tab');

export interface StartOptions {
  log?: Log;
  /**
   * For tests only, and only through this call (no environment variable reaches it): check the Bot
   * Connector's tokens against a local key server instead of Microsoft's. See `createBot`.
   */
  botAuthority?: BotAuthority;
  /**
   * For tests only, through this call: the time the whole server runs on (stores, use cases,
   * scheduler, worker, local connector), so a test chooses the hour, weekday and date.
   */
  clock?: Clock;
}

/**
 * The composition root: storage (the embedded emulator in local mode), stores, services, bot, API,
 * tab and health, on one HTTP server.
 */
export async function start(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // An empty bot app id turns botbuilder's token check off: only local mode may run that way,
  // however the configuration was built.
  if (config.mode !== 'local' && config.bot.appId.trim() === '') {
    throw new ConfigError(['MICROSOFT_APP_ID is not set (the bot registration’s app id)']);
  }
  // Outside local mode, JSON lines on stdout (App Service keeps them) and, when its connection
  // string is set, the same records to Application Insights.
  const insights =
    config.mode !== 'local' && config.appInsightsConnectionString && !options.log
      ? createAppInsightsSink({ connectionString: config.appInsightsConnectionString })
      : undefined;
  const log = options.log ?? createLog(config, insights);
  const clock = options.clock ?? systemClock;
  let emulator: RunningEmulator | undefined;

  try {
    let access: StorageAccess;
    const { connectionString, account } = config.storage;
    if (account) {
      // In Azure the web app's managed identity (infra/azure.bicep narrows the chain to it with
      // AZURE_TOKEN_CREDENTIALS; AZURE_CLIENT_ID picks a user-assigned one); on a developer
      // machine, the Azure CLI's sign-in.
      access = { ...account, credential: new DefaultAzureCredential() };
      log('storage: signing in to the account with Entra ID', { account: account.name });
    } else if (connectionString) {
      access = { connectionString };
    } else {
      emulator = await startEmulator({ location: join(config.dataDir, 'azurite') });
      access = { connectionString: emulator.connectionString };
      log('storage: embedded emulator started', { dataDir: config.dataDir });
    }
    const storage = createTableStorage({ ...access, tablePrefix: config.storage.tablePrefix });
    await prepareStorage(storage);
    const local = config.mode === 'local';
    // Local mode listens on a port chosen at start (0 picks a free one): known once listening.
    let url = config.publicUrl;
    const connector = createNotifier({ ...config.bot, botId: local ? LOCAL_BOT_ID : undefined });
    const ports = {
      ...createTablePorts(storage, clock),
      messages: cardMessages,
      channels: connectorChannels(connector),
      links: createTabLinks({ baseUrl: () => url, teamsAppId: config.teamsAppId }),
    };
    const services = createServices(ports);

    const issuer = local
      ? await createDevIssuer({
          keyFile: join(config.dataDir, 'dev-issuer.json'),
          audience: config.auth.clientId,
        })
      : undefined;
    const verify = createTokenVerifier({
      keys: issuer ? issuer.keys : entraKeys(),
      audience: config.auth.clientId,
      allowedTenants: config.auth.allowedTenants,
    });

    const app = express();
    app.disable('x-powered-by');
    app.set('trust proxy', local ? false : 1);
    app.use(securityHeaders({ https: !local }));
    // Local mode mints tokens for anyone who asks: it answers only requests addressed to loopback.
    let listeningPort = 0;
    if (local) app.use(hostAllowList({ port: () => listeningPort, publicUrl: config.publicUrl }));
    app.use(utf8BodiesOnly);

    const bot = createBot({
      services,
      credentials: config.bot,
      log,
      botAuthority: options.botAuthority,
      allowedTenants: config.auth.allowedTenants,
    });
    app.post('/api/messages', express.json({ limit: '256kb' }), bot.endpoint);

    app.get('/healthz', async (_req, res) => {
      const [tables, queue] = await Promise.allSettled([storage.ping(), storage.queue.depth()]);
      const ok = tables.status === 'fulfilled' && queue.status === 'fulfilled';
      res.status(ok ? 200 : 503).json({
        status: ok ? 'ok' : 'degraded',
        mode: config.mode,
        storage: tables.status === 'fulfilled' ? 'ok' : 'unreachable',
        queue:
          queue.status === 'fulfilled'
            ? { state: 'ok', waiting: queue.value }
            : { state: 'unreachable' },
      });
    });

    if (issuer) {
      const sandbox = createSandboxStore(storage.table('sandbox'));
      app.use('/local/connector', createLocalConnector(sandbox, clock.now));
      app.use('/api/local', createLocalRoutes({ issuer, sandbox, clock, selfUrl: () => url }));
    }
    app.use('/api', createApiRouter({ services, verify, ratePerUser: config.apiRatePerUser }));
    app.use('/api', notFoundRoute);

    app.use(tabFiles(TAB_DIR));
    app.use(errorHandler((message, error) => log(message, { error: describe(error) })));

    const server = await listen(app, config.port, config.host);
    const port = (server.address() as { port: number }).port;
    listeningPort = port;
    if (local) url = `http://localhost:${port}`;

    if (local) {
      const seeded = await seedDemoTeam(services, `${url}/local/connector/`);
      if (seeded) log('local: demo team seeded');
    }

    const worker = createNotificationWorker({
      ports,
      notifier: connector,
      limits: config.notify,
      maxAttempts: config.notify.maxAttempts,
      concurrency: config.notify.concurrency,
      claimMs: 60_000,
      idleMs: 1_000,
      random: Math.random,
      log,
    });
    worker.start();
    const scheduler = createScheduler({
      ports,
      handlers: { ...services.jobHandlers, ...bot.jobHandlers },
      instanceId: `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
      leaseMs: 60_000,
      tickMs: 15_000,
      maxAttempts: 6,
      random: Math.random,
      log,
    });
    scheduler.start();
    log(`Mutual is running on ${url}`, { mode: config.mode, port });

    return {
      url,
      port,
      runDueJobs: () => scheduler.tick(),
      async stop() {
        try {
          await Promise.all([scheduler.stop(), worker.stop()]);
          await new Promise<void>((done) => server.close(() => done()));
          server.closeAllConnections();
          await emulator?.stop();
        } finally {
          // Last, so the records of stopping are sent too.
          await insights?.close();
        }
      },
    };
  } catch (error) {
    // The one record an operator most needs, so it goes where the logs go, not only to stderr.
    if (insights) log('Mutual could not start', { error: describe(error) });
    await emulator?.stop().catch(() => undefined);
    await insights?.close();
    throw error;
  }
}

/** A storage account that does not answer at start-up is retried briefly, then reported. */
async function prepareStorage(storage: TableStorage) {
  for (let attempt = 1; ; attempt++) {
    try {
      await storage.ensureTables();
      return;
    } catch (error) {
      if (attempt >= 3) {
        throw new Error(
          `Storage is unreachable, so Mutual cannot start: ${describe(error)}. ` +
            'Check AZURE_STORAGE_ACCOUNT_NAME (and that this app’s identity has the Storage Table and ' +
            'Queue Data Contributor roles) or AZURE_STORAGE_CONNECTION_STRING, and that the ' +
            'account accepts this network.',
          { cause: error },
        );
      }
      await new Promise((r) => setTimeout(r, 500 * attempt));
    }
  }
}

/** Where Teams and Microsoft 365 frame the tab; the only pages allowed to embed it. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.microsoft365.com',
];

/**
 * Every response: the tab loads only its own scripts and talks only to this server (Fluent's
 * styles are injected at run time, hence inline styles), no plugins, no base or form targets
 * elsewhere, framed only by Teams and Microsoft 365; and, behind TLS, HSTS.
 */
export function securityHeaders(options: { https: boolean }): express.RequestHandler {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (options.https)
      res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}

function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = app.listen(port, host, (error?: Error) =>
      error ? reject(error) : resolvePromise(server),
    );
    server.once('error', reject);
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function createLog(config: Config, sink?: LogSink): Log {
  if (config.mode === 'local') {
    return (message, fields) =>
      console.log(
        fields && Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message,
      );
  }
  return createJsonLog({ sink });
}

/** Whether this file is the program (`tsx src/main.ts`, `node dist/server/main.mjs`), however reached. */
function isProgram(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

// Run directly: read the environment once and start.
if (isProgram()) {
  try {
    const config = loadConfig(process.env);
    // Local mode says so on its page; a deployment without the tab is a broken deployment.
    if (config.mode !== 'local' && !existsSync(join(TAB_DIR, 'index.html')))
      throw new ConfigError([
        `The tab is not built (${join(TAB_DIR, 'index.html')} is missing): run \`npm run build\` first`,
      ]);
    const running = await start(config);
    const shutdown = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `Mutual cannot start: ${describe(error)}`,
    );
    process.exit(1);
  }
}
