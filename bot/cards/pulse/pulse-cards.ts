import type { MessageComposer, PulseAskInput } from '../../../src/core/ports';
import { SCALE_LABELS } from '../../../src/core/pulse/questions';
import { MAX_PULSE_TEXT } from '../../../src/core/pulse/pulse';
import { adaptiveCard, heading, openUrl, paragraph, readerDate } from '../card-kit';

export const PULSE_ANSWER_VERB = 'pulse.answer';
/** The card's input ids: one choice set per rated statement, and the written answer. */
export const scoreInputId = (itemId: string) => `score-${itemId}`;
export const PULSE_TEXT_INPUT = 'pulseText';

const ANONYMITY =
  'Anonymous: Mutual records only the counts and a mark that you answered, never who chose what. ' +
  'Results appear after the pulse closes, and only if enough people answered.';

function questions(items: PulseAskInput['items']) {
  return items.map((item) =>
    item.kind === 'scale'
      ? {
          type: 'Input.ChoiceSet',
          id: scoreInputId(item.id),
          // Input labels are plain text (no markdown), and the questions are Mutual's own.
          label: item.text,
          style: 'expanded',
          isRequired: false,
          choices: SCALE_LABELS.map((title, index) => ({ title, value: String(index + 1) })),
        }
      : {
          type: 'Input.Text',
          id: PULSE_TEXT_INPUT,
          label: `${item.text} (optional)`,
          isMultiline: true,
          maxLength: MAX_PULSE_TEXT,
          placeholder: 'Written answers are shown only when at least 10 people answered.',
        },
  );
}

/** The pulse's questions with "Send anonymously"; or, once counted, a thank-you without the answer. */
export function pulseAskCard(input: PulseAskInput) {
  const { teamId, teamName, pulseId, items, closesAt, link, answered } = input;
  if (answered)
    return adaptiveCard(
      [
        heading(`${teamName}: team pulse`),
        {
          type: 'TextBlock',
          text: 'Thanks — your answer was recorded anonymously.',
          wrap: true,
          weight: 'Bolder',
          color: 'Good',
        },
        {
          type: 'TextBlock',
          text: `Results appear on the Pulse page after it closes on ${readerDate(closesAt)}.`,
          wrap: true,
          isSubtle: true,
        },
      ],
      [openUrl('Open the Pulse page', link)],
    );
  return adaptiveCard(
    [
      heading(`${teamName}: team pulse`),
      paragraph(
        'How safe does it feel to take risks with each other here? Skip anything you like.',
        {
          spacing: 'None',
        },
      ),
      {
        type: 'TextBlock',
        text: `Open until ${readerDate(closesAt)}.`,
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      },
      ...questions(items),
      paragraph(ANONYMITY, { isSubtle: true, size: 'Small' }),
    ],
    [
      {
        type: 'Action.Execute',
        verb: PULSE_ANSWER_VERB,
        title: 'Send anonymously',
        style: 'positive',
        associatedInputs: 'auto',
        data: { teamId, pulseId },
      },
      openUrl('Open the Pulse page', link),
    ],
  );
}

export const pulseMessages: Pick<MessageComposer, 'pulseAsk'> = {
  pulseAsk(input) {
    return {
      text: `${input.teamName} is running an anonymous pulse: a few questions, one minute.`,
      card: pulseAskCard(input),
    };
  },
};
