import {
  Badge,
  Caption1,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ClauseDiffDto, ClauseDto } from '../../../api/contract';
import { plural } from '../../ui/format';

// Said to screen readers too: most do not announce <ins> / <del> on their own.
const spoken = (words: string) =>
  ({
    content: `"${words}"`,
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  }) as const;

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '820px',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '7em minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (max-width: 520px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  same: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground2 },
  text: { overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase400 },
  ins: {
    textDecorationLine: 'underline',
    textDecorationThickness: tokens.strokeWidthThin,
    backgroundColor: tokens.colorStatusSuccessBackground2,
    color: tokens.colorStatusSuccessForeground2,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}`,
    borderRadius: tokens.borderRadiusSmall,
    '::before': spoken('[added: '),
    '::after': spoken(']'),
  },
  del: {
    textDecorationLine: 'line-through',
    backgroundColor: tokens.colorStatusDangerBackground2,
    color: tokens.colorStatusDangerForeground2,
    outline: `${tokens.strokeWidthThin} dashed ${tokens.colorStatusDangerBorder1}`,
    borderRadius: tokens.borderRadiusSmall,
    '::before': spoken('[removed: '),
    '::after': spoken(']'),
  },
  hours: { display: 'block', color: tokens.colorNeutralForeground2 },
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  muted: { color: tokens.colorNeutralForeground2 },
});

const labels = {
  same: { text: 'Unchanged', color: 'informative' },
  added: { text: 'Added', color: 'success' },
  removed: { text: 'Removed', color: 'danger' },
  changed: { text: 'Changed', color: 'warning' },
} as const;

const hoursOf = (clause: ClauseDto) => clause.commitment?.hours ?? null;

/**
 * What changed between two versions, clause by clause: added ones inserted, removed ones struck,
 * changed ones word by word, unchanged ones dimmed (and hidden on request).
 */
export function CompactDiff({
  changes,
  label,
}: {
  changes: readonly ClauseDiffDto[];
  /** Names the list, e.g. "Changes from version 1 to version 2". */
  label: string;
}) {
  const styles = useStyles();
  const [showSame, setShowSame] = useState(true);
  const same = changes.filter((c) => c.kind === 'same').length;
  const shown = showSame ? changes : changes.filter((c) => c.kind !== 'same');
  return (
    <>
      <div className={styles.controls}>
        <Caption1 className={styles.muted}>
          {changes.length === same
            ? 'The two versions read the same.'
            : `${plural(changes.length - same, 'clause')} differ, ${same} unchanged.`}
        </Caption1>
        {same > 0 && (
          <Switch
            checked={showSame}
            label="Show unchanged clauses"
            onChange={(_event, data) => setShowSame(data.checked)}
          />
        )}
      </div>
      <ol className={styles.list} aria-label={label}>
        {shown.map((change) => (
          <li
            key={change.kind === 'changed' ? change.after.id : change.clause.id}
            className={mergeClasses(styles.item, change.kind === 'same' && styles.same)}
          >
            <span>
              <Badge appearance="outline" color={labels[change.kind].color}>
                {labels[change.kind].text}
              </Badge>
            </span>
            <ClauseChange change={change} />
          </li>
        ))}
      </ol>
    </>
  );
}

function ClauseChange({ change }: { change: ClauseDiffDto }) {
  const styles = useStyles();
  if (change.kind === 'same') return <span className={styles.text}>{change.clause.text}</span>;
  if (change.kind === 'added')
    return (
      <span className={styles.text}>
        <ins className={styles.ins}>{change.clause.text}</ins>
      </span>
    );
  if (change.kind === 'removed')
    return (
      <span className={styles.text}>
        <del className={styles.del}>{change.clause.text}</del>
      </span>
    );
  const before = hoursOf(change.before);
  const after = hoursOf(change.after);
  return (
    <span className={styles.text}>
      {change.words.map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index} className={styles.ins}>
            {part.text}
          </ins>
        ) : part.kind === 'removed' ? (
          <del key={index} className={styles.del}>
            {part.text}
          </del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
      {before !== after && (
        <Caption1 className={styles.hours}>
          Response time: {before === null ? 'none' : plural(before, 'hour')} →{' '}
          {after === null ? 'none' : plural(after, 'hour')}
        </Caption1>
      )}
    </span>
  );
}
