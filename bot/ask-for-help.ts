import {
  CardFactory,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { isDomainError } from '../src/core/errors';
import type { Services } from '../src/services';
import type { BuddyHears } from '../src/services/help/ask-for-help';
import {
  ASK_FOR_HELP_COMMAND,
  askForHelpCard,
  type AskForHelpForm,
  type SourceMessage,
} from './cards/help/ask-for-help-card';
import { allowedMessageLink } from '../src/core/help/message-link';
import { htmlToText } from './cards/escape';
import { actorOf, teamIdOf } from './activity';

/** What the task module's submit carries: its inputs, and the data its button set. */
const SubmitSchema = z.object({
  blocker: z.string().max(20_000).default(''),
  skills: z.string().max(2_000).default(''),
  urgency: z.string().max(20).default('normal'),
  messageId: z.string().max(200).optional(),
  messageLink: z.string().max(2_000).optional(),
});

const TITLE = 'Ask for help';

/** `composeExtension/fetchTask`: the form, with the message quoted. */
export function openAskForHelp(action: MessagingExtensionAction): MessagingExtensionActionResponse {
  if (action.commandId !== ASK_FOR_HELP_COMMAND)
    return message('Mutual does not know that command.');
  return form(sourceMessageOf(action, undefined), {});
}

/**
 * `composeExtension/submitAction`: makes the help request and says where it went. What the member
 * must fix comes back on the form with what they typed; anything else as a message. Posting and
 * notifying happen after this answers, through the outbox.
 */
export async function submitAskForHelp(
  context: TurnContext,
  action: MessagingExtensionAction,
  services: Services,
): Promise<MessagingExtensionActionResponse> {
  if (action.commandId !== ASK_FOR_HELP_COMMAND)
    return message('Mutual does not know that command.');
  const parsed = SubmitSchema.safeParse(action.data ?? {});
  if (!parsed.success)
    return message('The form came back damaged; close it and choose “Ask for help” again.');
  const data = parsed.data;
  const source = sourceMessageOf(action, data);
  const actor = actorOf(context);
  const teamId = teamIdOf(context);
  if (!actor) return message('Mutual could not tell who you are; try again from Teams.');
  if (!teamId)
    return message(
      'Ask for help works on messages in the channels of a team where Mutual is installed.',
    );
  const values = { blocker: data.blocker, skills: data.skills, urgency: data.urgency };
  try {
    const result = await services.askForHelp(actor, teamId, {
      source: { ...source, link: source.link ?? '' },
      blocker: data.blocker,
      skills: data.skills.split(','),
      urgency: data.urgency,
    });
    const buddy = result.people.get(result.request.buddyId);
    const parts = [
      result.created
        ? `Your request is posted in ${result.channel.name}.`
        : `You already asked about this message; your request is in ${result.channel.name}.`,
      buddy && result.created ? buddyLine(buddy.name, result.buddyHears) : '',
      `The compact asks for an answer within ${result.request.responseHours} hours.`,
    ];
    return message(parts.filter(Boolean).join(' '));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (error.code === 'invalid') return form(source, { values, error: error.message });
    return message(error.message);
  }
}

function buddyLine(name: string, hears: BuddyHears): string {
  if (hears === 'now') return `${name}, your blocker buddy, hears first.`;
  if (hears === 'after_quiet_hours')
    return `${name}, your blocker buddy, hears when their quiet hours end.`;
  return `${name}, your blocker buddy, is not taking requests right now, so the channel hears first.`;
}

function form(source: SourceMessage, state: AskForHelpForm): MessagingExtensionActionResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title: TITLE,
        height: 'large',
        width: 'medium',
        card: CardFactory.adaptiveCard(askForHelpCard(source, [], state)),
      },
    },
  };
}

const message = (value: string): MessagingExtensionActionResponse => ({
  task: { type: 'message', value },
});

/** Teams sends the message again with the submit; the button's data is the fallback. */
function sourceMessageOf(
  action: MessagingExtensionAction,
  data: z.infer<typeof SubmitSchema> | undefined,
): SourceMessage {
  const payload = action.messagePayload;
  const body = payload?.body;
  const text =
    body?.contentType === 'html' ? htmlToText(body.content ?? '') : (body?.content ?? '');
  const link = payload?.linkToMessage ?? data?.messageLink;
  return {
    id: payload?.id ?? data?.messageId ?? '',
    text: text.trim(),
    authorName: payload?.from?.user?.displayName ?? '',
    link: allowedMessageLink(link) || undefined,
  };
}
