import { odata, type TableClient } from '@azure/data-tables';
import type { InsightStore } from '../../core/ports';
import type { CheckInAnswer } from '../../core/rotations/check-in';
import {
  DEFAULT_INSIGHT_SETTINGS,
  insightRequestColumns,
  type InsightRequest,
} from '../../core/insights/insights';
import type { HelpStatus } from '../../core/help/help-request';
import { insertRow, num, readRow, replaceRow, str, narrow, type StoredRow } from '../entity-io';
import { teamPartition } from '../keys';
import { roundFromRow } from '../rotations/table-round-store';

const SETTINGS = 'insight-settings';
/** Help request row keys are `h` and 16 hex digits. */
const HELP_FROM = 'h';
const HELP_TO = 'i';

export interface InsightTables {
  help: TableClient;
  rounds: TableClient;
  checkIns: TableClient;
  /** Where the alert's settings row lives (the `roles` table, beside the guardian's). */
  settings: TableClient;
}

/**
 * The Insights page's reads: one query per table, each inside the team's partition, filtered by
 * the storage service and trimmed to the columns the metrics need, so a team's page never reads
 * another team's rows and 5,000 requests come back in a few pages of small rows.
 */
export function createTableInsightStore(tables: InsightTables): InsightStore {
  return {
    async helpSince(ref, since) {
      const filter = odata`PartitionKey eq ${teamPartition(ref)} and RowKey ge ${HELP_FROM} and RowKey lt ${HELP_TO} and (createdAt ge ${since.toISOString()} or status ne ${'resolved'})`;
      const rows = await query(
        tables.help,
        filter,
        [...insightRequestColumns],
        'The help requests',
      );
      return rows.map(requestOf);
    },
    async roundsPublishedSince(ref, since) {
      const filter = odata`PartitionKey eq ${teamPartition(ref)} and status eq ${'published'} and publishedAt ge ${since.toISOString()}`;
      const rows = await query(tables.rounds, filter, undefined, 'The rounds');
      return rows.map(roundFromRow);
    },
    async checkInsSince(ref, since) {
      const filter = odata`PartitionKey eq ${teamPartition(ref)} and answeredAt ge ${since.toISOString()}`;
      const rows = await query(
        tables.checkIns,
        filter,
        ['roundId', 'userId', 'answer'],
        'The check-ins',
      );
      return rows.map((row) => ({
        roundId: str(row, 'roundId'),
        userId: str(row, 'userId'),
        answer: str(row, 'answer') as CheckInAnswer,
      }));
    },
    async settings(ref) {
      const found = await readRow(
        tables.settings,
        teamPartition(ref),
        SETTINGS,
        'The insight settings',
      );
      if (!found) return undefined;
      return {
        value: {
          helperLoadPercent:
            num(found.row, 'helperLoadPercent') || DEFAULT_INSIGHT_SETTINGS.helperLoadPercent,
          helperLoadMinRequests:
            num(found.row, 'helperLoadMinRequests') ||
            DEFAULT_INSIGHT_SETTINGS.helperLoadMinRequests,
        },
        etag: found.etag,
      };
    },
    async saveSettings(ref, settings, etag) {
      const row = { partitionKey: teamPartition(ref), rowKey: SETTINGS, ...settings };
      const what = 'The insight settings';
      return {
        value: settings,
        etag:
          etag === undefined
            ? await insertRow(tables.settings, row, what)
            : await replaceRow(tables.settings, row, etag, what),
      };
    },
  };
}

/** Every row of a filtered query, in pages of 1,000 (the service's largest page). */
async function query(
  client: TableClient,
  filter: string,
  select: string[] | undefined,
  what: string,
): Promise<StoredRow[]> {
  const out: StoredRow[] = [];
  try {
    const pages = client
      .listEntities<Record<string, unknown>>({
        queryOptions: select ? { filter, select } : { filter },
      })
      .byPage({ maxPageSize: 1000 });
    for await (const page of pages) for (const row of page) out.push(row);
    return out;
  } catch (error) {
    throw narrow(error, what);
  }
}

const requestOf = (row: StoredRow): InsightRequest => ({
  id: str(row, 'id'),
  requesterId: str(row, 'requesterId'),
  status: (str(row, 'status') || 'open') as HelpStatus,
  helperId: str(row, 'helperId'),
  createdAt: str(row, 'createdAt'),
  responseHours: num(row, 'responseHours'),
  dueAt: str(row, 'dueAt'),
  firstResponseAt: str(row, 'firstResponseAt'),
  resolvedAt: str(row, 'resolvedAt'),
  resolvedBy: str(row, 'resolvedBy'),
});
