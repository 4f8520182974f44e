import { escapeCardText } from '../escape';

export const ASK_FOR_HELP_COMMAND = 'askForHelp';
export const MAX_BLOCKER_LENGTH = 1000;
export const MAX_QUOTED_LENGTH = 2000;

export interface SourceMessage {
  id: string;
  text: string;
  authorName: string;
  link: string | undefined;
}

export const urgencies = [
  { value: 'low', title: 'Whenever someone has time' },
  { value: 'normal', title: 'Today, please' },
  { value: 'high', title: 'I am blocked right now' },
] as const;

/** What the member entered, shown again with what to fix when a submit was refused. */
export interface AskForHelpForm {
  values?: { blocker: string; skills: string; urgency: string };
  error?: string;
}

/**
 * The task module "Ask for help" opens on a message: the message quoted, then what the member adds
 * (what blocks them, skills, urgency). Pure: the same input gives the same card.
 */
export function askForHelpCard(
  message: SourceMessage,
  suggestedSkills: readonly string[],
  form: AskForHelpForm = {},
) {
  const values = form.values;
  const urgency = urgencies.some((u) => u.value === values?.urgency)
    ? (values?.urgency ?? 'normal')
    : 'normal';
  const quoted =
    message.text.length > MAX_QUOTED_LENGTH
      ? `${message.text.slice(0, MAX_QUOTED_LENGTH)}…`
      : message.text;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: 'Turn this message into a help request',
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      {
        type: 'Container',
        style: 'emphasis',
        bleed: false,
        items: [
          {
            type: 'TextBlock',
            text: escapeCardText(message.authorName || 'Someone'),
            weight: 'Bolder',
            wrap: true,
            spacing: 'None',
          },
          {
            type: 'TextBlock',
            text: escapeCardText(quoted || '(The message has no text.)'),
            wrap: true,
            isSubtle: true,
            spacing: 'Small',
          },
        ],
      },
      ...(form.error
        ? [
            {
              type: 'TextBlock',
              text: escapeCardText(form.error),
              color: 'Attention',
              weight: 'Bolder',
              wrap: true,
            },
          ]
        : []),
      {
        type: 'Input.Text',
        id: 'blocker',
        ...(values ? { value: values.blocker.slice(0, MAX_BLOCKER_LENGTH) } : {}),
        label: 'What blocks you?',
        isMultiline: true,
        isRequired: true,
        maxLength: MAX_BLOCKER_LENGTH,
        placeholder: 'What you tried, and what you need to get moving again',
        errorMessage: 'Say what blocks you, so a helper knows where to start.',
      },
      {
        type: 'Input.Text',
        id: 'skills',
        label: 'Skills that would help (comma-separated)',
        ...(values ? { value: values.skills.slice(0, 300) } : {}),
        maxLength: 300,
        placeholder:
          suggestedSkills.length > 0
            ? `For example: ${suggestedSkills.slice(0, 3).join(', ')}`
            : 'For example: SQL, design reviews',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'urgency',
        label: 'How urgent is it?',
        style: 'expanded',
        value: urgency,
        isRequired: true,
        choices: urgencies.map((u) => ({ title: u.title, value: u.value })),
      },
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: 'Ask for help',
        style: 'positive',
        data: {
          action: 'createHelpRequest',
          messageId: message.id,
          messageLink: message.link ?? '',
        },
      },
    ],
  };
}
