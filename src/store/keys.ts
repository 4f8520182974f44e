import { invalid } from '../core/errors';
import type { TeamRef } from '../core/team/team';

/**
 * Makes any id safe as a table key: Azure forbids `/ \ # ?` and control characters in keys, and
 * `|` is our separator, so each part is percent-encoded (which escapes all of those). Text that
 * is not well-formed Unicode (a lone surrogate such as JSON's `"\ud800"`) has no encoding: it is
 * refused as `invalid` (a 400, or the card's error text), whichever id, route or payload it came in.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function encodeKey(part: string): string {
  if (LONE_SURROGATE.test(part))
    throw invalid(
      'An id in this request is not valid Unicode (it holds a lone surrogate); send the id exactly as Mutual gave it.',
    );
  return encodeURIComponent(part).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

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
