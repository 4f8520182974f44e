import type { ClauseDiff } from '../../../src/core/compact/diff';
import type { CompactAckInput, MessageComposer } from '../../../src/core/ports';
import { adaptiveCard, heading, openUrl, paragraph, readerDate } from '../card-kit';

export const COMPACT_ACK_VERB = 'compact.ack';
/** A card lists this many changes; the rest are on the Compact page. */
const CARD_CHANGES = 8;

const commitmentOf = (c: { commitment?: { hours: number } }) =>
  c.commitment ? ` (response time: ${c.commitment.hours} hours)` : '';

function changeLine(change: ClauseDiff): { label: string; text: string } {
  switch (change.kind) {
    case 'added':
      return { label: 'Added', text: change.clause.text + commitmentOf(change.clause) };
    case 'removed':
      return { label: 'Removed', text: change.clause.text };
    case 'changed':
      return { label: 'Now reads', text: change.after.text + commitmentOf(change.after) };
    case 'same':
      return { label: 'Unchanged', text: change.clause.text };
  }
}

function changesBlock(changes: readonly ClauseDiff[]) {
  const shown = changes.filter((c) => c.kind !== 'same').slice(0, CARD_CHANGES);
  const more = changes.filter((c) => c.kind !== 'same').length - shown.length;
  return [
    ...shown.map((change) => {
      const { label, text } = changeLine(change);
      return {
        type: 'Container',
        style: 'emphasis',
        spacing: 'Small',
        items: [
          paragraph(label, { weight: 'Bolder', size: 'Small' }),
          paragraph(text, { spacing: 'None' }),
        ],
      };
    }),
    ...(more > 0
      ? [paragraph(`…and ${more} more changes on the Compact page.`, { isSubtle: true })]
      : []),
  ];
}

/** The card asking for an acknowledgement, or saying it was given. */
export function compactAckCard(input: CompactAckInput) {
  const { teamId, teamName, version, changes, link, acknowledgedAt } = input;
  const done = acknowledgedAt
    ? [
        {
          type: 'TextBlock',
          text: `You committed to version ${version} on ${readerDate(acknowledgedAt)}. Thank you.`,
          wrap: true,
          weight: 'Bolder',
          color: 'Good',
        },
      ]
    : [];
  const ask = acknowledgedAt
    ? []
    : [
        {
          type: 'Action.Execute',
          verb: COMPACT_ACK_VERB,
          title: 'I commit to this',
          style: 'positive',
          data: { teamId, version },
        },
      ];
  return adaptiveCard(
    [
      heading(`The Support Compact changed: version ${version}`),
      paragraph(
        `${teamName} adopted a new version of the promises you make each other about asking for and giving help.`,
        { isSubtle: true, spacing: 'None' },
      ),
      ...changesBlock(changes),
      ...done,
    ],
    [...ask, openUrl('Read the whole compact', link)],
  );
}

/** The cards of the Support Compact. Pure: the same input gives the same card. */
export const compactMessages: Pick<MessageComposer, 'compactAcknowledge' | 'compactReview'> = {
  compactAcknowledge(input) {
    return {
      text: `${input.teamName}’s Support Compact is now version ${input.version}.`,
      card: compactAckCard(input),
    };
  },

  compactReview({ teamName, reviewOn, when, audience, openProposals, link }) {
    const day = when === 'day' ? 'today' : `on ${reviewOn}, in a week`;
    const proposals =
      openProposals === 0
        ? 'No proposals are open; the review is the moment to suggest some.'
        : `${openProposals} ${openProposals === 1 ? 'proposal is' : 'proposals are'} open for the team to decide.`;
    const lead =
      audience === 'guardian'
        ? `As Culture Guardian you facilitate it: gather the team, walk through the compact clause by clause, and record who took part on the Compact page.`
        : 'Read it before the review, and propose the changes you would like to discuss.';
    return {
      text: `${teamName} reviews its Support Compact ${day}.`,
      card: adaptiveCard(
        [
          heading(`Compact review ${when === 'day' ? 'today' : 'next week'}`),
          paragraph(`${teamName} reviews its Support Compact ${day}.`, {
            isSubtle: true,
            spacing: 'None',
          }),
          paragraph(lead),
          paragraph(proposals, { isSubtle: true }),
        ],
        [openUrl('Open the Compact page', link)],
      ),
    };
  },
};
