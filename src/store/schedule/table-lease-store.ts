import type { TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { Clock, LeaseStore } from '../../core/ports';
import { insertRow, readRow, replaceRow, str } from '../entity-io';
import { encodeKey } from '../keys';

const PARTITION = 'lease';
const WHAT = 'The lease';

/**
 * Leases taken with an ETag: of several instances trying at once, exactly one write succeeds, and
 * a holder that dies simply lets its lease expire.
 */
export function createTableLeaseStore(client: TableClient, clock: Clock): LeaseStore {
  return {
    async tryAcquire(name, holder, ttlMs) {
      const now = clock.now().getTime();
      const row = {
        partitionKey: PARTITION,
        rowKey: encodeKey(name),
        holder,
        expiresAt: new Date(now + ttlMs).toISOString(),
      };
      try {
        const found = await readRow(client, PARTITION, row.rowKey, WHAT);
        if (!found) {
          await insertRow(client, row, WHAT);
          return true;
        }
        const current = str(found.row, 'holder');
        const expired = Date.parse(str(found.row, 'expiresAt')) <= now;
        if (current !== holder && !expired) return false;
        await replaceRow(client, row, found.etag, WHAT);
        return true;
      } catch (error) {
        // Someone else took or renewed it between our read and our write.
        if (isDomainError(error) && error.code === 'conflict') return false;
        throw error;
      }
    },
    async release(name, holder) {
      const found = await readRow(client, PARTITION, encodeKey(name), WHAT);
      if (!found || str(found.row, 'holder') !== holder) return;
      try {
        await replaceRow(
          client,
          {
            ...found.row,
            partitionKey: PARTITION,
            rowKey: encodeKey(name),
            expiresAt: new Date(0).toISOString(),
          },
          found.etag,
          WHAT,
        );
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
      }
    },
  };
}
