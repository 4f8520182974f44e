import { odata, type TableClient } from '@azure/data-tables';
import type { RoundStore } from '../core/ports';
import type { ProgramKind } from '../core/pairing/program';
import type { Round } from '../core/pairing/round';
import type { TeamRef } from '../core/team/team';
import {
  chunkedJson,
  insertRow,
  json,
  readChunkedJson,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from './entity-io';
import { afterPrefix, invertedNumber, teamPartition } from './keys';

const WHAT = 'The round';

/**
 * Rounds in the team's partition, keyed `<program>|<inverted slot>` so a program's latest round is
 * the first row of its range. The groups are spread over several properties (64 KiB each).
 */
export function createTableRoundStore(client: TableClient): RoundStore {
  return {
    async get(ref, id) {
      const key = rowKeyOf(id);
      if (!key) return undefined;
      const found = await readRow(client, teamPartition(ref), key, WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async list(ref, program, limit) {
      const prefix = `${program}|`;
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${teamPartition(ref)} and RowKey ge ${prefix} and RowKey lt ${afterPrefix(prefix)}`,
        'The rounds',
        limit,
      );
      return rows.map(({ row, etag }) => ({ value: fromRow(row), etag }));
    },
    async create(ref, round) {
      return { value: round, etag: await insertRow(client, toRow(ref, round), WHAT) };
    },
    async update(ref, round, etag) {
      return { value: round, etag: await replaceRow(client, toRow(ref, round), etag, WHAT) };
    },
  };
}

/** `skill_share-202611230900` → `skill_share|<inverted 202611230900>`. */
function rowKeyOf(id: string): string | undefined {
  const match = /^([a-z_]+)-(\d{12})$/.exec(id);
  return match ? `${match[1]}|${invertedNumber(Number(match[2]))}` : undefined;
}

function toRow(ref: TeamRef, r: Round): Row {
  const key = rowKeyOf(r.id);
  if (!key) throw new Error(`round id "${r.id}" is malformed`);
  const { groups, unplaced, ...scalars } = r;
  return {
    partitionKey: teamPartition(ref),
    rowKey: key,
    ...scalars,
    unplaced: JSON.stringify(unplaced),
    ...chunkedJson('groups', groups),
  };
}

function fromRow(row: StoredRow): Round {
  return {
    id: str(row, 'id'),
    program: str(row, 'program') as ProgramKind,
    status: str(row, 'status') === 'published' ? 'published' : 'draft',
    scheduledFor: str(row, 'scheduledFor'),
    createdAt: str(row, 'createdAt'),
    createdBy: str(row, 'createdBy'),
    publishedAt: str(row, 'publishedAt'),
    publishedBy: str(row, 'publishedBy'),
    revision: Number(row.revision ?? 0),
    groups: readChunkedJson(row, 'groups', []),
    unplaced: json(row, 'unplaced', []),
    totalWeight: Number(row.totalWeight ?? 0),
    method: str(row, 'method') === 'sparse' ? 'sparse' : 'exact',
    seed: Number(row.seed ?? 0),
  };
}
