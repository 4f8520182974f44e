const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

// Backslash-escaped punctuation (`\*`, what the bot writes for user text) is parked in
// private-use characters while the markdown rules run, then put back as plain text.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The markdown subset Teams renders in a TextBlock (bold, italic, http(s) links, bullets, line
 * breaks, backslash escapes), as HTML for the Adaptive Cards renderer. The text is HTML-escaped
 * first and only these fixed tags are added afterwards, so card text can never inject markup or
 * script. No markdown library is installed, and this subset is small enough to own.
 */
export function renderSafeMarkdown(text: string): string {
  return escapeHtml(
    text
      .replaceAll(OPEN, '')
      .replaceAll(CLOSE, '')
      .replace(/\\([!-/:-@[-`{-~])/g, (_match, c: string) => `${OPEN}${c.charCodeAt(0)}${CLOSE}`),
  )
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*+]\s+/, '• '))
    .join('\n')
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s()]+)\)/g,
      (_match, label: string, url: string) =>
        `<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`,
    )
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,!?:;<])/gm, '$1<em>$2</em>')
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,!?:;<])/gm, '$1<em>$2</em>')
    .replace(/\n/g, '<br>')
    .replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_match, code: string) =>
      escapeHtml(String.fromCharCode(Number(code))),
    );
}
