import {
  Body1,
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { useAppContext } from '../../app/app-context';
import { formatDay } from '../../ui/format';
import { chartPalettes, type InsightTable } from './insights';
import { SummaryList } from '../../ui/summary-list';

const useStyles = makeStyles({
  card: {
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    gap: tokens.spacingVerticalM,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  caption: { margin: 0, color: tokens.colorNeutralForeground1 },
  chart: {
    minWidth: 0,
    color: tokens.colorNeutralForeground1,
    // The chart package capitalises every legend word; ours are written as sentences.
    '& .fui-legend__legend': { textTransform: 'none' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  tableWrap: { overflowX: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** The colours the charts draw with in the current theme. */
export function useChartPalette() {
  return chartPalettes[useAppContext().theme];
}

/**
 * One section's chart with its summary in words (the figure's accessible name) and, beside it,
 * the same numbers as a table for screen readers and keyboard users.
 */
export function InsightFigure({
  table,
  summary,
  chart,
}: {
  table: InsightTable;
  summary: ReactNode;
  /** Absent when there is nothing to draw: the summary says why. */
  chart?: ReactNode;
}) {
  const styles = useStyles();
  const captionId = useId();
  return (
    <Card className={styles.card}>
      <div className={styles.layout}>
        <figure className={styles.figure} aria-labelledby={captionId}>
          <Body1 as="p" id={captionId} className={styles.caption}>
            {summary}
          </Body1>
          {chart && <div className={styles.chart}>{chart}</div>}
        </figure>
        <div className={styles.side}>
          {table.facts.length > 0 && (
            <SummaryList label={`${table.title}: summary`} items={table.facts} />
          )}
          <InsightTableView table={table} />
        </div>
      </div>
    </Card>
  );
}

/** A section's numbers as a compact table. */
export function InsightTableView({ table }: { table: InsightTable }) {
  const styles = useStyles();
  if (table.rows.length === 0) return null;
  return (
    <div className={styles.tableWrap}>
      <Table size="extra-small" aria-label={table.title}>
        <TableHeader>
          <TableRow>
            {table.columns.map((column) => (
              <TableHeaderCell
                key={column.label}
                className={column.kind === 'number' ? styles.number : undefined}
              >
                {column.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {table.rows.map((row, r) => (
            <TableRow key={r}>
              {row.map((cell, c) => {
                const column = table.columns[c];
                const shown =
                  cell === null
                    ? '—'
                    : column?.kind === 'day' && typeof cell === 'string'
                      ? formatDay(cell)
                      : String(cell);
                return (
                  <TableCell
                    key={c}
                    className={column?.kind === 'number' ? styles.number : undefined}
                  >
                    {shown}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
