import { odata, RestError, type TableClient, type TableEntity } from '@azure/data-tables';
import type { TeamRef } from '../core/team/team';
import { afterPrefix, teamPartition } from './keys';
import { DomainError, conflict, invalid, notFound, unavailable } from '../core/errors';

/** Azure's limits, which the emulator does not enforce: check them before every write. */
export const MAX_PROPERTY_BYTES = 64 * 1024;
export const MAX_ENTITY_BYTES = 1024 * 1024;

export type Row = TableEntity<Record<string, unknown>>;
/** A row as read back: keys and system properties included, every value unknown. */
export type StoredRow = Record<string, unknown>;

/** Maps the SDK's RestError to the domain's codes; anything unexpected is rethrown as it is. */
export function narrow(error: unknown, what: string): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof RestError) {
    if (error.statusCode === 404) return notFound(`${what} was not found.`);
    if (error.statusCode === 409 || error.statusCode === 412)
      return conflict(`${what} was changed by someone else; reload and try again.`);
    if (error.statusCode === undefined || error.statusCode >= 500 || error.statusCode === 429)
      return unavailable('Storage is unavailable right now; try again shortly.', error);
  }
  return error;
}

export function checkSize(row: Row, what: string): void {
  let total = 0;
  for (const [name, value] of Object.entries(row)) {
    const bytes = typeof value === 'string' ? Buffer.byteLength(value, 'utf16le') : 8;
    if (bytes > MAX_PROPERTY_BYTES)
      throw invalid(`${what} is too large: shorten ${name} (at most 64 KiB).`, name);
    total += bytes + Buffer.byteLength(name, 'utf16le');
  }
  if (total > MAX_ENTITY_BYTES) throw invalid(`${what} is too large to store (at most 1 MiB).`);
}

/** Insert if absent: a 409 means it is already there and becomes `conflict`. */
export async function insertRow(client: TableClient, row: Row, what: string): Promise<string> {
  checkSize(row, what);
  try {
    const result = await client.createEntity(row);
    return etagOf(result.etag);
  } catch (error) {
    throw narrow(error, what);
  }
}

/**
 * Replaces a row only if it still carries `etag`. There is deliberately no form without one: the
 * SDK's default (`*`) would silently overwrite a concurrent change.
 */
export async function replaceRow(
  client: TableClient,
  row: Row,
  etag: string,
  what: string,
): Promise<string> {
  if (!etag || etag === '*') throw new Error(`replaceRow(${what}) needs the row's ETag`);
  checkSize(row, what);
  try {
    const result = await client.updateEntity(row, 'Replace', { etag });
    return etagOf(result.etag);
  } catch (error) {
    throw narrow(error, what);
  }
}

/** Deletes a row only if it still carries `etag`. */
export async function deleteRow(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  etag: string,
  what: string,
): Promise<void> {
  if (!etag || etag === '*') throw new Error(`deleteRow(${what}) needs the row's ETag`);
  try {
    await client.deleteEntity(partitionKey, rowKey, { etag });
  } catch (error) {
    throw narrow(error, what);
  }
}

export async function readRow(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  what: string,
): Promise<{ row: StoredRow; etag: string } | undefined> {
  try {
    const row = await client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    return { row, etag: etagOf(row.etag) };
  } catch (error) {
    if (error instanceof RestError && error.statusCode === 404) return undefined;
    throw narrow(error, what);
  }
}

/** Reads one partition (optionally a row-key range), at most `limit` rows, in key order. */
export async function readPartition(
  client: TableClient,
  filter: string,
  what: string,
  limit = Number.POSITIVE_INFINITY,
): Promise<{ row: StoredRow; etag: string }[]> {
  const out: { row: StoredRow; etag: string }[] = [];
  try {
    const pages = client
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: Math.min(limit, 1000) });
    for await (const page of pages) {
      for (const row of page) {
        out.push({ row, etag: etagOf(row.etag) });
        if (out.length >= limit) return out;
      }
    }
    return out;
  } catch (error) {
    throw narrow(error, what);
  }
}

function etagOf(etag: string | undefined): string {
  if (!etag) throw new Error('storage answered without an ETag');
  return etag;
}

export const str = (row: StoredRow, name: string): string => {
  const value = row[name];
  return typeof value === 'string' ? value : '';
};

export const bool = (row: StoredRow, name: string): boolean => row[name] === true;

export const num = (row: StoredRow, name: string): number => {
  const value = Number(row[name] ?? 0);
  return Number.isFinite(value) ? value : 0;
};

export function json<T>(row: StoredRow, name: string, fallback: T): T {
  const value = row[name];
  if (typeof value !== 'string' || value === '') return fallback;
  return JSON.parse(value) as T;
}

/** Characters per stored chunk: 32 Ki UTF-16 code units are 64 KiB, the property limit. */
const CHUNK = 30_000;

/** Spreads a JSON value over `<name>0`, `<name>1`… so a large list fits the 64 KiB property limit. */
export function chunkedJson(name: string, value: unknown): Record<string, string | number> {
  const text = JSON.stringify(value);
  const out: Record<string, string | number> = {};
  let count = 0;
  for (let at = 0; at < text.length || count === 0; at += CHUNK) {
    out[`${name}${count}`] = text.slice(at, at + CHUNK);
    count++;
  }
  out[`${name}Chunks`] = count;
  return out;
}

export function readChunkedJson<T>(row: StoredRow, name: string, fallback: T): T {
  const count = Number(row[`${name}Chunks`] ?? 0);
  if (!count) return fallback;
  let text = '';
  for (let i = 0; i < count; i++) text += str(row, `${name}${i}`);
  return JSON.parse(text) as T;
}

/**
 * What every store of versioned rows in a team's partition does, around its row mapping: point
 * reads, a row-key prefix range, insert-if-absent and ETag-guarded replace.
 */
export function teamRows<T>(
  client: TableClient,
  what: string,
  mapping: { toRow(ref: TeamRef, value: T): Row; fromRow(row: StoredRow): T },
) {
  const versioned = ({ row, etag }: { row: StoredRow; etag: string }) => ({
    value: mapping.fromRow(row),
    etag,
  });
  return {
    async get(ref: TeamRef, rowKey: string) {
      const found = await readRow(client, teamPartition(ref), rowKey, what);
      return found && versioned(found);
    },
    /** Rows whose key starts with `prefix` (all of the partition for ''), in key order. */
    async range(ref: TeamRef, prefix: string, limit?: number) {
      const partition = teamPartition(ref);
      const filter =
        prefix === ''
          ? odata`PartitionKey eq ${partition}`
          : odata`PartitionKey eq ${partition} and RowKey ge ${prefix} and RowKey lt ${afterPrefix(prefix)}`;
      return (await readPartition(client, filter, what, limit)).map(versioned);
    },
    async create(ref: TeamRef, value: T) {
      return { value, etag: await insertRow(client, mapping.toRow(ref, value), what) };
    },
    async update(ref: TeamRef, value: T, etag: string) {
      return { value, etag: await replaceRow(client, mapping.toRow(ref, value), etag, what) };
    },
    /** Deletes a row if it still carries `etag`. */
    async remove(ref: TeamRef, rowKey: string, etag: string) {
      await deleteRow(client, teamPartition(ref), rowKey, etag, what);
    },
  };
}
