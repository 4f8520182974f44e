import type { TeamRef } from '../team/team';

/**
 * Where a target's messages go and whether they still can: Teams answers 403 once the bot was
 * removed or blocked, and 404 once the conversation is gone. A dead conversation gets nothing
 * until the bot is added again.
 */
export interface ConversationState {
  team: TeamRef;
  /** `targetKey` of the notification target. */
  key: string;
  conversationId: string;
  dead: boolean;
  deadReason: string;
  updatedAt: string;
}
