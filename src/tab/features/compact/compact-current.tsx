import { Badge, Body1, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CompactDto } from '../../../api/contract';
import { formatDate, plural } from '../../ui/format';

const useStyles = makeStyles({
  card: {
    maxWidth: '820px',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    gap: tokens.spacingVerticalL,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalL },
  },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  adopted: { color: tokens.colorNeutralForeground2 },
  commitment: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderInlineStartWidth: tokens.strokeWidthThickest,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorBrandStroke1,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  commitmentLabel: { color: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightSemibold },
  commitmentText: {
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  clauses: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    '& li::marker': {
      color: tokens.colorNeutralForeground3,
      fontWeight: tokens.fontWeightSemibold,
    },
  },
  clause: { paddingInlineStart: tokens.spacingHorizontalXS, maxWidth: '70ch' },
  note: { color: tokens.colorNeutralForeground2, fontStyle: 'italic', margin: 0 },
  footer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** The note the starting template is saved with: it says nothing the adopted-by line does not. */
export const TEMPLATE_NOTE = 'Started from the Mutual template.';

/** The current version, read as one page: the promises, and below them who committed to them. */
export function CompactCurrent({
  compact,
  children,
}: {
  compact: CompactDto;
  children: ReactNode;
}) {
  const styles = useStyles();
  const adopted = compact.adoptedBy
    ? `Adopted on ${formatDate(compact.adoptedAt)} by ${compact.adoptedBy.name}`
    : `Started from the Mutual template on ${formatDate(compact.adoptedAt)}`;
  const note = compact.note.trim();
  return (
    <Card className={styles.card} aria-label={`Compact version ${compact.version}`}>
      <div className={styles.meta}>
        <Badge appearance="filled" color="brand">
          Version {compact.version}
        </Badge>
        <Body1 className={styles.adopted}>{adopted}</Body1>
      </div>
      {note && note !== TEMPLATE_NOTE && (
        <Body1 as="p" className={styles.note}>
          {note}
        </Body1>
      )}
      <div className={styles.commitment} role="note" aria-label="Response commitment">
        <Caption1 className={styles.commitmentLabel}>Our response commitment</Caption1>
        <Text className={styles.commitmentText}>
          We respond to help requests within {plural(compact.responseHours, 'hour')}.
        </Text>
      </div>
      {compact.clauses.length === 0 ? (
        <Body1>This version has no clauses.</Body1>
      ) : (
        <ol className={styles.clauses} aria-label="Clauses">
          {compact.clauses.map((clause) => (
            <li key={clause.id} className={styles.clause}>
              {clause.text}
            </li>
          ))}
        </ol>
      )}
      <div className={styles.footer}>{children}</div>
    </Card>
  );
}
