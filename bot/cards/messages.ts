import type { MessageComposer } from '../../src/core/ports';
import { compactMessages } from './compact/compact-cards';
import { escapeCardText } from './escape';
import { helpMessages } from './help/help-request-cards';
import { insightMessages } from './insights/insight-cards';
import { kudosMessages } from './kudos/kudos-cards';
import { pulseMessages } from './pulse/pulse-cards';
import { rotationMessages } from './rotations/rotation-cards';

/**
 * Every builder's activity `text` passes the same escaper as the card's text, here, once: the
 * builders write plain sentences with names in them, and no builder can forget to escape one.
 */
export function withEscapedText(composer: MessageComposer): MessageComposer {
  const escaped: Record<string, unknown> = {};
  for (const [name, build] of Object.entries(composer) as [string, (input: never) => unknown][])
    escaped[name] = (input: never) => {
      const message = build(input) as ReturnType<MessageComposer['pairing']>;
      return { ...message, text: escapeCardText(message.text) };
    };
  return escaped as unknown as MessageComposer;
}

/** Every message Mutual sends, as the services ask for them. */
export const cardMessages: MessageComposer = withEscapedText({
  ...rotationMessages,
  ...helpMessages,
  ...compactMessages,
  ...insightMessages,
  ...kudosMessages,
  ...pulseMessages,
});
