import { escapeCardText } from './escape';

/** The frame every Mutual card shares: schema, version, and a body. */
export const adaptiveCard = (body: unknown[], actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

export const heading = (text: string) => ({
  type: 'TextBlock',
  text: escapeCardText(text),
  weight: 'Bolder',
  size: 'Medium',
  wrap: true,
});

/** A paragraph of text that may hold user-supplied parts: always escaped. */
export const paragraph = (text: string, options: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: escapeCardText(text),
  wrap: true,
  ...options,
});

export const openUrl = (title: string, url: string) => ({ type: 'Action.OpenUrl', title, url });

/**
 * A date Teams draws in the reader's locale. Teams accepts RFC 3339 without fractional seconds
 * only, so the milliseconds go. Not escaped: put it only in text with no user-supplied parts.
 */
export const readerDate = (iso: string) => `{{DATE(${iso.replace(/\.\d+Z$/, 'Z')}, SHORT)}}`;

/** A date and time, likewise drawn by Teams in the reader's time zone and locale. */
export const readerDateTime = (iso: string) =>
  `${readerDate(iso)} {{TIME(${iso.replace(/\.\d+Z$/, 'Z')})}}`;
