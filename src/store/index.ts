import type { Clock, Ports } from '../core/ports';
import { createTableCompactStore } from './table-compact-store';
import { createTableMemberStore } from './table-member-store';
import type { TableStorage } from './table-storage';
import { createTableTeamStore } from './table-team-store';

/** The ports backed by Azure Table Storage. */
export function createTablePorts(storage: TableStorage, clock: Clock): Ports {
  return {
    clock,
    teams: createTableTeamStore(storage.table('teams')),
    members: createTableMemberStore(storage.table('members'), storage.table('memberships')),
    compacts: createTableCompactStore(storage.table('compacts')),
  };
}

export { createTableStorage, type TableStorage } from './table-storage';
