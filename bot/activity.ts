import type { TurnContext } from 'botbuilder';
import type { Actor } from '../src/core/team/team';

/** Who sent an activity: the tenant and Entra object id Teams put on it (validated by botbuilder). */
export function actorOf(context: TurnContext): Actor | undefined {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = data?.tenant?.id ?? context.activity.conversation?.tenantId;
  const userId = context.activity.from?.aadObjectId?.toLowerCase();
  return tenantId && userId ? { tenantId, userId } : undefined;
}

/** The team an activity happened in, when it happened in one of its channels. */
export function teamIdOf(context: TurnContext): string | undefined {
  const data = context.activity.channelData as { team?: { id?: string } } | undefined;
  return data?.team?.id || undefined;
}
