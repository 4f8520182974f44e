import type { HelpRequest } from './help-request';

/** What a viewer may do with a help request: the buttons the board and the cards show. */
export interface HelpActions {
  claim: boolean;
  release: boolean;
  resolve: boolean;
  thank: boolean;
}

/**
 * What `viewerId` may do with the request as it stands. With no viewer (a card many people see)
 * it answers what someone in the team may do; the bot then refuses whoever may not.
 */
export function helpActionsFor(r: HelpRequest, viewerId?: string): HelpActions {
  const is = (id: string) => viewerId === undefined || viewerId === id;
  return {
    claim: r.status === 'open' && (viewerId === undefined || viewerId !== r.requesterId),
    release: r.status === 'claimed' && is(r.helperId),
    resolve: r.status !== 'resolved' && (is(r.requesterId) || is(r.helperId)),
    thank: r.status === 'resolved' && !!r.helperId && !r.thankedAt && is(r.requesterId),
  };
}
