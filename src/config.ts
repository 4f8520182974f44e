import { z } from 'zod';
import { DEFAULT_MAX_ATTEMPTS } from './core/notify/notification';
import { parseConnectionString } from './log/app-insights';
import {
  TEAMS_PER_CONVERSATION,
  TEAMS_PER_TENANT,
  type RateWindow,
} from './core/notify/rate-limit';

/** The client id local-mode tokens are minted for; never accepted outside local mode. */
export const LOCAL_CLIENT_ID = '00000000-0000-4000-8000-00000000c11e';

export type Mode = 'local' | 'teams';

export interface Config {
  readonly mode: Mode;
  readonly notify: {
    readonly perConversation: readonly RateWindow[];
    readonly perTenant: readonly RateWindow[];
    readonly concurrency: number;
    readonly maxAttempts: number;
  };
  /** Requests one signed-in user may make to the tab's API, per instance. */
  readonly apiRatePerUser: readonly RateWindow[];
  readonly port: number;
  readonly host: string;
  /** Where people reach the server (the tab's origin in Teams, or localhost). */
  readonly publicUrl: string;
  /** The Teams app's id (the manifest's `id`), for deep links from cards; '' links to publicUrl. */
  readonly teamsAppId: string;
  /** Where log records also go, besides stdout; undefined: stdout only. */
  readonly appInsightsConnectionString: string | undefined;
  readonly dataDir: string;
  readonly storage: {
    /** Undefined in local mode without one: main starts the embedded emulator. */
    readonly connectionString: string | undefined;
    /**
     * An account reached with an Entra token (in Azure, the web app's managed identity), never
     * with a key. Set instead of `connectionString`.
     */
    readonly account: StorageAccount | undefined;
    readonly tablePrefix: string;
  };
  readonly bot: {
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
  };
  readonly auth: {
    /** The Entra app the tab's SSO tokens are issued for (their `aud`). */
    readonly clientId: string;
    /** Empty: any tenant the app is installed in. */
    readonly allowedTenants: readonly string[];
  };
}

export interface StorageAccount {
  readonly name: string;
  /** The account's table and queue endpoints, https. */
  readonly tableUrl: string;
  readonly queueUrl: string;
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Mutual cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Storage endpoints take a bearer token, which is only ever sent over TLS. */
const httpsUrl = (name: string) =>
  optionalText.pipe(
    z
      .url({ protocol: /^https$/, message: `${name} must be an https URL` })
      .transform((v) => v.replace(/\/$/, ''))
      .optional(),
  );

const EnvSchema = z.object({
  MUTUAL_MODE: z.enum(['local', 'teams']).optional(),
  NODE_ENV: optionalText,
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  TAB_ENDPOINT: z
    .url({ message: 'TAB_ENDPOINT must be a URL like https://mutual.example.com' })
    .optional(),
  DATA_DIR: z.string().default('.data'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_ACCOUNT_NAME: optionalText.pipe(
    z
      .string()
      .regex(
        /^[a-z0-9]{3,24}$/,
        'AZURE_STORAGE_ACCOUNT_NAME must be 3–24 lowercase letters and digits',
      )
      .optional(),
  ),
  AZURE_STORAGE_TABLE_ENDPOINT: httpsUrl('AZURE_STORAGE_TABLE_ENDPOINT'),
  AZURE_STORAGE_QUEUE_ENDPOINT: httpsUrl('AZURE_STORAGE_QUEUE_ENDPOINT'),
  STORAGE_TABLE_PREFIX: z
    .string()
    .regex(/^([A-Za-z][A-Za-z0-9]{0,30})?$/, 'STORAGE_TABLE_PREFIX must be letters and digits')
    .default('mutual'),
  MICROSOFT_APP_ID: optionalText,
  TEAMS_APP_ID: optionalText,
  MICROSOFT_APP_PASSWORD: optionalText,
  MICROSOFT_APP_TYPE: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('SingleTenant'),
  MICROSOFT_APP_TENANT_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  ALLOWED_TENANTS: optionalText,
  TEAMS_RATE_PER_CONVERSATION: optionalText,
  TEAMS_RATE_PER_TENANT: optionalText,
  API_RATE_PER_USER: optionalText,
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText,
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(DEFAULT_MAX_ATTEMPTS),
});

/** Every environment variable Mutual reads. */
export const settingNames: readonly string[] = Object.keys(EnvSchema.shape);

/**
 * A person clicking through the tab makes a few requests a second at most; a script hammering
 * the API with a stolen or shared token is slowed to this.
 */
const API_PER_USER: readonly RateWindow[] = [
  { limit: 20, windowMs: 1_000 },
  { limit: 300, windowMs: 60_000 },
];

const RATE = /^(\d+)\/(\d+)(ms|s|m|h)$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** Reads rate limits written as `7/1s,8/2s,60/30s`: a count per span. */
function parseRates(name: string, text: string | undefined, fallback: readonly RateWindow[]) {
  if (text === undefined) return { windows: fallback };
  const windows: RateWindow[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = RATE.exec(part);
    if (!match) return { problem: `${name}: "${part}" is not a rate like 7/1s or 1800/1h` };
    windows.push({
      limit: Number(match[1]),
      windowMs: Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS],
    });
  }
  if (windows.some((w) => w.limit < 1 || w.windowMs < 1))
    return { problem: `${name}: counts and spans must be positive` };
  return { windows };
}

/**
 * Where the tables and the queue live: a connection string (the emulator, or an account key), or
 * an account name reached with an Entra token. Settings that contradict each other are problems.
 */
function storageOf(e: z.infer<typeof EnvSchema>, problems: string[]) {
  const name = e.AZURE_STORAGE_ACCOUNT_NAME;
  if (name && e.AZURE_STORAGE_CONNECTION_STRING)
    problems.push(
      'AZURE_STORAGE_ACCOUNT_NAME and AZURE_STORAGE_CONNECTION_STRING are both set: keep one',
    );
  if (!name && (e.AZURE_STORAGE_TABLE_ENDPOINT || e.AZURE_STORAGE_QUEUE_ENDPOINT))
    problems.push(
      'AZURE_STORAGE_TABLE_ENDPOINT and AZURE_STORAGE_QUEUE_ENDPOINT need AZURE_STORAGE_ACCOUNT_NAME',
    );
  const account: StorageAccount | undefined = name
    ? {
        name,
        tableUrl: e.AZURE_STORAGE_TABLE_ENDPOINT ?? `https://${name}.table.core.windows.net`,
        queueUrl: e.AZURE_STORAGE_QUEUE_ENDPOINT ?? `https://${name}.queue.core.windows.net`,
      }
    : undefined;
  return { connectionString: e.AZURE_STORAGE_CONNECTION_STRING, account };
}

/** Teams / Entra settings: giving any of them (or NODE_ENV=production) leaves local mode. */
const TEAMS_SETTINGS = ['MICROSOFT_APP_ID', 'MICROSOFT_APP_PASSWORD', 'AAD_APP_CLIENT_ID'] as const;

/**
 * Reads the environment once. Every problem is collected before refusing, so one failed start
 * tells the admin everything to fix.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        // Messages that already name their setting are not prefixed with it again.
        return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const perConversation = parseRates(
    'TEAMS_RATE_PER_CONVERSATION',
    e.TEAMS_RATE_PER_CONVERSATION,
    TEAMS_PER_CONVERSATION,
  );
  const perTenant = parseRates('TEAMS_RATE_PER_TENANT', e.TEAMS_RATE_PER_TENANT, TEAMS_PER_TENANT);
  const perUser = parseRates('API_RATE_PER_USER', e.API_RATE_PER_USER, API_PER_USER);
  const problems = [perConversation.problem, perTenant.problem, perUser.problem].filter(
    (p): p is string => !!p,
  );
  const notify = {
    perConversation: perConversation.windows!,
    perTenant: perTenant.windows!,
    concurrency: e.NOTIFY_CONCURRENCY,
    maxAttempts: e.NOTIFY_MAX_ATTEMPTS,
  };
  const mode: Mode =
    e.MUTUAL_MODE ??
    (e.NODE_ENV === 'production' || TEAMS_SETTINGS.some((name) => e[name] !== undefined)
      ? 'teams'
      : 'local');

  const storage = storageOf(e, problems);

  if (mode === 'local') {
    if (problems.length > 0) throw new ConfigError(problems);
    return Object.freeze<Config>({
      mode,
      notify,
      apiRatePerUser: perUser.windows!,
      port: e.PORT,
      // Local mode mints tokens for anyone who asks: it must never listen beyond loopback.
      host: '127.0.0.1',
      publicUrl: e.TAB_ENDPOINT ?? `http://localhost:${e.PORT}`,
      teamsAppId: '',
      appInsightsConnectionString: undefined,
      dataDir: e.DATA_DIR,
      storage: { ...storage, tablePrefix: e.STORAGE_TABLE_PREFIX },
      bot: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
      auth: { clientId: LOCAL_CLIENT_ID, allowedTenants: [] },
    });
  }

  const need = (name: keyof typeof e, why: string) => {
    if (e[name] === undefined) problems.push(`${name} is not set (${why})`);
  };
  need('MICROSOFT_APP_ID', 'the bot registration’s app id');
  if (e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI')
    need('MICROSOFT_APP_PASSWORD', 'the bot’s client secret');
  if (e.MICROSOFT_APP_TYPE !== 'MultiTenant') need('MICROSOFT_APP_TENANT_ID', 'the bot’s tenant');
  need('AAD_APP_CLIENT_ID', 'the Entra app that issues the tab’s SSO tokens');
  need('TAB_ENDPOINT', 'the public https URL of this server');
  if (!storage.connectionString && !storage.account)
    problems.push(
      'AZURE_STORAGE_ACCOUNT_NAME is not set (the storage account for tables and queues, reached ' +
        'with the app’s managed identity; or AZURE_STORAGE_CONNECTION_STRING)',
    );
  if (e.APPLICATIONINSIGHTS_CONNECTION_STRING) {
    try {
      parseConnectionString(e.APPLICATIONINSIGHTS_CONNECTION_STRING);
    } catch (error) {
      problems.push(`APPLICATIONINSIGHTS_CONNECTION_STRING: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return Object.freeze<Config>({
    mode,
    notify,
    apiRatePerUser: perUser.windows!,
    port: e.PORT,
    host: e.HOST ?? '0.0.0.0',
    publicUrl: e.TAB_ENDPOINT!.replace(/\/$/, ''),
    teamsAppId: e.TEAMS_APP_ID ?? '',
    appInsightsConnectionString: e.APPLICATIONINSIGHTS_CONNECTION_STRING,
    dataDir: e.DATA_DIR,
    storage: { ...storage, tablePrefix: e.STORAGE_TABLE_PREFIX },
    bot: {
      appId: e.MICROSOFT_APP_ID!,
      appPassword: e.MICROSOFT_APP_PASSWORD ?? '',
      appType: e.MICROSOFT_APP_TYPE,
      tenantId: e.MICROSOFT_APP_TENANT_ID ?? '',
    },
    auth: {
      clientId: e.AAD_APP_CLIENT_ID!,
      allowedTenants: (e.ALLOWED_TENANTS ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    },
  });
}
