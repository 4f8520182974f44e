import { odata, type TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type {
  NotificationRecord,
  Notification,
  NotificationTarget,
} from '../../core/notify/notification';
import type { NotificationStore, NotificationSummary, Versioned } from '../../core/ports';
import {
  deleteRow,
  insertRow,
  json,
  narrow,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from '../entity-io';
import { afterPrefix, encodeKey, teamPartition } from '../keys';

const WHAT = 'The notification';

/** Notifications in their team's partition, keyed by their deterministic id. */
export function createTableNotificationStore(client: TableClient): NotificationStore {
  const get = async (team: Notification['team'], id: string) => {
    const found = await readRow(client, teamPartition(team), encodeKey(id), WHAT);
    return found && { value: fromRow(found.row), etag: found.etag };
  };
  return {
    get,
    async record(notification) {
      const record: NotificationRecord = {
        ...notification,
        status: 'pending',
        attempts: 0,
        lastError: '',
        sentAt: '',
        claimedUntil: '',
      };
      try {
        const etag = await insertRow(client, toRow(record), WHAT);
        return { record: { value: record, etag }, created: true };
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
        const existing = await get(notification.team, notification.id);
        if (!existing) throw error;
        return { record: existing, created: false };
      }
    },
    async listByPrefix(team, idPrefix) {
      const prefix = encodeKey(idPrefix);
      const rows = await readPartition(
        client,
        prefix === ''
          ? odata`PartitionKey eq ${teamPartition(team)}`
          : odata`PartitionKey eq ${teamPartition(team)} and RowKey ge ${prefix} and RowKey lt ${afterPrefix(prefix)}`,
        'The notifications',
      );
      return rows.map(({ row }) => fromRow(row));
    },
    async update(record, etag): Promise<Versioned<NotificationRecord>> {
      return { value: record, etag: await replaceRow(client, toRow(record), etag, WHAT) };
    },
    async listTo(team, userId) {
      // The target is stored as JSON, which a filter cannot look into; the message (the bulk of
      // each row) is left out of the read, and the matching is done here.
      const out: Versioned<NotificationSummary>[] = [];
      const pages = client
        .listEntities<Record<string, unknown>>({
          queryOptions: {
            filter: odata`PartitionKey eq ${teamPartition(team)}`,
            select: ['id', 'target', 'status', 'createdAt', 'sentAt'],
          },
        })
        .byPage({ maxPageSize: 1000 });
      try {
        for await (const page of pages) {
          for (const row of page) {
            const target = json<NotificationTarget>(row, 'target', { kind: 'channel' });
            if (target.kind !== 'member' || target.userId !== userId) continue;
            if (!row.etag) throw new Error('storage answered without an ETag');
            out.push({
              value: {
                id: str(row, 'id'),
                target,
                status: str(row, 'status') as NotificationRecord['status'],
                createdAt: str(row, 'createdAt'),
                sentAt: str(row, 'sentAt'),
              },
              etag: row.etag,
            });
          }
        }
      } catch (error) {
        throw narrow(error, 'The notifications');
      }
      return out;
    },
    async remove(team, id, etag) {
      await deleteRow(client, teamPartition(team), encodeKey(id), etag, WHAT);
    },
  };
}

function toRow(r: NotificationRecord): Row {
  return {
    partitionKey: teamPartition(r.team),
    rowKey: encodeKey(r.id),
    id: r.id,
    tenantId: r.team.tenantId,
    teamId: r.team.teamId,
    target: JSON.stringify(r.target),
    message: JSON.stringify(r.message),
    createdAt: r.createdAt,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt,
    claimedUntil: r.claimedUntil,
    update: r.update ? JSON.stringify(r.update) : '',
    conversationId: r.conversationId ?? '',
    activityId: r.activityId ?? '',
    shownRevision: r.shownRevision ?? 0,
  };
}

function fromRow(row: StoredRow): NotificationRecord {
  const status = str(row, 'status') as NotificationRecord['status'];
  return {
    id: str(row, 'id'),
    team: { tenantId: str(row, 'tenantId'), teamId: str(row, 'teamId') },
    target: json(row, 'target', { kind: 'channel' }),
    message: json(row, 'message', { text: '' }),
    createdAt: str(row, 'createdAt'),
    status,
    attempts: Number(row.attempts ?? 0),
    lastError: str(row, 'lastError'),
    sentAt: str(row, 'sentAt'),
    claimedUntil: str(row, 'claimedUntil'),
    ...(str(row, 'update') ? { update: json(row, 'update', { of: '', revision: 0 }) } : {}),
    // Only once sent (and updated), as they were written.
    ...(str(row, 'activityId')
      ? { conversationId: str(row, 'conversationId'), activityId: str(row, 'activityId') }
      : {}),
    ...(Number(row.shownRevision ?? 0) > 0 ? { shownRevision: Number(row.shownRevision) } : {}),
  };
}
