import type { TableClient } from '@azure/data-tables';
import type { TeamStore, Versioned } from '../../core/ports';
import type { Team, TeamRef } from '../../core/team/team';
import {
  bool,
  deleteRow,
  insertRow,
  json,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from '../entity-io';
import { teamPartition } from '../keys';

const ROW = 'team';
const WHAT = 'The team';

export function createTableTeamStore(client: TableClient): TeamStore {
  return {
    async get(ref) {
      const found = await readRow(client, teamPartition(ref), ROW, WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async create(team) {
      const etag = await insertRow(client, toRow(team), WHAT);
      return { value: team, etag };
    },
    async update(team, etag): Promise<Versioned<Team>> {
      return { value: team, etag: await replaceRow(client, toRow(team), etag, WHAT) };
    },
    async remove(ref, etag) {
      await deleteRow(client, teamPartition(ref), ROW, etag, WHAT);
    },
  };
}

function toRow(team: Team): Row {
  const ref: TeamRef = team;
  return {
    partitionKey: teamPartition(ref),
    rowKey: ROW,
    tenantId: team.tenantId,
    teamId: team.teamId,
    name: team.name,
    active: team.active,
    installedAt: team.installedAt,
    updatedAt: team.updatedAt,
    channel: JSON.stringify(team.channel),
    supportChannel: team.supportChannel ? JSON.stringify(team.supportChannel) : '',
    firstInstallerId: team.firstInstallerId ?? '',
    uninstalledAt: team.uninstalledAt ?? '',
    rolesVersion: team.rolesVersion ?? 0,
  };
}

function fromRow(row: StoredRow): Team {
  return {
    tenantId: str(row, 'tenantId'),
    teamId: str(row, 'teamId'),
    name: str(row, 'name'),
    active: bool(row, 'active'),
    installedAt: str(row, 'installedAt'),
    updatedAt: str(row, 'updatedAt'),
    channel: json(row, 'channel', { serviceUrl: '', conversationId: '' }),
    supportChannel: str(row, 'supportChannel') ? json(row, 'supportChannel', null) : null,
    // Rows from before roles were Mutual's own have none of these (migrated on first read).
    firstInstallerId: str(row, 'firstInstallerId') || undefined,
    uninstalledAt: str(row, 'uninstalledAt') || undefined,
    rolesVersion:
      typeof row.rolesVersion === 'number' && row.rolesVersion > 0 ? row.rolesVersion : undefined,
  };
}
