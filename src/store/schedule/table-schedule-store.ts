import { odata, type TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { ScheduleStore } from '../../core/ports';
import { hourBucket, type ScheduledJob } from '../../core/schedule/scheduled-job';
import {
  deleteRow,
  insertRow,
  json,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from '../entity-io';
import { encodeKey } from '../keys';

const WHAT = 'The scheduled job';
const CURSOR = { partitionKey: 'cursor', rowKey: 'scheduler' };

/**
 * Jobs partitioned by the hour they fall due (`due|2026112109`), keyed `<dueAt>~<id>`: a tick
 * reads one small partition per hour, never the whole table.
 */
export function createTableScheduleStore(client: TableClient): ScheduleStore {
  const partition = (bucket: string) => `due|${bucket}`;
  const rowKeyOf = (job: ScheduledJob) => `${job.dueAt}~${encodeKey(job.id)}`;
  const toRow = (job: ScheduledJob, notBefore = ''): Row => ({
    partitionKey: partition(hourBucket(new Date(job.dueAt))),
    rowKey: rowKeyOf(job),
    id: job.id,
    kind: job.kind,
    tenantId: job.team.tenantId,
    teamId: job.team.teamId,
    dueAt: job.dueAt,
    payload: JSON.stringify(job.payload),
    attempts: job.attempts,
    lastError: job.lastError,
    notBefore,
  });
  return {
    async add(job) {
      try {
        await insertRow(client, toRow(job), WHAT);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
      }
    },
    async due(bucket, now, limit) {
      // Row keys start with the ISO due time: everything due by `now` sorts before now + 1 ms.
      const until = new Date(now.getTime() + 1).toISOString();
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${partition(bucket)} and RowKey lt ${until}`,
        'Due work',
        limit,
      );
      return rows
        .filter(
          ({ row }) => !str(row, 'notBefore') || Date.parse(str(row, 'notBefore')) <= now.getTime(),
        )
        .map(({ row, etag }) => ({ value: fromRow(row), etag }));
    },
    async isEmpty(bucket) {
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${partition(bucket)}`,
        'Due work',
        1,
      );
      return rows.length === 0;
    },
    async complete(job, etag) {
      try {
        await deleteRow(
          client,
          partition(hourBucket(new Date(job.dueAt))),
          rowKeyOf(job),
          etag,
          WHAT,
        );
      } catch (error) {
        // Already completed by a previous holder of the lease.
        if (!isDomainError(error) || error.code !== 'not_found') throw error;
      }
    },
    async fail(job, etag, error, notBefore) {
      await replaceRow(
        client,
        toRow(
          { ...job, attempts: job.attempts + 1, lastError: error.slice(0, 1000) },
          notBefore.toISOString(),
        ),
        etag,
        WHAT,
      );
    },
    async cursor() {
      const found = await readRow(
        client,
        CURSOR.partitionKey,
        CURSOR.rowKey,
        'The scheduler cursor',
      );
      return found && { value: str(found.row, 'bucket'), etag: found.etag };
    },
    async setCursor(bucket, etag) {
      const row = { ...CURSOR, bucket };
      if (etag) await replaceRow(client, row, etag, 'The scheduler cursor');
      else await insertRow(client, row, 'The scheduler cursor');
    },
  };
}

function fromRow(row: StoredRow): ScheduledJob {
  return {
    id: str(row, 'id'),
    kind: str(row, 'kind'),
    team: { tenantId: str(row, 'tenantId'), teamId: str(row, 'teamId') },
    dueAt: str(row, 'dueAt'),
    payload: json(row, 'payload', {}),
    attempts: Number(row.attempts ?? 0),
    lastError: str(row, 'lastError'),
  };
}
