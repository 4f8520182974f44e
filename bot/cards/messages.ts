import type { MessageComposer } from '../../src/core/ports';
import { compactMessages } from './compact-cards';
import { helpMessages } from './help-cards';
import { insightMessages } from './insight-cards';
import { kudosMessages } from './kudos-cards';
import { pulseMessages } from './pulse-cards';
import { rotationMessages } from './rotation-cards';

/** Every message Mutual sends, as the services ask for them. */
export const cardMessages: MessageComposer = {
  ...rotationMessages,
  ...helpMessages,
  ...compactMessages,
  ...insightMessages,
  ...kudosMessages,
  ...pulseMessages,
};
