import type { CompactVersion } from './compact';
import type { Proposal } from './proposal';

/**
 * Whether an open proposal is outdated: the clause it changes or removes no longer reads as it did
 * when the proposal was made (another adoption changed it since), so it cannot be adopted.
 */
export function isOutdated(p: Proposal, current: CompactVersion | undefined): boolean {
  if (p.status !== 'open' || p.kind === 'add') return false;
  const clause = current?.clauses.find((c) => c.id === p.clauseId);
  return (
    !clause ||
    clause.text !== p.previousText ||
    (clause.commitment?.hours ?? null) !== p.previousCommitmentHours
  );
}

/** What a viewer may do with a proposal: the buttons the Compact page shows. */
export interface ProposalActions {
  endorse: boolean;
  object: boolean;
  adopt: boolean;
  decline: boolean;
  withdraw: boolean;
}

/** What `viewer` may do with the proposal, given the compact as it is now. */
export function proposalActionsFor(
  p: Proposal,
  viewer: { userId: string; role: string },
  current: CompactVersion | undefined,
): ProposalActions {
  const open = p.status === 'open';
  const owner = viewer.role === 'owner';
  const mine = p.stances.find((s) => s.userId === viewer.userId)?.stance;
  return {
    endorse: open && mine !== 'endorse',
    object: open && mine !== 'object',
    adopt: open && owner && !isOutdated(p, current),
    decline: open && owner,
    withdraw: open && p.proposedBy === viewer.userId,
  };
}
