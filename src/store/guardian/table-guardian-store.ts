import { odata, type TableClient } from '@azure/data-tables';
import type { GuardianStore } from '../../core/ports';
import { DEFAULT_GUARDIAN, type GuardianTerm } from '../../core/guardian/guardian';
import { bool, insertRow, readPartition, readRow, replaceRow, str, type Row } from '../entity-io';
import { afterPrefix, invertedNumber, teamPartition } from '../keys';

const SETTINGS = 'guardian';
const TERM = 'guardian-term|';

/** The Culture Guardian rotation: its settings, and one row per term, latest first. */
export function createTableGuardianStore(client: TableClient): GuardianStore {
  return {
    async settings(ref) {
      const found = await readRow(client, teamPartition(ref), SETTINGS, 'The guardian settings');
      if (!found) return undefined;
      const { row, etag } = found;
      const everyMonths =
        typeof row.everyMonths === 'number' ? row.everyMonths : DEFAULT_GUARDIAN.everyMonths;
      return {
        value: { enabled: bool(row, 'enabled'), everyMonths, nextRunAt: str(row, 'nextRunAt') },
        etag,
      };
    },
    async saveSettings(ref, settings, etag) {
      const row: Row = { partitionKey: teamPartition(ref), rowKey: SETTINGS, ...settings };
      const what = 'The guardian settings';
      return {
        value: settings,
        etag:
          etag === undefined
            ? await insertRow(client, row, what)
            : await replaceRow(client, row, etag, what),
      };
    },
    async terms(ref, limit) {
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${teamPartition(ref)} and RowKey ge ${TERM} and RowKey lt ${afterPrefix(TERM)}`,
        'The guardian history',
        limit,
      );
      return rows.map(({ row }) => ({
        userId: str(row, 'userId'),
        since: str(row, 'since'),
        until: str(row, 'until'),
      }));
    },
    async addTerm(ref, term: GuardianTerm) {
      await insertRow(
        client,
        {
          partitionKey: teamPartition(ref),
          rowKey: `${TERM}${invertedNumber(Date.parse(term.since), 15)}`,
          ...term,
        },
        'The guardian term',
      );
    },
  };
}
