import type { TableClient } from '@azure/data-tables';
import type { RoundStore } from '../../core/ports';
import type { ProgramKind } from '../../core/rotations/program';
import type { GroupReason } from '../../core/rotations/pairing/group-reason';
import type { Round, RoundGroup } from '../../core/rotations/round';
import type { TeamRef } from '../../core/team/team';
import {
  chunkedJson,
  json,
  readChunkedJson,
  str,
  teamRows,
  type Row,
  type StoredRow,
} from '../entity-io';
import { invertedNumber, teamPartition } from '../keys';

/**
 * Rounds in the team's partition, keyed `<program>|<inverted slot>` so a program's latest round is
 * the first row of its range. The groups are spread over several properties (64 KiB each).
 */
export function createTableRoundStore(client: TableClient): RoundStore {
  const rows = teamRows<Round>(client, 'The round', { toRow, fromRow: roundFromRow });
  return {
    async get(ref, id) {
      const key = rowKeyOf(id);
      return key ? rows.get(ref, key) : undefined;
    },
    list: (ref, program, limit) => rows.range(ref, `${program}|`, limit),
    create: rows.create,
    update: rows.update,
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

/** A stored round row as a Round (also read by the insights store). */
export function roundFromRow(row: StoredRow): Round {
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
    groups: readChunkedJson<StoredGroup[]>(row, 'groups', []).map(groupFromStored),
    unplaced: json(row, 'unplaced', []),
    totalWeight: Number(row.totalWeight ?? 0),
    method: str(row, 'method') === 'sparse' ? 'sparse' : 'exact',
    seed: Number(row.seed ?? 0),
  };
}

/** A group as stored: rows written before reasons were data hold the reason as words. */
type StoredGroup = Omit<RoundGroup, 'reason'> & { reason: GroupReason | string };

/** Words are read as a `text` reason, kept as they are until `migrateRoundReasons` reads them. */
const groupFromStored = (g: StoredGroup): RoundGroup => ({
  ...g,
  reason: typeof g.reason === 'string' ? { kind: 'text', text: g.reason } : g.reason,
});
