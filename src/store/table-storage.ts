import { odata, TableClient } from '@azure/data-tables';
import { narrow } from './entity-io';
import { createDeliveryQueue } from './notify/queue-delivery-queue';
import type { StorageAccess } from './storage-access';

/** One table per entity kind (ARCHITECTURE.md "Data"). */
export const tableKinds = [
  'teams',
  'members',
  'memberships',
  'compacts',
  'notifications',
  'deadletters',
  'conversations',
  'leases',
  'schedule',
  'sandbox',
  'programs',
  'rounds',
  'checkins',
  'roles',
  'help',
  'kudos',
  'pulses',
] as const;
export type TableKind = (typeof tableKinds)[number];

/**
 * What each table is partitioned by. Removing a team's data deletes its partition in every `team`
 * table, so a new table has to say which it is.
 */
export const partitionedBy: Record<TableKind, 'team' | 'user' | 'due hour' | 'constant'> = {
  teams: 'team',
  members: 'team',
  memberships: 'user',
  compacts: 'team',
  notifications: 'team',
  deadletters: 'team',
  conversations: 'team',
  leases: 'constant',
  schedule: 'due hour',
  sandbox: 'constant',
  programs: 'team',
  rounds: 'team',
  checkins: 'team',
  roles: 'team',
  help: 'team',
  kudos: 'team',
  pulses: 'team',
};

export type TableStorageOptions = StorageAccess & {
  /** Prepended to every table name, so tests (or several deployments) can share one account. */
  tablePrefix: string;
};

export interface TableStorage {
  table(kind: TableKind): TableClient;
  /** The notification queue in the same account. */
  queue: ReturnType<typeof createDeliveryQueue>;
  /** Creates any missing table and the queue; safe to run on every start. */
  ensureTables(): Promise<void>;
  /** A cheap round trip for `/healthz`. */
  ping(): Promise<void>;
}

const retryOptions = { maxRetries: 4, retryDelayInMs: 200, maxRetryDelayInMs: 4000 };

const tableClient = (access: StorageAccess, tableName: string) =>
  'connectionString' in access
    ? TableClient.fromConnectionString(access.connectionString, tableName, {
        // The local emulator speaks plain HTTP on loopback; a real account string says https.
        allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:/i.test(
          access.connectionString,
        ),
        retryOptions,
      })
    : new TableClient(access.tableUrl, tableName, access.credential, { retryOptions });

/** The queue's name: lower-case letters, digits and dashes only. */
export const notificationQueueName = (tablePrefix: string) =>
  `${tablePrefix.toLowerCase()}notifications`;

export function createTableStorage(options: TableStorageOptions): TableStorage {
  const { tablePrefix } = options;
  if (!/^[A-Za-z][A-Za-z0-9]{0,30}$/.test(tablePrefix) && tablePrefix !== '')
    throw new Error('tablePrefix must be letters and digits, starting with a letter');
  const clients = new Map<TableKind, TableClient>();
  const table = (kind: TableKind) => {
    let client = clients.get(kind);
    if (!client) {
      client = tableClient(options, `${tablePrefix}${kind}`);
      clients.set(kind, client);
    }
    return client;
  };
  const queue = createDeliveryQueue(options, notificationQueueName(tablePrefix));
  return {
    table,
    queue,
    async ensureTables() {
      try {
        // createTable treats "already exists" as success.
        await Promise.all(tableKinds.map((kind) => table(kind).createTable()));
      } catch (error) {
        throw narrow(error, 'A storage table');
      }
      await queue.ensure();
    },
    async ping() {
      try {
        // A query on a key that is never written: allowed to a data-only role (a managed
        // identity with Storage Table Data Contributor), unlike reading the service's properties.
        await table('leases')
          .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'healthz'}` } })
          .byPage({ maxPageSize: 1 })
          .next();
      } catch (error) {
        throw narrow(error, 'Storage');
      }
    },
  };
}
