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

/** One thank per request, so its kudos id follows from the request's. */
const kudosIdForHelp = (helpRequestId: string) => `k-${helpRequestId}`;

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
    id: kudosIdForHelp(request.id),
    fromId: request.requesterId,
    toIds: [request.helperId],
    story: text,
    helpRequestId: request.id,
    createdAt: now.toISOString(),
  };
}
