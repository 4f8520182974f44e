import type { MessageComposer } from '../../src/core/ports';
import { compactMessages } from './compact-cards';
import { helpMessages } from './help-cards';
import { rotationMessages } from './rotation-cards';

/** Every message Mutual sends, as the services ask for them. */
export const cardMessages: MessageComposer = {
  ...rotationMessages,
  ...helpMessages,
  ...compactMessages,
};
