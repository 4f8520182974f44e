import {
  Avatar,
  Badge,
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { createElement } from 'react';
import type { RoundDto } from '../../../api/contract';

type Group = RoundDto['groups'][number];

const useStyles = makeStyles({
  groups: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  mine: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
  },
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { ...typographyStyles.subtitle2, margin: 0, flexGrow: 1 },
  members: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  member: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  department: { color: tokens.colorNeutralForeground2 },
  reason: { margin: 0, color: tokens.colorNeutralForeground2 },
  unplaced: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

/** A pairing weight, short enough to scan: 0.8312 → "0.83". */
export const formatWeight = (weight: number) =>
  weight.toLocaleString(undefined, { maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** The groups of a round: who is with whom, and why. */
export function RoundGroups({
  groups,
  label,
  headingLevel = 3,
  showWeights = false,
  myGroup = null,
}: {
  groups: readonly Group[];
  label: string;
  headingLevel?: 3 | 4;
  showWeights?: boolean;
  myGroup?: number | null;
}) {
  const styles = useStyles();
  return (
    <ol className={styles.groups} aria-label={label}>
      {groups.map((group, index) => {
        const name = `Group ${index + 1}`;
        return (
          <li
            key={group.members.map((m) => m.id).join('|')}
            aria-label={name}
            className={mergeClasses(styles.group, index === myGroup && styles.mine)}
          >
            <div className={styles.top}>
              {createElement(`h${headingLevel}`, { className: styles.title }, name)}
              {index === myGroup && (
                <Badge appearance="outline" color="informative" size="small">
                  You
                </Badge>
              )}
              {showWeights && (
                <Badge appearance="tint" color="informative" size="small">
                  {`Weight ${formatWeight(group.weight)}`}
                </Badge>
              )}
            </div>
            <ul className={styles.members} aria-label={`Members of ${name.toLowerCase()}`}>
              {group.members.map((member) => (
                <li key={member.id} className={styles.member}>
                  <Avatar name={member.name} size={28} color="colorful" aria-hidden="true" />
                  <span className={styles.who}>
                    <Body1>{member.name}</Body1>
                    <Caption1 className={styles.department}>
                      {member.department || 'No department'}
                    </Caption1>
                  </span>
                </li>
              ))}
            </ul>
            <Body1 as="p" className={styles.reason}>
              {group.reason}
            </Body1>
          </li>
        );
      })}
    </ol>
  );
}

/** People a round could not place, each with the reason they were told. */
export function UnplacedList({ unplaced }: { unplaced: RoundDto['unplaced'] }) {
  const styles = useStyles();
  if (unplaced.length === 0) return null;
  return (
    <ul className={styles.unplaced} aria-label="Not placed in this round">
      {unplaced.map((person) => (
        <li key={person.id}>
          <Body1>
            <strong>{person.name}</strong>: {person.reason}
          </Body1>
        </li>
      ))}
    </ul>
  );
}
