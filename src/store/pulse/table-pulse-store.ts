import { type TableClient, type TransactionAction } from '@azure/data-tables';
import type { PulseStore } from '../../core/ports';
import { PULSE_ID, type Pulse } from '../../core/pulse/pulse';
import type { TeamRef } from '../../core/team/team';
import {
  checkSize,
  chunkedJson,
  json,
  narrow,
  num,
  readChunkedJson,
  readRow,
  str,
  teamRows,
  type Row,
  type StoredRow,
} from '../entity-io';
import { teamPartition } from '../keys';

const WHAT = 'The pulse';
/** The pulse, with its running tally: `p~<id>` (ids sort newest first). */
const pulseRow = (id: string) => `p~${id}`;
/** "Someone answered": `m~<pulse id>~<keyed hash>`, and nothing else in the row. */
const markerRow = (pulseId: string, marker: string) => `m~${pulseId}~${marker}`;
/** Present while a pulse is open: the gate for "one open pulse at a time". */
const OPEN_ROW = 'open';
const MARKER = /^[0-9a-f]{64}$/;

/**
 * Pulses in the `pulses` table, in their team's partition. Nothing here stores a person's id:
 * answers only change counts in the pulse row, and the "answered" marker is a row whose key is a
 * keyed hash, written in the same transaction as the tally so neither exists without the other.
 */
export function createTablePulseStore(client: TableClient): PulseStore {
  const rows = teamRows<Pulse>(client, WHAT, { toRow, fromRow });

  async function transact(ref: TeamRef, actions: TransactionAction[], pulse: Pulse) {
    for (const [, entity] of actions) checkSize(entity as Row, WHAT);
    try {
      const result = await client.submitTransaction(actions);
      // Sub-responses come in the order of the actions; the row keys in them are URL-encoded.
      const at = actions.findIndex(([, entity]) => entity.rowKey === pulseRow(pulse.id));
      const etag = result.subResponses[at]?.etag?.trim();
      if (!etag) throw new Error('storage answered a pulse transaction without an ETag');
      return { value: pulse, etag };
    } catch (error) {
      throw narrow(error, WHAT);
    }
  }

  const checkMarker = (marker: string) => {
    if (!MARKER.test(marker)) throw new Error('a pulse marker is a 64-digit hex hash');
  };

  return {
    get: (ref, id) =>
      PULSE_ID.test(id) ? rows.get(ref, pulseRow(id)) : Promise.resolve(undefined),
    list: (ref, limit) => rows.range(ref, 'p~', limit),
    start: (ref, pulse) =>
      transact(
        ref,
        [
          ['create', toRow(ref, pulse)],
          ['create', { partitionKey: teamPartition(ref), rowKey: OPEN_ROW, pulseId: pulse.id }],
        ],
        pulse,
      ),
    async hasMarker(ref, pulseId, marker) {
      checkMarker(marker);
      return (
        (await readRow(client, teamPartition(ref), markerRow(pulseId, marker), WHAT)) !== undefined
      );
    },
    answer(ref, pulse, etag, marker) {
      checkMarker(marker);
      if (!etag || etag === '*') throw new Error('answering a pulse needs its ETag');
      return transact(
        ref,
        [
          ['create', { partitionKey: teamPartition(ref), rowKey: markerRow(pulse.id, marker) }],
          ['update', toRow(ref, pulse), 'Replace', { etag }],
        ],
        pulse,
      );
    },
    close(ref, pulse, etag) {
      if (!etag || etag === '*') throw new Error('closing a pulse needs its ETag');
      return transact(
        ref,
        [
          ['update', toRow(ref, pulse), 'Replace', { etag }],
          ['delete', { partitionKey: teamPartition(ref), rowKey: OPEN_ROW }],
        ],
        pulse,
      );
    },
  };
}

function toRow(ref: TeamRef, p: Pulse): Row {
  return {
    partitionKey: teamPartition(ref),
    rowKey: pulseRow(p.id),
    id: p.id,
    startedByRole: p.startedByRole,
    startedAt: p.startedAt,
    closesAt: p.closesAt,
    items: JSON.stringify(p.items),
    minAnswers: p.minAnswers,
    freeTextMin: p.freeTextMin,
    status: p.status,
    closedAt: p.closedAt,
    hashKey: p.hashKey,
    answered: p.tally.answered,
    counts: JSON.stringify(p.tally.counts),
    // Written answers can outgrow one 64 KiB property: spread over `texts0`, `texts1`…
    ...chunkedJson('texts', p.tally.texts),
  };
}

function fromRow(row: StoredRow): Pulse {
  return {
    id: str(row, 'id'),
    startedByRole: str(row, 'startedByRole') === 'guardian' ? 'guardian' : 'owner',
    startedAt: str(row, 'startedAt'),
    closesAt: str(row, 'closesAt'),
    items: json(row, 'items', []),
    minAnswers: num(row, 'minAnswers'),
    freeTextMin: num(row, 'freeTextMin'),
    status: str(row, 'status') === 'closed' ? 'closed' : 'open',
    closedAt: str(row, 'closedAt'),
    hashKey: str(row, 'hashKey'),
    tally: {
      answered: num(row, 'answered'),
      counts: json(row, 'counts', {}),
      texts: readChunkedJson(row, 'texts', []),
    },
  };
}
