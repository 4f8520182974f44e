import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { PULSE_ID } from '../src/core/pulse/pulse';
import type { Actor } from '../src/core/team/team';
import type { Services } from '../src/services';
import {
  PULSE_ANSWER_VERB,
  PULSE_TEXT_INPUT,
  pulseAskCard,
  scoreInputId,
} from './cards/pulse/pulse-cards';

export { PULSE_ANSWER_VERB };

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Teams merges the card's inputs into the action's data: choice values arrive as strings. */
const PulseAnswerDataSchema = z
  .object({
    teamId: z.string().min(1).max(200),
    pulseId: z.string().regex(PULSE_ID),
    [PULSE_TEXT_INPUT]: z.string().max(5000).optional(),
  })
  .catchall(z.unknown());

/**
 * "Send anonymously" on the pulse card: records the answer as the person who pressed it and
 * answers with the card thanking them, which never repeats what they chose. Nothing here logs:
 * a line with the person's id next to a pulse would be the very link the pulse avoids.
 */
export async function pulseAnswerHandler(
  actor: Actor,
  raw: unknown,
  services: Services,
): Promise<AdaptiveCardInvokeResponse> {
  const data = PulseAnswerDataSchema.safeParse(raw);
  if (!data.success) return message('This card is damaged; open Mutual’s tab in the team instead.');
  const { teamId, pulseId } = data.data;
  const scores: Record<string, number | null> = {};
  const prefix = scoreInputId('');
  for (const [key, value] of Object.entries(data.data)) {
    if (!key.startsWith(prefix)) continue;
    // An unchosen set arrives empty: skipped. Anything else is checked by the service.
    scores[key.slice(prefix.length)] = value === '' || value === undefined ? null : Number(value);
  }
  const card = await services.answerPulseFromCard(actor, teamId, pulseId, {
    scores,
    text: data.data[PULSE_TEXT_INPUT] ?? '',
  });
  return { statusCode: 200, type: CARD, value: pulseAskCard(card) };
}

const message = (text: string): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text as unknown as Record<string, unknown>,
});
