import type { GriffelStyle } from '@fluentui/react-components';

/**
 * A list shown as a plain column of items (no bullets, no indent), `gap` apart: the shape every
 * list of cards and rows in the tab takes. Spread into a `makeStyles` slot.
 */
export const stackedList = (gap: string, maxWidth?: string): GriffelStyle => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column',
  gap,
  ...(maxWidth ? { maxWidth } : {}),
});
