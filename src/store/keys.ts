import type { TeamRef } from '../core/team/team';

/**
 * Makes any id safe as a table key: Azure forbids `/ \ # ?` and control characters in keys, and
 * `|` is our separator, so each part is percent-encoded (which escapes all of those).
 */
export const encodeKey = (part: string) =>
  encodeURIComponent(part).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export const decodeKey = (key: string) => decodeURIComponent(key);

/** Every team-owned row lives in the team's partition. */
export const teamPartition = (ref: TeamRef) =>
  `${encodeKey(ref.tenantId)}|${encodeKey(ref.teamId)}`;

/** Sorts newest first under the table's ascending row-key order. */
export const invertedNumber = (n: number, width = 12) =>
  (10 ** width - 1 - n).toString().padStart(width, '0');

/** The smallest string greater than every string that starts with `prefix`, for range queries. */
export const afterPrefix = (prefix: string) =>
  prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
