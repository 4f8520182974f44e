import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { TeamDataStore } from '../../core/ports';
import { narrow } from '../entity-io';
import { teamPartition } from '../keys';
import { partitionedBy, tableKinds, type TableKind } from '../table-storage';

/** A transaction holds at most 100 operations, all in one partition. */
const BATCH = 100;
/** Passes over a partition before giving up on rows that keep appearing. */
const MAX_PASSES = 5;

/** The team-partitioned tables whose rows go in bulk (the team and member rows go last, apart). */
export const purgedTables = tableKinds.filter(
  (kind) => partitionedBy[kind] === 'team' && kind !== 'teams' && kind !== 'members',
);

/**
 * Removes a team's rows table by table, a transaction of up to 100 deletions at a time. This is
 * the one place rows are deleted without their ETag (the SDK's transactions delete with `*`): a
 * purge means every row goes whatever it says, and rows written meanwhile are caught by reading
 * the partition again until it is empty.
 */
export function createTableTeamDataStore(table: (kind: TableKind) => TableClient): TeamDataStore {
  return {
    async purgeRecords(ref) {
      const partition = teamPartition(ref);
      let removed = 0;
      for (const kind of purgedTables) {
        const client = table(kind);
        for (let pass = 0; ; pass++) {
          const keys = await rowKeysOf(client, partition);
          if (keys.length === 0) break;
          if (pass >= MAX_PASSES)
            throw new Error(`rows keep appearing in ${kind} while removing a team's data`);
          for (let at = 0; at < keys.length; at += BATCH) {
            const actions: TransactionAction[] = keys
              .slice(at, at + BATCH)
              .map((rowKey) => ['delete', { partitionKey: partition, rowKey }]);
            try {
              await client.submitTransaction(actions);
              removed += actions.length;
            } catch (error) {
              // A row went meanwhile (a second removal running): the next pass reads what is left.
              const narrowed = narrow(error, 'The team’s data');
              if (!isDomainError(narrowed) || narrowed.code !== 'not_found') throw narrowed;
            }
          }
        }
      }
      return removed;
    },
  };
}

/** The row keys of one partition, without the rows' contents. */
async function rowKeysOf(client: TableClient, partition: string): Promise<string[]> {
  const keys: string[] = [];
  try {
    const rows = client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] },
    });
    for await (const row of rows) if (row.rowKey) keys.push(row.rowKey);
  } catch (error) {
    throw narrow(error, 'The team’s data');
  }
  return keys;
}
