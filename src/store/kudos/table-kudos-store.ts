import { odata, RestError, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import { kudosOrderKey, type Kudos } from '../../core/kudos/kudos';
import type { KudosStore } from '../../core/ports';
import type { TeamRef } from '../../core/team/team';
import {
  checkSize,
  json,
  narrow,
  readPartition,
  str,
  teamRows,
  type StoredRow,
} from '../entity-io';
import { afterPrefix, encodeKey, teamPartition } from '../keys';

const WHAT = 'The kudos';
/** Kudos rows: `t-<inverted ms>-<suffix>`, latest first. */
const FEED = 't-';
/** Thanks written before the time-ordered form (`k-<request>`): read too, no longer written. */
const EARLIER = 'k-';
/** One row per `onceKey`, naming the kudos it made: the idempotency gate. */
const onceRow = (key: string) => `o|${encodeKey(key)}`;
/** Pointers for "mine": `g|<user>|<kudos id>` (given) and `r|<user>|<kudos id>` (received). */
const mineRow = (side: 'g' | 'r', userId: string, id = '') => `${side}|${encodeKey(userId)}|${id}`;

/**
 * Kudos in their team's partition. A kudos row's key is its id, which sorts latest first, so the
 * feed reads only the page it shows. Adding writes, in one transaction, the kudos, a gate row for
 * what made it (a second add of the same give or thank fails as a whole and answers the first)
 * and small pointer rows per giver and recipient, so "mine" reads only that member's rows.
 */
export function createTableKudosStore(client: TableClient): KudosStore {
  const rows = teamRows<Kudos>(client, WHAT, { toRow, fromRow });

  /** Earlier thanks (`k-…`): a set that no longer grows, so reading it whole stays bounded. */
  const earlier = async (ref: TeamRef) => (await rows.range(ref, EARLIER)).map((r) => r.value);

  async function feed(ref: TeamRef, limit: number, after?: string) {
    const partition = teamPartition(ref);
    // A cursor is an order key (`t-…`), so "after it" stays inside the feed's range.
    const filter = after
      ? odata`PartitionKey eq ${partition} and RowKey gt ${after} and RowKey lt ${afterPrefix(FEED)}`
      : odata`PartitionKey eq ${partition} and RowKey ge ${FEED} and RowKey lt ${afterPrefix(FEED)}`;
    const [recent, older] = await Promise.all([
      readPartition(client, filter, WHAT, limit + 1),
      earlier(ref),
    ]);
    const merged = [
      ...recent.map((r) => fromRow(r.row)),
      ...older.filter((k) => !after || kudosOrderKey(k) > after),
    ].sort((a, b) => kudosOrderKey(a).localeCompare(kudosOrderKey(b)));
    const kudos = merged.slice(0, limit);
    const last = kudos[kudos.length - 1];
    return { kudos, next: merged.length > limit && last ? kudosOrderKey(last) : undefined };
  }

  async function pointed(ref: TeamRef, side: 'g' | 'r', userId: string, limit: number) {
    const prefix = mineRow(side, userId);
    const pointers = await rows.range(ref, prefix, limit);
    const ids = pointers.map((p) => p.value.id);
    const found = await Promise.all(ids.map((id) => rows.get(ref, id)));
    return found.flatMap((f) => (f ? [f.value] : []));
  }

  return {
    async add(ref, kudos, onceKey = kudos.id) {
      const partitionKey = teamPartition(ref);
      const pointer = (rowKey: string) => ({ partitionKey, rowKey, id: kudos.id });
      const main = toRow(ref, kudos);
      checkSize(main, WHAT);
      const actions: TransactionAction[] = [
        ['create', { partitionKey, rowKey: onceRow(onceKey), id: kudos.id }],
        ['create', main],
        ['create', pointer(mineRow('g', kudos.fromId, kudos.id))],
        ...kudos.toIds.map((to): TransactionAction => [
          'create',
          pointer(mineRow('r', to, kudos.id)),
        ]),
      ];
      try {
        await client.submitTransaction(actions);
        return { created: true, kudos };
      } catch (error) {
        const narrowed = narrow(error, WHAT);
        if (!(isDomainError(narrowed) && narrowed.code === 'conflict')) throw narrowed;
        // Made before: answer what the first add stored.
        const gate = await client
          .getEntity<Record<string, unknown>>(partitionKey, onceRow(onceKey))
          .catch((e: unknown) => {
            if (e instanceof RestError && e.statusCode === 404) return undefined;
            throw narrow(e, WHAT);
          });
        const first = gate && (await rows.get(ref, str(gate, 'id')));
        if (!first) throw narrowed;
        return { created: false, kudos: first.value };
      }
    },
    get: (ref, id) => rows.get(ref, id),
    update: rows.update,
    async list(ref, limit) {
      return (await feed(ref, limit)).kudos;
    },
    page: (ref, limit, after) => feed(ref, limit, after),
    async ofMember(ref, userId, limit) {
      const [given, received, older] = await Promise.all([
        pointed(ref, 'g', userId, limit),
        pointed(ref, 'r', userId, limit),
        earlier(ref),
      ]);
      const latest = (list: Kudos[]) =>
        list.sort((a, b) => kudosOrderKey(a).localeCompare(kudosOrderKey(b))).slice(0, limit);
      return {
        given: latest([...given, ...older.filter((k) => k.fromId === userId)]),
        received: latest([...received, ...older.filter((k) => k.toIds.includes(userId))]),
      };
    },
  };
}

/** Pointer rows' keys end in the kudos id, so they sort like the kudos they point to. */
function toRow(ref: TeamRef, k: Kudos) {
  return {
    partitionKey: teamPartition(ref),
    rowKey: k.id,
    ...k,
    toIds: JSON.stringify(k.toIds),
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
