import type { CompactOverviewDto, ProposalDto } from '../../../api/contract';

export type ProposalKind = ProposalDto['kind'];
type ProposalStatus = ProposalDto['status'];
export type ProposalAction = keyof ProposalDto['can'];
export type AdoptionRule = CompactOverviewDto['settings']['adoptionRule'];

/** The order the buttons appear in on a proposal. */
export const proposalActions: readonly ProposalAction[] = [
  'endorse',
  'object',
  'adopt',
  'decline',
  'withdraw',
];

/** The server's limits (core/compact/proposal.ts), repeated so the form can say them. */
export const MAX_CLAUSE_LENGTH = 500;
export const MAX_REASON_LENGTH = 1000;
export const MAX_COMMENT_LENGTH = 500;
export const MAX_REVIEW_NOTE_LENGTH = 2000;
export const MIN_RESPONSE_HOURS = 1;
export const MAX_RESPONSE_HOURS = 336;

export const kindLabels: Record<ProposalKind, string> = {
  add: 'Add a clause',
  change: 'Change a clause',
  remove: 'Remove a clause',
};

export const statusLabels: Record<ProposalStatus, string> = {
  open: 'Open',
  adopted: 'Adopted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const actionLabels: Record<ProposalAction, { label: string; busy: string }> = {
  endorse: { label: 'Endorse', busy: 'Endorsing…' },
  object: { label: 'Object', busy: 'Objecting…' },
  adopt: { label: 'Adopt', busy: 'Adopting…' },
  decline: { label: 'Decline', busy: 'Declining…' },
  withdraw: { label: 'Withdraw', busy: 'Withdrawing…' },
};

export const failedTitles: Record<ProposalAction, string> = {
  endorse: 'Your endorsement was not recorded',
  object: 'Your objection was not recorded',
  adopt: 'The proposal was not adopted',
  decline: 'The proposal was not declined',
  withdraw: 'The proposal was not withdrawn',
};

export const adoptionRuleLabels: Record<AdoptionRule, string> = {
  owner: 'A team owner adopts proposals',
  majority: 'A majority of the members taking part adopts them',
};

/** What came of an action on a proposal, in words, from the proposal the server answered with. */
export function outcomeOf(action: ProposalAction, proposal: ProposalDto): string {
  if (proposal.status === 'adopted' && proposal.adoptedVersion !== null)
    return `Adopted: the compact is now version ${proposal.adoptedVersion}.`;
  switch (action) {
    case 'endorse':
      return 'You endorsed the proposal.';
    case 'object':
      return 'Your objection is recorded with your comment.';
    case 'decline':
      return 'The proposal was declined.';
    case 'withdraw':
      return 'You withdrew the proposal.';
    case 'adopt':
      return 'The proposal was adopted.';
  }
}

/** The compare control's starting pair: the version before the latest, and the latest. */
export function defaultComparison(versions: readonly { version: number }[]) {
  const to = versions[0]?.version;
  const from = versions[1]?.version ?? to;
  return to === undefined || from === undefined ? undefined : { from, to };
}

/** A clause picked by its text in lists and selects: its first words. */
export const clauseSummary = (text: string, length = 80) =>
  text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
