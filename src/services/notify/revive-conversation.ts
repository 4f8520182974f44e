import type { Ports } from '../../core/ports';
import type { TeamRef } from '../../core/team/team';
import { retryOnConflict } from '../shared/retry-on-conflict';

/**
 * The bot is back where Teams had refused it (re-installed in the team, or a member re-added):
 * notifications to that conversation may flow again.
 */
export async function reviveConversation(
  team: TeamRef,
  key: string,
  ports: Pick<Ports, 'conversations' | 'clock'>,
): Promise<boolean> {
  return retryOnConflict(async () => {
    const state = await ports.conversations.get(team, key);
    if (!state?.value.dead) return false;
    await ports.conversations.update(
      { ...state.value, dead: false, deadReason: '', updatedAt: ports.clock.now().toISOString() },
      state.etag,
    );
    return true;
  });
}
