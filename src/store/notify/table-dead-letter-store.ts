import { odata, type TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { DeadLetter } from '../../core/notify/dead-letter';
import type { DeadLetterStore } from '../../core/ports';
import {
  deleteRow,
  insertRow,
  json,
  readPartition,
  readRow,
  str,
  type StoredRow,
} from '../entity-io';
import { encodeKey, teamPartition } from '../keys';

const WHAT = 'The undelivered notification';

export function createTableDeadLetterStore(client: TableClient): DeadLetterStore {
  return {
    async add(entry) {
      try {
        await insertRow(
          client,
          {
            partitionKey: teamPartition(entry.team),
            rowKey: encodeKey(entry.notificationId),
            tenantId: entry.team.tenantId,
            teamId: entry.team.teamId,
            notificationId: entry.notificationId,
            target: JSON.stringify(entry.target),
            summary: entry.summary,
            reason: entry.reason,
            attempts: entry.attempts,
            failedAt: entry.failedAt,
          },
          WHAT,
        );
      } catch (error) {
        // Parked already (a retried step after a crash): one entry is what we want.
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
      }
    },
    async get(team, id) {
      const found = await readRow(client, teamPartition(team), encodeKey(id), WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async list(team, limit) {
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${teamPartition(team)}`,
        'Undelivered notifications',
        limit,
      );
      return rows.map(({ row }) => fromRow(row));
    },
    async remove(team, id, etag) {
      await deleteRow(client, teamPartition(team), encodeKey(id), etag, WHAT);
    },
  };
}

function fromRow(row: StoredRow): DeadLetter {
  return {
    team: { tenantId: str(row, 'tenantId'), teamId: str(row, 'teamId') },
    notificationId: str(row, 'notificationId'),
    target: json(row, 'target', { kind: 'channel' }),
    summary: str(row, 'summary'),
    reason: str(row, 'reason'),
    attempts: Number(row.attempts ?? 0),
    failedAt: str(row, 'failedAt'),
  };
}
