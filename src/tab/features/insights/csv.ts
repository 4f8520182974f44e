/**
 * The one CSV writer of Mutual (RFC 4180, CRLF records). It is read by spreadsheet programs in
 * every locale, where the list separator may be `,` or `;` (and a tab or line break starts a new
 * cell in some importers), so it is safe whichever splits the line:
 * - every text cell is quoted, quotes doubled; only numbers are written bare;
 * - text that a spreadsheet would run as a formula is disarmed with a leading `'`, at the start of
 *   the field and at the start of every piece a separator could cut it into
 *   (`x;=cmd|'/C calc'!A0` is written `"x;'=cmd|'/C calc'!A0"`).
 */
export type CsvCell = string | number | null;

/** Where a cell could start (the text's start, or after a separator and spaces) before a formula start. */
const FORMULA_AT_CELL_START = /(?<=^|[,;\t\r\n] *)(?=[=+\-@\t\r])/g;

/** Text with every place a cell could start made harmless. */
export const disarmFormulas = (text: string) => text.replace(FORMULA_AT_CELL_START, "'");

/** One CSV field: numbers bare, text always quoted and disarmed, `null` an empty field. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return `"${disarmFormulas(cell).replace(/"/g, '""')}"`;
}

export const csvRow = (cells: readonly CsvCell[]) => cells.map(csvField).join(',');

/** Records as one CSV text, every record ended by CRLF. */
export const csvText = (records: readonly (readonly CsvCell[])[]) =>
  records.map((cells) => `${csvRow(cells)}\r\n`).join('');
