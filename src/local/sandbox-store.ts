import { randomBytes } from 'node:crypto';
import { odata, type TableClient } from '@azure/data-tables';
import {
  insertRow,
  json,
  readPartition,
  readRow,
  replaceRow,
  str,
  type StoredRow,
} from '../store/entity-io';
import { invertedNumber, teamPartition } from '../store/keys';
import { DEMO_TEAM } from './demo-team';

export interface SandboxMessage {
  id: string;
  conversationId: string;
  conversationLabel: string;
  sentAt: string;
  updatedAt: string | undefined;
  text: string;
  cards: Record<string, unknown>[];
}

const WHAT = 'The sandbox message';
const LIST_LIMIT = 100;
// Everything the local connector receives belongs to the demo team's world.
const PARTITION = teamPartition(DEMO_TEAM);

/** What the bot sent through the local connector, newest first (ids sort that way). */
export function createSandboxStore(client: TableClient) {
  return {
    async add(message: Omit<SandboxMessage, 'id' | 'updatedAt'>): Promise<string> {
      const id = `${invertedNumber(Date.parse(message.sentAt), 15)}-${randomBytes(3).toString('hex')}`;
      await insertRow(
        client,
        {
          partitionKey: PARTITION,
          rowKey: id,
          conversationId: message.conversationId,
          conversationLabel: message.conversationLabel,
          sentAt: message.sentAt,
          text: message.text,
          cards: JSON.stringify(message.cards),
        },
        WHAT,
      );
      return id;
    },
    /** Replaces an earlier message in place, as Teams does when a bot updates a card. */
    async update(
      id: string,
      change: { text: string; cards: Record<string, unknown>[]; at: string },
    ) {
      const found = await readRow(client, PARTITION, id, WHAT);
      if (!found) return false;
      await replaceRow(
        client,
        {
          ...found.row,
          partitionKey: PARTITION,
          rowKey: id,
          text: change.text,
          cards: JSON.stringify(change.cards),
          updatedAt: change.at,
        },
        found.etag,
        WHAT,
      );
      return true;
    },
    async get(id: string): Promise<SandboxMessage | undefined> {
      if (!/^[0-9a-f-]{1,40}$/.test(id)) return undefined;
      const found = await readRow(client, PARTITION, id, WHAT);
      return found && messageOf(found.row);
    },
    async list(): Promise<SandboxMessage[]> {
      const rows = await readPartition(
        client,
        odata`PartitionKey eq ${PARTITION}`,
        'The sandbox',
        LIST_LIMIT,
      );
      return rows.map(({ row }) => messageOf(row));
    },
  };
}

const messageOf = (row: StoredRow): SandboxMessage => ({
  id: str(row, 'rowKey'),
  conversationId: str(row, 'conversationId'),
  conversationLabel: str(row, 'conversationLabel'),
  sentAt: str(row, 'sentAt'),
  updatedAt: str(row, 'updatedAt') || undefined,
  text: str(row, 'text'),
  cards: json(row, 'cards', []),
});

export type SandboxStore = ReturnType<typeof createSandboxStore>;
