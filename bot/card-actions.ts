import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isDomainError } from '../src/core/errors';
import { checkInAnswers } from '../src/core/pairing/check-in';
import { programLabels } from '../src/core/pairing/program';
import { groupOf, ROUND_ID } from '../src/core/pairing/round';
import type { Services } from '../src/services';
import { personOf } from '../src/services/publish-round';
import { CHECK_IN_VERB, checkInCard } from './cards/rotation-cards';

const CheckInDataSchema = z.object({
  teamId: z.string().min(1).max(200),
  roundId: z.string().regex(ROUND_ID),
  answer: z.enum(checkInAnswers),
});

const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Universal Actions (`adaptiveCard/action`): each verb calls one use case as the person who
 * pressed the button, and answers with the card as it should now look, or an error Teams shows.
 */
export async function handleCardAction(
  context: TurnContext,
  value: AdaptiveCardInvokeValue,
  services: Services,
): Promise<AdaptiveCardInvokeResponse> {
  const actor = actorOf(context);
  if (!actor) return error(400, 'BadRequest', 'Mutual could not tell who pressed the button.');
  try {
    if (value.action?.verb === CHECK_IN_VERB) {
      const data = CheckInDataSchema.safeParse(value.action.data);
      if (!data.success)
        return error(
          400,
          'BadRequest',
          'This card is damaged; open Mutual’s Pairings page instead.',
        );
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
    }
    return error(400, 'NotSupported', 'Mutual does not know that button.');
  } catch (cause) {
    if (isDomainError(cause))
      return error(cause.code === 'invalid' ? 400 : 403, cause.code, cause.message);
    throw cause;
  }
}

function actorOf(context: TurnContext) {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = data?.tenant?.id ?? context.activity.conversation?.tenantId;
  const userId = context.activity.from?.aadObjectId?.toLowerCase();
  return tenantId && userId ? { tenantId, userId } : undefined;
}

const error = (statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode,
  type: 'application/vnd.microsoft.error',
  value: { code, message } as unknown as Record<string, unknown>,
});
