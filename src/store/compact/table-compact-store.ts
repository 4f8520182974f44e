import { odata, type TableClient } from '@azure/data-tables';
import type { CompactVersion } from '../../core/compact/compact';
import type { CompactStore } from '../../core/ports';
import { insertRow, json, readPartition, str, type StoredRow } from '../entity-io';
import { invertedNumber, teamPartition } from '../keys';

const WHAT = 'The compact version';
const PREFIX = 'v-';

/** Versions are insert-only rows keyed newest first, so "current" is the first row of a range. */
export function createTableCompactStore(client: TableClient): CompactStore {
  const latest = async (ref: Parameters<CompactStore['list']>[0], limit: number) => {
    const rows = await readPartition(
      client,
      odata`PartitionKey eq ${teamPartition(ref)} and RowKey ge ${PREFIX} and RowKey lt ${'v.'}`,
      'The compact',
      limit,
    );
    return rows.map(({ row }) => fromRow(row));
  };
  return {
    async current(ref) {
      return (await latest(ref, 1))[0];
    },
    list: latest,
    async add(ref, version) {
      await insertRow(
        client,
        {
          partitionKey: teamPartition(ref),
          rowKey: `${PREFIX}${invertedNumber(version.version)}`,
          version: version.version,
          clauses: JSON.stringify(version.clauses),
          adoptedAt: version.adoptedAt,
          adoptedBy: version.adoptedBy,
          note: version.note,
        },
        WHAT,
      );
    },
  };
}

function fromRow(row: StoredRow): CompactVersion {
  return {
    version: Number(row.version),
    clauses: json(row, 'clauses', []),
    adoptedAt: str(row, 'adoptedAt'),
    adoptedBy: str(row, 'adoptedBy'),
    note: str(row, 'note'),
  };
}
