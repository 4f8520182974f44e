import { odata, type TableClient } from '@azure/data-tables';
import type { HelpRequestStore } from '../../core/ports';
import { urgencies, type HelpRequest, type HelpStatus } from '../../core/help/help-request';
import { json, str, teamRows, type StoredRow } from '../entity-io';
import { teamPartition } from '../keys';

/**
 * Help requests in their team's partition, keyed by their deterministic id, so a repeated submit
 * from Teams meets the insert-if-absent gate. The quoted message and skills are JSON.
 */
export function createTableHelpStore(client: TableClient): HelpRequestStore {
  const rows = teamRows<HelpRequest>(client, 'The help request', {
    toRow: (ref, r) => ({
      partitionKey: teamPartition(ref),
      rowKey: r.id,
      ...r,
      source: JSON.stringify(r.source),
      skills: JSON.stringify(r.skills),
    }),
    fromRow,
  });
  return {
    get: (ref, id) => (/^h[0-9a-f]{16}$/.test(id) ? rows.get(ref, id) : Promise.resolve(undefined)),
    async list(ref) {
      const all = await rows.range(ref, 'h');
      return all.sort((a, b) => b.value.createdAt.localeCompare(a.value.createdAt));
    },
    create: rows.create,
    update: rows.update,
    async countTakenSince(ref, userId, since) {
      // Filtered by the service, so only the matching rows (and two columns) come back.
      const iter = client.listEntities({
        queryOptions: {
          filter: odata`PartitionKey eq ${teamPartition(ref)} and helperId eq ${userId} and firstResponseAt ge ${since.toISOString()}`,
          select: ['RowKey'],
        },
      });
      let count = 0;
      for await (const _row of iter) count++;
      return count;
    },
  };
}

function fromRow(row: StoredRow): HelpRequest {
  const urgency = str(row, 'urgency');
  return {
    id: str(row, 'id'),
    requesterId: str(row, 'requesterId'),
    source: json(row, 'source', { id: '', text: '', authorName: '', link: '' }),
    blocker: str(row, 'blocker'),
    skills: json(row, 'skills', []),
    urgency: (urgencies as readonly string[]).includes(urgency)
      ? (urgency as HelpRequest['urgency'])
      : 'normal',
    status: (str(row, 'status') || 'open') as HelpStatus,
    helperId: str(row, 'helperId'),
    buddyId: str(row, 'buddyId'),
    createdAt: str(row, 'createdAt'),
    responseHours: Number(row.responseHours ?? 0),
    dueAt: str(row, 'dueAt'),
    firstResponseAt: str(row, 'firstResponseAt'),
    resolvedAt: str(row, 'resolvedAt'),
    resolvedBy: str(row, 'resolvedBy'),
    thankedAt: str(row, 'thankedAt'),
    revision: Number(row.revision ?? 1),
  };
}
