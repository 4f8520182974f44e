import { insightPeriods, type InsightPeriod, type InsightsDto } from '../../../api/contract';
import type { ThemeName } from '../../app/theme';
import { csvText, type CsvCell } from './csv';

export { csvField, csvRow } from './csv';

export const periodLabels: Record<InsightPeriod, string> = {
  '4w': 'Last 4 weeks',
  '12w': 'Last 12 weeks',
  quarter: 'This quarter',
};

export const isInsightPeriod = (value: unknown): value is InsightPeriod =>
  typeof value === 'string' && (insightPeriods as readonly string[]).includes(value);

/** 0.625 → "63%". */
export const formatShare = (share: number) => `${Math.round(share * 100)}%`;

/** Hours rounded for reading: 0.25 → 0.3, 12.345 → 12.3. */
export const roundHours = (hours: number) => Math.round(hours * 10) / 10;

/** "45 minutes", "3.5 hours", "2.1 days": a duration in hours, in words. */
export function formatHours(hours: number): string {
  if (hours < 1) {
    const minutes = Math.max(1, Math.round(hours * 60));
    return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  }
  if (hours < 48) {
    const rounded = roundHours(hours);
    return rounded === 1 ? '1 hour' : `${rounded} hours`;
  }
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/** An ISO instant's UTC calendar day, YYYY-MM-DD (weeks start Monday 00:00 UTC). */
export const utcDay = (iso: string) => iso.slice(0, 10);

/** How a table cell is read: plain text, or a UTC day the tab writes in the reader's locale. */
export type InsightColumnKind = 'text' | 'number' | 'day';

export interface InsightColumn {
  label: string;
  kind: InsightColumnKind;
}

export type InsightCell = CsvCell;

/**
 * One section of the page as a table: what the screen reader table shows and what the CSV
 * holds, so the export is exactly what is on screen.
 */
export interface InsightTable {
  title: string;
  /** Facts in words above the table (the section's summary). */
  facts: readonly { term: string; value: string }[];
  columns: readonly InsightColumn[];
  rows: readonly (readonly InsightCell[])[];
}

const text = (label: string): InsightColumn => ({ label, kind: 'text' });
const count = (label: string): InsightColumn => ({ label, kind: 'number' });
const day = (label: string): InsightColumn => ({ label, kind: 'day' });

const byName = <T extends { id: string; name: string }>(members: readonly T[]) =>
  [...members].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

const share = (part: number, whole: number) => (whole > 0 ? formatShare(part / whole) : '—');

/** Members in name order: the page never ranks people by how much they help. */
export const membersByName = (data: InsightsDto) => byName(data.members);

/** "4 of 20 helpers gave 63% of the help." */
export function concentrationSentence(data: InsightsDto): string {
  const { topShare, topHelpers, helpers } = data.concentration;
  if (topShare === null || helpers === 0) return 'Nobody helped with a request in this period.';
  const who = `${topHelpers} of ${helpers} ${helpers === 1 ? 'helper' : 'helpers'}`;
  return `${who} gave ${formatShare(topShare)} of the help.`;
}

/** The help given by the top 20%, as a count of requests (for the donut). */
export const topGiven = (data: InsightsDto) =>
  Math.round((data.concentration.topShare ?? 0) * data.concentration.totalGiven);

export const insightSections = [
  'balance',
  'concentration',
  'breadth',
  'response',
  'blockers',
  'rotation',
  'pulses',
] as const;
export type InsightSection = (typeof insightSections)[number];

/** The sections shown on the page (in `insightSections` order), each as a table. */
export function insightTables(data: InsightsDto): Record<InsightSection, InsightTable> {
  const members = membersByName(data);
  const { concentration: conc, response, openBlockers, rotation } = data;
  // Two decimals, so a median of a few minutes is not written as 0 hours.
  const hours = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    balance: {
      title: 'Give and receive',
      facts: [{ term: 'Help requests made', value: String(data.requestCount) }],
      columns: [text('Member'), text('Department'), count('Helped others'), count('Got help')],
      rows: members.map((m) => [m.name, m.department, m.given, m.received]),
    },
    concentration: {
      title: 'How concentrated helping is',
      facts: [],
      columns: [text('Measure'), text('Value')],
      rows: [
        ['Requests helped with', String(conc.totalGiven)],
        ['People who helped', String(conc.helpers)],
        ['The top 20% of helpers', String(conc.topHelpers)],
        ['Their share of the help', conc.topShare === null ? '—' : formatShare(conc.topShare)],
      ],
    },
    breadth: {
      title: 'Breadth of helping',
      facts: [],
      columns: [text('Member'), text('Department'), count('People helped'), count('Departments')],
      rows: members.map((m) => [m.name, m.department, m.peopleHelped, m.departmentsHelped]),
    },
    response: {
      title: 'Time to first response',
      facts: [
        { term: 'The compact’s commitment', value: formatHours(response.commitmentHours) },
        { term: 'Requests answered', value: String(response.responded) },
        {
          term: 'Answered within the commitment',
          value: `${response.withinCommitment} (${share(response.withinCommitment, response.responded)})`,
        },
        {
          term: 'Median',
          value: response.medianHours === null ? '—' : formatHours(response.medianHours),
        },
        {
          term: '9 in 10 answered within',
          value: response.p90Hours === null ? '—' : formatHours(response.p90Hours),
        },
        { term: 'Still waiting for an answer', value: String(response.waiting) },
      ],
      columns: [
        day('Week starting'),
        count('Answered'),
        count('Within the commitment'),
        count('Median hours to first response'),
      ],
      rows: response.weeks.map((w) => [
        utcDay(w.weekStart),
        w.responded,
        w.withinCommitment,
        hours(w.medianHours),
      ]),
    },
    blockers: {
      title: 'Open blockers by age',
      facts: [
        { term: 'Open now', value: String(openBlockers.total) },
        {
          term: 'Oldest',
          value: openBlockers.oldestHours === null ? '—' : formatHours(openBlockers.oldestHours),
        },
      ],
      columns: [text('Waiting for'), count('Open requests')],
      rows: openBlockers.byAge.map((bucket) => [bucket.label, bucket.count]),
    },
    rotation: {
      title: 'Rotation participation and meetings',
      facts: [
        { term: 'Rounds published', value: String(rotation.rounds) },
        {
          term: 'Meet rate',
          value: rotation.meetRate === null ? '—' : formatShare(rotation.meetRate),
        },
      ],
      columns: [text('Measure'), count('Count'), count('Out of'), text('Share')],
      rows: [
        [
          'Members placed in a group',
          rotation.participants,
          rotation.eligible,
          share(rotation.participants, rotation.eligible),
        ],
        [
          'Groups that said they met',
          rotation.met,
          rotation.answered,
          share(rotation.met, rotation.answered),
        ],
      ],
    },
    pulses: {
      title: 'Pulse trends',
      facts: [{ term: 'Pulses released', value: String(data.pulses.length) }],
      columns: [day('Closed on'), count('Answers'), text('Question'), count('Average (1–5)')],
      rows: data.pulses.flatMap((pulse) =>
        pulse.items.map((item) => [
          utcDay(pulse.closedAt),
          pulse.answered,
          item.text,
          item.average === null ? null : Math.round(item.average * 100) / 100,
        ]),
      ),
    },
  };
}

/** The whole page as one CSV file: a heading block, then each section's facts, header and rows. */
export function insightsCsv(data: InsightsDto, teamName: string): string {
  const records: (readonly InsightCell[])[] = [
    ['Mutual insights'],
    ['Team', teamName],
    ['Period', periodLabels[data.period.key]],
    ['From', data.period.from],
    ['To (not included)', data.period.to],
  ];
  const tables = insightTables(data);
  for (const table of insightSections.map((section) => tables[section])) {
    records.push([], [table.title]);
    for (const fact of table.facts) records.push([fact.term, fact.value]);
    records.push(table.columns.map((c) => c.label));
    for (const row of table.rows) records.push(row);
  }
  return csvText(records);
}

/** `mutual-insights-northwind-product-team-12w-2026-03-02.csv` */
export function insightsFileName(teamName: string, period: InsightPeriod, today: string): string {
  const slug = teamName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `mutual-insights-${slug || 'team'}-${period}-${today}.csv`;
}

export interface ChartPalette {
  /** Two series that read apart from each other and from the page in this theme. */
  first: string;
  second: string;
  /** The compact's commitment line. */
  commitment: string;
  /** The quiet remainder of a whole (the donut's "everyone else"). */
  rest: string;
}

/** Chart colours chosen per theme: the chart package does not follow Fluent's theme itself. */
export const chartPalettes: Record<ThemeName, ChartPalette> = {
  light: { first: '#4f6bed', second: '#c4314b', commitment: '#8a5a00', rest: '#a19f9d' },
  dark: { first: '#8ea2ff', second: '#ff8fa3', commitment: '#ffc83d', rest: '#7a7a7a' },
  contrast: { first: '#1aebff', second: '#ffff00', commitment: '#3ff23f', rest: '#ffffff' },
};
