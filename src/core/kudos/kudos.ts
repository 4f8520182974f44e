import { invalid } from '../errors';

/** Thanks made visible: who thanked whom, for what. Never counted into a ranking. */
export interface Kudos {
  id: string;
  fromId: string;
  toIds: string[];
  story: string;
  /** The help request it thanks for, or '' for kudos given on their own. */
  helpRequestId: string;
  createdAt: string;
}

export const MAX_KUDOS_STORY = 500;
export const MAX_KUDOS_RECIPIENTS = 10;

/**
 * A kudos id sorts latest first under the table's ascending key order:
 * `t-<inverted ms, 15 digits>-<suffix>`. Thanks written before this form have `k-<request>`.
 */
export const KUDOS_ID = /^t-\d{15}-[0-9A-Za-z]{1,40}$|^k-h[0-9a-f]{16}$/;
export const kudosIdFor = (at: Date, suffix: string) =>
  `t-${String(10 ** 15 - 1 - at.getTime()).padStart(15, '0')}-${suffix}`;

/**
 * Where a kudos sorts among the others, latest first, whatever form its id has: a new id is its
 * own sort key; an older `k-…` id gets the same prefix from its time.
 */
export const kudosOrderKey = (k: Pick<Kudos, 'id' | 'createdAt'>) =>
  k.id.startsWith('t-') ? k.id : `${kudosIdFor(new Date(k.createdAt), '')}${k.id}`;

/** What makes one give or thank distinct: the same key twice stores one kudos. */
export const thankOnceKey = (helpRequestId: string) => `thank~${helpRequestId}`;

function storyOf(story: string): string {
  const text = story.trim();
  if (text.length > MAX_KUDOS_STORY)
    throw invalid(`Keep the story under ${MAX_KUDOS_STORY} characters.`, 'story');
  return text;
}

/** The kudos a requester's "Thank" writes for the person who helped. */
export function kudosForHelp(
  request: { id: string; requesterId: string; helperId: string },
  story: string,
  now: Date,
): Kudos {
  const text = story.trim();
  if (text.length > MAX_KUDOS_STORY)
    throw invalid(`Keep the thanks under ${MAX_KUDOS_STORY} characters.`, 'story');
  return {
    id: kudosIdFor(now, request.id),
    fromId: request.requesterId,
    toIds: [request.helperId],
    story: text,
    helpRequestId: request.id,
    createdAt: now.toISOString(),
  };
}

export interface NewKudos {
  fromId: string;
  toIds: readonly string[];
  story: string;
}

/**
 * Kudos given on their own, to 1–10 teammates (not oneself), with a story. Whether the
 * recipients are in the team is the service's check: it has the roster.
 */
export function newKudos(input: NewKudos, now: Date, id: string): Kudos {
  const toIds = [...new Set(input.toIds.map((t) => t.trim()).filter(Boolean))];
  if (toIds.length === 0) throw invalid('Choose at least one teammate to thank.', 'toIds');
  if (toIds.length > MAX_KUDOS_RECIPIENTS)
    throw invalid(`Thank at most ${MAX_KUDOS_RECIPIENTS} teammates at once.`, 'toIds');
  if (toIds.includes(input.fromId))
    throw invalid('Kudos are for teammates: leave yourself out.', 'toIds');
  const story = storyOf(input.story);
  if (!story) throw invalid('Say what they did: the story is what the team sees.', 'story');
  return {
    id,
    fromId: input.fromId,
    toIds,
    story,
    helpRequestId: '',
    createdAt: now.toISOString(),
  };
}
