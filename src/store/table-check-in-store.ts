import { odata, type TableClient } from '@azure/data-tables';
import type { CheckInStore } from '../core/ports';
import type { CheckIn, CheckInAnswer } from '../core/pairing/check-in';
import type { TeamRef } from '../core/team/team';
import {
  insertRow,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from './entity-io';
import { afterPrefix, encodeKey, teamPartition } from './keys';

const WHAT = 'The check-in';

/** "Did you meet?" answers, keyed `<round>|<user>` so one round's answers are one range. */
export function createTableCheckInStore(client: TableClient): CheckInStore {
  return {
    async get(ref, roundId, userId) {
      const found = await readRow(client, teamPartition(ref), keyOf(roundId, userId), WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async listForRound(ref, roundId) {
      const prefix = `${roundId}|`;
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${teamPartition(ref)} and RowKey ge ${prefix} and RowKey lt ${afterPrefix(prefix)}`,
        'The check-ins',
      );
      return rows.map(({ row }) => fromRow(row));
    },
    async create(ref, checkIn) {
      return { value: checkIn, etag: await insertRow(client, toRow(ref, checkIn), WHAT) };
    },
    async update(ref, checkIn, etag) {
      return { value: checkIn, etag: await replaceRow(client, toRow(ref, checkIn), etag, WHAT) };
    },
  };
}

const keyOf = (roundId: string, userId: string) => `${roundId}|${encodeKey(userId)}`;

const toRow = (ref: TeamRef, c: CheckIn): Row => ({
  partitionKey: teamPartition(ref),
  rowKey: keyOf(c.roundId, c.userId),
  ...c,
});

const fromRow = (row: StoredRow): CheckIn => ({
  roundId: str(row, 'roundId'),
  userId: str(row, 'userId'),
  answer: str(row, 'answer') as CheckInAnswer,
  answeredAt: str(row, 'answeredAt'),
});
