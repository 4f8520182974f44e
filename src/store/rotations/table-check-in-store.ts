import type { TableClient } from '@azure/data-tables';
import type { CheckInStore } from '../../core/ports';
import type { CheckIn, CheckInAnswer } from '../../core/rotations/check-in';
import { str, teamRows, type StoredRow } from '../entity-io';
import { encodeKey, teamPartition } from '../keys';

/** "Did you meet?" answers, keyed `<round>|<user>` so one round's answers are one range. */
export function createTableCheckInStore(client: TableClient): CheckInStore {
  const rows = teamRows<CheckIn>(client, 'The check-in', {
    toRow: (ref, c) => ({
      partitionKey: teamPartition(ref),
      rowKey: keyOf(c.roundId, c.userId),
      ...c,
    }),
    fromRow,
  });
  return {
    get: (ref, roundId, userId) => rows.get(ref, keyOf(roundId, userId)),
    listForRound: async (ref, roundId) =>
      (await rows.range(ref, `${roundId}|`)).map((r) => r.value),
    create: rows.create,
    update: rows.update,
    remove: (ref, roundId, userId, etag) => rows.remove(ref, keyOf(roundId, userId), etag),
  };
}

const keyOf = (roundId: string, userId: string) => `${roundId}|${encodeKey(userId)}`;

const fromRow = (row: StoredRow): CheckIn => ({
  roundId: str(row, 'roundId'),
  userId: str(row, 'userId'),
  answer: str(row, 'answer') as CheckInAnswer,
  answeredAt: str(row, 'answeredAt'),
});
