/**
 * The one escaper for everything Teams renders: card TextBlocks and FactSet values, and the
 * activity's own `text` (the preview line of a notification), which Teams reads as markdown too.
 * Teams renders a markdown subset (emphasis, links, lists) in both. User text must show as
 * typed, so the characters that open those constructs get a backslash, which Teams honours.
 * Cards are built in code, never templated, so `${…}` in user text is inert already; the
 * `{{…}}` functions Teams evaluates and `<at>` mentions are broken with a zero-width space.
 */
export function escapeCardText(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]()~]/g, (c) => `\\${c}`)
      // Teams expands `{{DATE(…)}}` / `{{TIME(…)}}` in card text, and `<at>` starts a mention.
      .replace(/\{\{/g, '{\u200b{')
      .replace(/<(\/?at\b)/gi, '<\u200b$1')
      .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
      .replace(/^(\s*)(\d+)\./gm, '$1$2\\.')
  );
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Teams delivers message bodies as HTML. Only the text is wanted here, so tags go, block ends
 * become line breaks and entities decode. (A full HTML parser would be overkill for this.)
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<\s*br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X'))
        return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
