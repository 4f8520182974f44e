import type { MessageComposer } from '../../src/core/ports';
import { compactMessages } from './compact/compact-cards';
import { helpMessages } from './help/help-request-cards';
import { insightMessages } from './insights/insight-cards';
import { kudosMessages } from './kudos/kudos-cards';
import { pulseMessages } from './pulse/pulse-cards';
import { rotationMessages } from './rotations/rotation-cards';

/** Every message Mutual sends, as the services ask for them. */
export const cardMessages: MessageComposer = {
  ...rotationMessages,
  ...helpMessages,
  ...compactMessages,
  ...insightMessages,
  ...kudosMessages,
  ...pulseMessages,
};
