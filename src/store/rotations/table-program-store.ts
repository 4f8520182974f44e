import type { TableClient } from '@azure/data-tables';
import type { ProgramStore } from '../../core/ports';
import {
  defaultProgram,
  programKinds,
  type Program,
  type ProgramKind,
} from '../../core/rotations/program';
import { bool, str, teamRows, type StoredRow } from '../entity-io';
import { teamPartition } from '../keys';

/** One row per program kind in the team's partition. */
export function createTableProgramStore(client: TableClient): ProgramStore {
  const rows = teamRows<Program>(client, 'The program', {
    toRow: (ref, p) => ({ partitionKey: teamPartition(ref), rowKey: p.kind, ...p }),
    fromRow,
  });
  return {
    get: (ref, kind) => rows.get(ref, kind),
    list: (ref) => rows.range(ref, ''),
    create: rows.create,
    update: rows.update,
  };
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
