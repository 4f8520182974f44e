import { odata, type TableClient } from '@azure/data-tables';
import type { ProgramStore } from '../core/ports';
import {
  defaultProgram,
  programKinds,
  type Program,
  type ProgramKind,
} from '../core/pairing/program';
import {
  bool,
  insertRow,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from './entity-io';
import { teamPartition } from './keys';
import type { TeamRef } from '../core/team/team';

const WHAT = 'The program';

/** One row per program kind in the team's partition. */
export function createTableProgramStore(client: TableClient): ProgramStore {
  return {
    async get(ref, kind) {
      const found = await readRow(client, teamPartition(ref), kind, WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async list(ref) {
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${teamPartition(ref)}`,
        'The programs',
      );
      return rows.map(({ row, etag }) => ({ value: fromRow(row), etag }));
    },
    async create(ref, program) {
      return { value: program, etag: await insertRow(client, toRow(ref, program), WHAT) };
    },
    async update(ref, program, etag) {
      return { value: program, etag: await replaceRow(client, toRow(ref, program), etag, WHAT) };
    },
  };
}

function toRow(ref: TeamRef, p: Program): Row {
  return { partitionKey: teamPartition(ref), rowKey: p.kind, ...p };
}

function fromRow(row: StoredRow): Program {
  const kind = str(row, 'rowKey') as ProgramKind;
  const base = defaultProgram(programKinds.includes(kind) ? kind : 'skill_share');
  const num = (name: keyof Program, fallback: number) =>
    typeof row[name] === 'number' ? row[name] : fallback;
  return {
    kind: base.kind,
    enabled: bool(row, 'enabled'),
    cadence: (str(row, 'cadence') || base.cadence) as Program['cadence'],
    weekday: num('weekday', base.weekday),
    hour: num('hour', base.hour),
    timeZone: str(row, 'timeZone') || base.timeZone,
    groupSize: num('groupSize', base.groupSize) === 3 ? 3 : 2,
    preview: bool(row, 'preview'),
    sprintWeeks: num('sprintWeeks', base.sprintWeeks),
    nextRunAt: str(row, 'nextRunAt'),
    lastRunAt: str(row, 'lastRunAt'),
    updatedAt: str(row, 'updatedAt'),
    updatedBy: str(row, 'updatedBy'),
  };
}
