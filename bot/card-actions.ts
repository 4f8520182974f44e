import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isDomainError } from '../src/core/errors';
import { checkInAnswers } from '../src/core/rotations/check-in';
import { programLabels } from '../src/core/rotations/program';
import { groupOf, ROUND_ID } from '../src/core/rotations/round';
import type { Actor } from '../src/core/team/team';
import type { Services } from '../src/services';
import { cardInput } from '../src/services/help/help-posts';
import type { HelpActionName } from '../src/services/help/act-on-help';
import { personOf } from '../src/services/shared/people';
import { actorOf } from './activity';
import { COMPACT_ACK_VERB, compactAckCard } from './cards/compact/compact-cards';
import { HELP_VERBS, helpMessages } from './cards/help/help-request-cards';
import { CHECK_IN_VERB, checkInCard } from './cards/rotations/rotation-cards';
import { pulseAnswerHandler, PULSE_ANSWER_VERB } from './pulse-card-action';

const CheckInDataSchema = z.object({
  teamId: z.string().min(1).max(200),
  roundId: z.string().regex(ROUND_ID),
  answer: z.enum(checkInAnswers),
});

const HelpDataSchema = z.object({
  teamId: z.string().min(1).max(200),
  requestId: z.string().regex(/^h[0-9a-f]{16}$/),
});

const CompactAckDataSchema = z.object({
  teamId: z.string().min(1).max(200),
  version: z.number().int().min(1),
});

const CARD = 'application/vnd.microsoft.card.adaptive';
const DAMAGED = 'This card is damaged; open Mutual’s tab in the team instead.';

type Handler = (
  actor: Actor,
  data: unknown,
  services: Services,
  context: TurnContext,
) => Promise<AdaptiveCardInvokeResponse>;

const helpActionOf: Record<string, HelpActionName> = {
  [HELP_VERBS.claim]: 'claim',
  [HELP_VERBS.release]: 'release',
  [HELP_VERBS.resolve]: 'resolve',
  [HELP_VERBS.thank]: 'thank',
};

/** A help request's card after a change or on refresh; drawn for one person in a 1:1 chat. */
const helpHandler =
  (verb: string): Handler =>
  async (actor, raw, services, context) => {
    const data = HelpDataSchema.safeParse(raw);
    if (!data.success) return message(DAMAGED);
    const { teamId, requestId } = data.data;
    const action = helpActionOf[verb];
    const help = action
      ? await services.actOnHelp(actor, teamId, requestId, action)
      : await services.getHelpRequest(actor, teamId, requestId);
    // In a channel the new card replaces the old one for everyone, so it is the shared view;
    // a refresh is asked for by one person, and a 1:1 chat has one reader.
    const personal = !action || context.activity.conversation?.conversationType === 'personal';
    const input = cardInput(help, services.clock.now(), personal ? actor.userId : undefined);
    return { statusCode: 200, type: CARD, value: helpMessages.helpRequest(input).card ?? {} };
  };

const checkInHandler: Handler = async (actor, raw, services) => {
  const data = CheckInDataSchema.safeParse(raw);
  if (!data.success) return error(400, 'BadRequest', DAMAGED);
  const { teamId, roundId, answer } = data.data;
  const view = await services.recordCheckIn(actor, teamId, roundId, answer);
  const group = view.round.groups[groupOf(view.round, actor.userId)];
  const partners = (group?.members ?? [])
    .filter((id) => id !== actor.userId)
    .map((id) => personOf(view.people.get(id)));
  return {
    statusCode: 200,
    type: CARD,
    value: checkInCard({
      teamId,
      roundId,
      programLabel: programLabels[view.round.program],
      partners,
      answer,
    }),
  };
};

/** "I commit to this" on the card sent after a new compact version. */
const compactAckHandler: Handler = async (actor, raw, services) => {
  const data = CompactAckDataSchema.safeParse(raw);
  if (!data.success) return message(DAMAGED);
  const input = await services.acknowledgeFromCard(actor, data.data.teamId, data.data.version);
  return { statusCode: 200, type: CARD, value: compactAckCard(input) };
};

const handlers: Record<string, Handler> = {
  [CHECK_IN_VERB]: checkInHandler,
  [COMPACT_ACK_VERB]: compactAckHandler,
  [PULSE_ANSWER_VERB]: pulseAnswerHandler,
  ...Object.fromEntries(Object.values(HELP_VERBS).map((verb) => [verb, helpHandler(verb)])),
};

/**
 * Universal Actions (`adaptiveCard/action`): each verb calls one use case as the person who
 * pressed the button, and answers with the card as it should now look. A refusal (someone else is
 * already helping, only the requester can thank) is a message Teams shows that person.
 */
export async function handleCardAction(
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
  services: Services,
): Promise<AdaptiveCardInvokeResponse> {
  const actor = actorOf(context);
  if (!actor) return error(400, 'BadRequest', 'Mutual could not tell who pressed the button.');
  const handler = handlers[value.action?.verb ?? ''];
  if (!handler) return error(400, 'NotSupported', 'Mutual does not know that button.');
  try {
    return await handler(actor, value.action.data, services, context);
  } catch (cause) {
    if (isDomainError(cause) && cause.code !== 'unavailable') return message(cause.message);
    throw cause;
  }
}

const error = (statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode,
  type: 'application/vnd.microsoft.error',
  value: { code, message } as unknown as Record<string, unknown>,
});

/** A message Teams shows the person who pressed the button; the card stays as it was. */
const message = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as Record<string, unknown>,
});
