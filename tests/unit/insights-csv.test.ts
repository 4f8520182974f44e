import { describe, expect, it } from 'vitest';
import { InsightsSchema, type InsightsDto } from '../../src/api/contract';
import {
  chartPalettes,
  concentrationSentence,
  csvField,
  csvRow,
  formatHours,
  insightTables,
  insightsCsv,
  insightsFileName,
  membersByName,
} from '../../src/tab/features/insights/insights';
import { fluentThemes, themeNames } from '../../src/tab/app/theme';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const member = (over: Partial<InsightsDto['members'][number]> & { id: string; name: string }) => ({
  department: 'Engineering',
  given: 0,
  received: 0,
  peopleHelped: 0,
  departmentsHelped: 0,
  ...over,
});

const buildInsights = (over: Partial<InsightsDto> = {}): InsightsDto =>
  InsightsSchema.parse({
    period: { key: '4w', from: '2026-02-02T10:00:00.000Z', to: '2026-03-02T10:00:00.000Z' },
    requestCount: 5,
    members: [
      member({
        id: 'u3',
        name: 'Chen Wei',
        given: 4,
        received: 0,
        peopleHelped: 3,
        departmentsHelped: 2,
      }),
      member({
        id: 'u1',
        name: 'Ana Souza',
        given: 1,
        received: 3,
        peopleHelped: 1,
        departmentsHelped: 1,
      }),
      member({ id: 'u2', name: 'Ben Okafor', department: 'Design', received: 2 }),
    ],
    concentration: { topShare: 0.8, topHelpers: 1, helpers: 2, totalGiven: 5 },
    response: {
      commitmentHours: 4,
      responded: 5,
      withinCommitment: 4,
      medianHours: 1.25,
      p90Hours: 6.04,
      waiting: 0,
      weeks: [
        {
          weekStart: '2026-02-02T00:00:00.000Z',
          responded: 2,
          withinCommitment: 2,
          medianHours: 0.5,
        },
        {
          weekStart: '2026-02-09T00:00:00.000Z',
          responded: 0,
          withinCommitment: 0,
          medianHours: null,
        },
      ],
    },
    openBlockers: {
      total: 1,
      byAge: [
        { label: 'Under 1 day', count: 1 },
        { label: 'Over a week', count: 0 },
      ],
      oldestHours: 5,
    },
    rotation: { rounds: 2, participants: 8, eligible: 10, answered: 4, met: 3, meetRate: 0.75 },
    pulses: [],
    ...over,
  });

/** A minimal RFC 4180 reader: fields, quoted fields with doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

describe('a CSV field', () => {
  it('quotes every text cell, quotes doubled, and writes only numbers bare', () => {
    expect(csvField('Ana Souza')).toBe('"Ana Souza"');
    expect(csvField('12')).toBe('"12"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('Souza, Ana')).toBe('"Souza, Ana"');
    expect(csvField('Souza; Ana')).toBe('"Souza; Ana"');
    expect(csvField('the "fast" one')).toBe('"the ""fast"" one"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('disarms text a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+1 555')).toBe(`"'+1 555"`);
    expect(csvField('-2+3')).toBe(`"'-2+3"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('\t=1')).toBe(`"'\t'=1"`);
    expect(csvField('\r=1')).toBe(`"'\r'=1"`);
    // Numbers are data, not text: a negative count stays a number.
    expect(csvField(-3)).toBe('-3');
    expect(csvField('a=b')).toBe('"a=b"');
  });

  it('disarms a formula wherever a separator of any locale could start a cell', () => {
    expect(csvField("x;=cmd|'/C calc'!A0")).toBe(`"x;'=cmd|'/C calc'!A0"`);
    expect(csvField('x, +1')).toBe(`"x, '+1"`);
    expect(csvField('x\t@SUM(A1)')).toBe(`"x\t'@SUM(A1)"`);
    expect(csvField('line\n-2')).toBe(`"line\n'-2"`);
  });

  it('leaves no formula cell however a locale splits the line (`,` or `;`, quotes honoured or not)', () => {
    const hostile = [
      "x;=cmd|'/C calc'!A0",
      'a,=1+1',
      'b;  @SUM(A1)',
      '=2',
      '+3;-4',
      'c\t=5',
      'd"; =6',
    ];
    const csv = csvRow([...hostile, 7, null]);
    for (const separator of [/[,]/, /[;]/, /[,;\t\r\n]/]) {
      for (const cell of csv.split(separator)) {
        const shown = cell.replace(/^[\s"]+/, '');
        expect(shown, `${JSON.stringify(cell)} split on ${String(separator)}`).not.toMatch(
          /^[=+\-@]/,
        );
      }
    }
    // A reader that honours quotes gets the text back, each cell marked as text.
    expect(csv.startsWith(`"x;'=cmd|'/C calc'!A0","a,'=1+1"`)).toBe(true);
  });
});

describe('the insights CSV', () => {
  it('holds every section shown, in order, each with its facts, a header row and its rows', () => {
    const csv = insightsCsv(buildInsights(), 'Northwind Product Team');
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parseCsv(csv);
    expect(records.slice(0, 5)).toEqual([
      ['Mutual insights'],
      ['Team', 'Northwind Product Team'],
      ['Period', 'Last 4 weeks'],
      ['From', '2026-02-02T10:00:00.000Z'],
      ['To (not included)', '2026-03-02T10:00:00.000Z'],
    ]);
    const titles = records.filter(
      (r, i) => i > 0 && records[i - 1]?.join('') === '' && r.length === 1,
    );
    expect(titles.map((r) => r[0])).toEqual([
      'Give and receive',
      'How concentrated helping is',
      'Breadth of helping',
      'Time to first response',
      'Open blockers by age',
      'Rotation participation and meetings',
      'Pulse trends',
    ]);

    const at = (title: string) => records.findIndex((r) => r[0] === title && r.length === 1);
    const balance = at('Give and receive');
    expect(records.slice(balance + 1, balance + 6)).toEqual([
      ['Help requests made', '5'],
      ['Member', 'Department', 'Helped others', 'Got help'],
      // By name, never by how much anyone helped.
      ['Ana Souza', 'Engineering', '1', '3'],
      ['Ben Okafor', 'Design', '0', '2'],
      ['Chen Wei', 'Engineering', '4', '0'],
    ]);
    const response = at('Time to first response');
    expect(records.slice(response + 1, response + 10)).toEqual([
      ['The compact’s commitment', '4 hours'],
      ['Requests answered', '5'],
      ['Answered within the commitment', '4 (80%)'],
      ['Median', '1.3 hours'],
      ['9 in 10 answered within', '6 hours'],
      ['Still waiting for an answer', '0'],
      ['Week starting', 'Answered', 'Within the commitment', 'Median hours to first response'],
      ['2026-02-02', '2', '2', '0.5'],
      // A week without answers has no median: an empty field, not a zero.
      ['2026-02-09', '0', '0', ''],
    ]);
    const rotation = at('Rotation participation and meetings');
    expect(records.slice(rotation + 1, rotation + 6)).toEqual([
      ['Rounds published', '2'],
      ['Meet rate', '75%'],
      ['Measure', 'Count', 'Out of', 'Share'],
      ['Members placed in a group', '8', '10', '80%'],
      ['Groups that said they met', '3', '4', '75%'],
    ]);
    // No pulses: the section says so with its header and no rows.
    const pulses = at('Pulse trends');
    expect(records.slice(pulses + 1)).toEqual([
      ['Pulses released', '0'],
      ['Closed on', 'Answers', 'Question', 'Average (1–5)'],
    ]);
  });

  it('matches the tables the page shows, cell for cell', () => {
    const data = buildInsights();
    const records = parseCsv(insightsCsv(data, 'T'));
    for (const table of Object.values(insightTables(data))) {
      const header = records.findIndex(
        (r) => r.join('|') === table.columns.map((c) => c.label).join('|'),
      );
      expect(header).toBeGreaterThan(0);
      const rows = table.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
      expect(records.slice(header + 1, header + 1 + rows.length)).toEqual(rows);
    }
  });

  it('keeps names with commas, quotes and formula starts intact and harmless', () => {
    const data = buildInsights({
      members: [
        member({ id: 'x', name: '=cmd|"/c calc"!A1', department: 'R&D, "Labs"', given: 1 }),
      ],
      pulses: [
        {
          id: 'p1',
          closedAt: '2026-02-20T09:00:00.000Z',
          answered: 7,
          items: [
            { id: 'safe', text: 'I can ask for help, without fear', average: 4.285 },
            { id: 'load', text: '-my workload is fair', average: null },
          ],
        },
      ],
    });
    const records = parseCsv(insightsCsv(data, '@Team'));
    expect(records[1]).toEqual(['Team', "'@Team"]);
    expect(records).toContainEqual(['\'=cmd|"/c calc"!A1', 'R&D, "Labs"', '1', '0']);
    expect(records).toContainEqual(['2026-02-20', '7', 'I can ask for help, without fear', '4.29']);
    expect(records).toContainEqual(['2026-02-20', '7', "'-my workload is fair", '']);
  });

  it('says when nobody helped, and leaves the share empty of numbers it does not have', () => {
    const data = buildInsights({
      requestCount: 0,
      concentration: { topShare: null, topHelpers: 0, helpers: 0, totalGiven: 0 },
    });
    expect(concentrationSentence(data)).toBe('Nobody helped with a request in this period.');
    const records = parseCsv(insightsCsv(data, 'T'));
    expect(records).toContainEqual(['Their share of the help', '—']);
  });
});

describe('the words and names around the numbers', () => {
  it('puts the concentration in words: how many of the helpers gave what share', () => {
    expect(concentrationSentence(buildInsights())).toBe('1 of 2 helpers gave 80% of the help.');
  });

  it('lists members by name, whatever their counts', () => {
    expect(membersByName(buildInsights()).map((m) => m.name)).toEqual([
      'Ana Souza',
      'Ben Okafor',
      'Chen Wei',
    ]);
  });

  it('writes durations for reading', () => {
    expect(formatHours(0.25)).toBe('15 minutes');
    expect(formatHours(1)).toBe('1 hour');
    expect(formatHours(3.46)).toBe('3.5 hours');
    expect(formatHours(72)).toBe('3 days');
  });

  it('names the file after the team, the period and the day', () => {
    expect(insightsFileName('Northwind Product Team', '12w', '2026-03-02')).toBe(
      'mutual-insights-northwind-product-team-12w-2026-03-02.csv',
    );
    expect(insightsFileName('Équipe Données / R&D', 'quarter', '2026-03-02')).toBe(
      'mutual-insights-equipe-donnees-r-d-quarter-2026-03-02.csv',
    );
    expect(insightsFileName('../..', '4w', '2026-03-02')).toBe(
      'mutual-insights-team-4w-2026-03-02.csv',
    );
  });

  it('draws the series in distinct colours that stand out from the page in every theme (3:1)', () => {
    for (const name of themeNames) {
      const palette = chartPalettes[name];
      const page = fluentThemes[name].colorNeutralBackground1;
      expect(new Set([palette.first, palette.second, palette.commitment]).size).toBe(3);
      for (const colour of [palette.first, palette.second, palette.commitment]) {
        expect(contrast(colour, page), `${name}: ${colour} on ${page}`).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
