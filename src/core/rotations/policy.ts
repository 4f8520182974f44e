import { groupOf, type Round } from './round';

/** What a viewer may do with a round: the buttons the Pairings page shows. */
export interface RoundActions {
  swap: boolean;
  publish: boolean;
  checkIn: boolean;
}

/** Owners swap and publish a draft; a member paired in a published round checks in. */
export function roundActionsFor(
  round: Round,
  viewer: { userId: string; role: string },
): RoundActions {
  const ownerOfDraft = round.status === 'draft' && viewer.role === 'owner';
  return {
    swap: ownerOfDraft,
    publish: ownerOfDraft,
    checkIn: round.status === 'published' && groupOf(round, viewer.userId) >= 0,
  };
}
