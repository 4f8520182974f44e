import { Badge, Body1, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CompactResSchema, type CompactDto } from '../../api/contract';
import { teamPath } from '../api-client';
import { useAppContext } from '../app-context';
import { PageLayout } from '../components/page-layout';
import { EmptyState, ResourceView } from '../components/state-views';
import { formatDate, plural } from '../format';
import { useResource } from '../use-resource';

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
});

const TEMPLATE_NOTE = 'Started from the Mutual template.';

/** The Team Support Compact: the current version, read as one page. */
export function CompactPage() {
  const { teamId = '' } = useAppContext();
  const compact = useResource(`compact:${teamId}`, async (api, signal) => {
    return (await api.get(teamPath(teamId, '/compact'), CompactResSchema, signal)).data;
  });
  return (
    <PageLayout
      title="Team Support Compact"
      description="The promises this team makes to each other about asking for and giving help."
    >
      <ResourceView
        handle={compact}
        loadingLabel="Loading the compact…"
        errorTitle="The compact could not be loaded"
      >
        {(data) =>
          data ? (
            <CompactView compact={data} />
          ) : (
            <EmptyState title="No compact yet" headingLevel={2}>
              This team has no compact yet. Once Mutual is set up for the team, it starts from a
              template the team can then rewrite together.
            </EmptyState>
          )
        }
      </ResourceView>
    </PageLayout>
  );
}

function CompactView({ compact }: { compact: CompactDto }) {
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
    </Card>
  );
}
