import type { MessageComposer, MessagePerson } from '../../../src/core/ports';
import { adaptiveCard, heading, openUrl, paragraph } from '../card-kit';

/** "Ana, Ben and Carla" */
const names = (people: readonly MessagePerson[]) => {
  const all = people.map((p) => p.name);
  return all.length <= 1 ? (all[0] ?? '') : `${all.slice(0, -1).join(', ')} and ${all.at(-1)}`;
};

/** The cards of kudos. Pure: the same input gives the same card. */
export const kudosMessages: Pick<MessageComposer, 'kudosReceived'> = {
  kudosReceived({ teamName, from, others, story, fromHelpRequest, link }) {
    const why = fromHelpRequest ? 'for helping with their request' : 'in ' + teamName;
    const also = others.length > 0 ? `Also thanked: ${names(others)}.` : '';
    return {
      text: `${from.name} gave you kudos ${why}.`,
      card: adaptiveCard(
        [
          heading(`Kudos from ${from.name}`),
          paragraph(`${from.name} thanked you ${why}.`, { isSubtle: true, spacing: 'None' }),
          {
            type: 'Container',
            style: 'emphasis',
            items: [paragraph(story || 'No story was written.', { isSubtle: !story })],
          },
          ...(also ? [paragraph(also, { isSubtle: true, size: 'Small' })] : []),
        ],
        [openUrl('See the team’s kudos', link)],
      ),
    };
  },
};
