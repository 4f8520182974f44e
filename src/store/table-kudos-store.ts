import type { TableClient } from '@azure/data-tables';
import { isDomainError } from '../core/errors';
import type { Kudos } from '../core/kudos/kudos';
import type { KudosStore } from '../core/ports';
import { json, str, teamRows, type StoredRow } from './entity-io';
import { teamPartition } from './keys';

/** Kudos in their team's partition, keyed by id (insert if absent, so a retried thank adds one). */
export function createTableKudosStore(client: TableClient): KudosStore {
  const rows = teamRows<Kudos>(client, 'The kudos', {
    toRow: (ref, k) => ({
      partitionKey: teamPartition(ref),
      rowKey: k.id,
      ...k,
      toIds: JSON.stringify(k.toIds),
    }),
    fromRow,
  });
  return {
    async add(ref, kudos) {
      try {
        await rows.create(ref, kudos);
        return { created: true };
      } catch (error) {
        if (isDomainError(error) && error.code === 'conflict') return { created: false };
        throw error;
      }
    },
    get: (ref, id) => rows.get(ref, id),
    update: rows.update,
    async list(ref, limit) {
      const all = await rows.range(ref, 'k');
      return all
        .map((r) => r.value)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, limit);
    },
  };
}

const fromRow = (row: StoredRow): Kudos => ({
  id: str(row, 'id'),
  fromId: str(row, 'fromId'),
  toIds: json(row, 'toIds', []),
  story: str(row, 'story'),
  helpRequestId: str(row, 'helpRequestId'),
  createdAt: str(row, 'createdAt'),
});
