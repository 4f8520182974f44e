import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

// Azurite ships no type declarations for its in-process servers; this is the part we use.
interface AzuriteServer {
  start(): Promise<void>;
  close(): Promise<void>;
  getHttpServerAddress(): string;
}
type ServerClass = new (config: unknown) => AzuriteServer;
type ConfigClass = new (...args: unknown[]) => unknown;

const require = createRequire(import.meta.url);
const load = <T>(path: string) => (require(`azurite/dist/src/${path}`) as { default: T }).default;

/** The emulator's published development account (the same for every Azurite install). */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface EmulatorOptions {
  /** Folder to keep data in; omitted, the emulator keeps everything in memory. */
  location?: string;
  host?: string;
  tablePort?: number;
  queuePort?: number;
  /**
   * Serve https with this certificate and accept Entra bearer tokens (checking their issuer,
   * audience and lifetime, not their signature): how tests reach it as a managed identity would.
   */
  tls?: { certFile: string; keyFile: string };
}

export interface RunningEmulator {
  connectionString: string;
  /** The account's endpoints, for access with a token instead of the key. */
  tableUrl: string;
  queueUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts Azurite's table and queue services inside this process, on loopback. Port 0 picks free
 * ports, so several runs (and test workers) never collide.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const inMemory = options.location === undefined;
  const dir = options.location ?? '';
  const cert = options.tls?.certFile ?? '';
  const key = options.tls?.keyFile ?? '';
  // Azurite's `--oauth basic`.
  const oauth = options.tls ? 'basic' : undefined;
  if (!inMemory) mkdirSync(dir, { recursive: true });

  const TableServer = load<ServerClass>('table/TableServer');
  const TableConfiguration = load<ConfigClass>('table/TableConfiguration');
  const QueueServer = load<ServerClass>('queue/QueueServer');
  const QueueConfiguration = load<ConfigClass>('queue/QueueConfiguration');

  // Positional arguments, in Azurite 3.35's order: host, port, keep-alive, db path(s), debug log,
  // access log, access log stream, debug file, loose, skipApiVersionCheck, cert, key, pwd, oauth,
  // disableProductStyleUrl, inMemory. The queue's adds extent paths after its db path.
  const tables = new TableServer(
    new TableConfiguration(
      host,
      options.tablePort ?? 0,
      undefined,
      inMemory ? '' : join(dir, 'table.json'),
      false,
      false,
      undefined,
      undefined,
      false,
      true,
      cert,
      key,
      '',
      oauth,
      false,
      inMemory,
    ),
  );
  const queues = new QueueServer(
    new QueueConfiguration(
      host,
      options.queuePort ?? 0,
      undefined,
      inMemory ? '' : join(dir, 'queue.json'),
      inMemory ? '' : join(dir, 'queue-extent.json'),
      [{ locationId: 'Default', locationPath: join(dir || '.', 'queue-data'), maxConcurrency: 1 }],
      false,
      undefined,
      false,
      undefined,
      false,
      true,
      cert,
      key,
      '',
      oauth,
      false,
      inMemory,
    ),
  );
  await tables.start();
  try {
    await queues.start();
  } catch (error) {
    await tables.close();
    throw error;
  }
  const tableUrl = `${tables.getHttpServerAddress()}/${ACCOUNT}`;
  const queueUrl = `${queues.getHttpServerAddress()}/${ACCOUNT}`;
  return {
    tableUrl,
    queueUrl,
    connectionString:
      `DefaultEndpointsProtocol=${options.tls ? 'https' : 'http'};AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `TableEndpoint=${tableUrl};QueueEndpoint=${queueUrl};`,
    async stop() {
      // In memory there is nothing on disk to clean; on disk the data is meant to stay.
      await Promise.all([tables.close(), queues.close()]);
    },
  };
}
