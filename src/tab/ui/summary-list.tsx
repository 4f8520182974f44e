import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 520px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, color: tokens.colorNeutralForeground1 },
});

/** Read-only settings as term / value pairs. */
export function SummaryList({
  label,
  items,
}: {
  label: string;
  items: readonly { term: string; value: ReactNode }[];
}) {
  const styles = useStyles();
  return (
    <dl className={styles.list} aria-label={label}>
      {items.map((item) => (
        <div key={item.term} style={{ display: 'contents' }}>
          <dt className={styles.term}>{item.term}</dt>
          <dd className={styles.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
