import type { TableClient } from '@azure/data-tables';
import type { ConversationState } from '../../core/notify/conversation-state';
import type { ConversationStore } from '../../core/ports';
import { bool, deleteRow, insertRow, readRow, replaceRow, str, type Row } from '../entity-io';
import { encodeKey, teamPartition } from '../keys';

const WHAT = 'The conversation';

export function createTableConversationStore(client: TableClient): ConversationStore {
  return {
    async get(team, key) {
      const found = await readRow(client, teamPartition(team), encodeKey(key), WHAT);
      if (!found) return undefined;
      const row = found.row;
      return {
        value: {
          team,
          key,
          conversationId: str(row, 'conversationId'),
          dead: bool(row, 'dead'),
          deadReason: str(row, 'deadReason'),
          updatedAt: str(row, 'updatedAt'),
        },
        etag: found.etag,
      };
    },
    async create(state) {
      return { value: state, etag: await insertRow(client, toRow(state), WHAT) };
    },
    async update(state, etag) {
      return { value: state, etag: await replaceRow(client, toRow(state), etag, WHAT) };
    },
    async remove(team, key, etag) {
      await deleteRow(client, teamPartition(team), encodeKey(key), etag, WHAT);
    },
  };
}

const toRow = (s: ConversationState): Row => ({
  partitionKey: teamPartition(s.team),
  rowKey: encodeKey(s.key),
  conversationId: s.conversationId,
  dead: s.dead,
  deadReason: s.deadReason,
  updatedAt: s.updatedAt,
});
