import type { MessageComposer } from '../../../src/core/ports';
import { adaptiveCard, heading, openUrl, paragraph } from '../card-kit';

/**
 * The helper-load note: private, 1:1, to the Culture Guardian (or the owners). It names one
 * person and their share in words, and suggests what to do; it never compares people.
 */
export const insightMessages: Pick<MessageComposer, 'helperLoad'> = {
  helperLoad({ teamName, helper, given, total, percent, audience, insightsLink }) {
    const share = `${helper.name} helped with ${given} of the ${total} requests someone picked up in ${teamName} over the last 4 weeks (about ${percent}%).`;
    const role =
      audience === 'guardian'
        ? 'You hear this as Culture Guardian; only you were told.'
        : 'You hear this as an owner of the team; nobody else in the team was told.';
    return {
      text: `${helper.name} is carrying a large share of the help in ${teamName}.`,
      card: adaptiveCard(
        [
          heading('One person is carrying a lot of the helping'),
          paragraph(share),
          paragraph('Some ways to spread the load:', { weight: 'Bolder' }),
          // One paragraph each: a leading '-' would be escaped, not drawn as a list.
          paragraph(
            '• Route the next requests to others, and invite people who know the topic to pick them up.',
            { spacing: 'Small' },
          ),
          paragraph('• Remind people to ask their blocker buddies first.', { spacing: 'None' }),
          paragraph(
            `• Check in privately with ${helper.name}: thank them, and ask how the load feels.`,
            {
              spacing: 'None',
            },
          ),
          paragraph(role, { isSubtle: true }),
        ],
        [openUrl('Open Insights', insightsLink)],
      ),
    };
  },
};
