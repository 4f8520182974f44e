import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ProposalDto } from '../../../api/contract';
import { plural } from '../../ui/format';

const useStyles = makeStyles({
  change: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: '6em minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    '@media (max-width: 520px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  term: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  text: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    maxWidth: '70ch',
  },
  before: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
  },
  after: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
  },
  removed: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: 'line-through',
  },
  hours: { color: tokens.colorNeutralForeground2 },
});

const hoursOf = (hours: number | null) => (hours === null ? 'none stated' : plural(hours, 'hour'));

/** What a proposal would do to the compact: the clause as it reads now, and as proposed. */
export function CompactProposalText({ proposal }: { proposal: ProposalDto }) {
  const styles = useStyles();
  const { kind, text, previousText, commitmentHours, previousCommitmentHours } = proposal;
  const hoursChanged = kind !== 'remove' && commitmentHours !== previousCommitmentHours;
  return (
    <dl className={styles.change} aria-label="The proposed change">
      {kind !== 'add' && (
        <div className={styles.row}>
          <dt className={styles.term}>{kind === 'remove' ? 'Remove' : 'Now'}</dt>
          <dd
            className={mergeClasses(
              styles.text,
              kind === 'remove' ? styles.removed : styles.before,
            )}
          >
            {previousText}
          </dd>
        </div>
      )}
      {kind !== 'remove' && (
        <div className={styles.row}>
          <dt className={styles.term}>{kind === 'add' ? 'New clause' : 'Proposed'}</dt>
          <dd className={mergeClasses(styles.text, styles.after)}>{text}</dd>
        </div>
      )}
      {hoursChanged && (
        <div className={styles.row}>
          <dt className={styles.term}>Response time</dt>
          <dd className={styles.text}>
            <Caption1 className={styles.hours}>
              {kind === 'add'
                ? `This clause sets the team’s response time to ${hoursOf(commitmentHours)}.`
                : `From ${hoursOf(previousCommitmentHours)} to ${hoursOf(commitmentHours)}.`}
            </Caption1>
          </dd>
        </div>
      )}
    </dl>
  );
}
