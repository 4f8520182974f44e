import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { CompactDto, CompactOverviewDto } from '../../../api/contract';
import { useAppContext } from '../../app/app-context';
import { CompactAcknowledgements } from './compact-acknowledgements';
import { CompactCurrent } from './compact-current';
import { CompactHistory } from './compact-history';
import { CompactProposals } from './compact-proposals';
import { CompactReview } from './compact-review';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';
import { useCompactActions, type CompactActions } from './use-compact-actions';
import { useCompactOverview } from './use-compact';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

/**
 * The Team Support Compact: the current version and who committed to it, the proposals to change
 * it, its history with a readable diff, and its regular review.
 */
export function CompactPage() {
  const { teamId = '' } = useAppContext();
  const compact = useCompactOverview(teamId);
  const refresh = () => void compact.refetch();
  const actions = useCompactActions(teamId);
  const refreshing = compact.isFetching && compact.data !== undefined;
  const refreshError = compact.isRefetchError ? compact.error : undefined;

  return (
    <PageLayout
      title="Team Support Compact"
      description="The promises this team makes to each other about asking for and giving help."
      actions={
        compact.data && (
          <Button onClick={refresh} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        )
      }
    >
      {refreshError && (
        <ErrorState
          title="The compact could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <QueryView
        query={compact}
        loadingLabel="Loading the compact…"
        errorTitle="The compact could not be loaded"
      >
        {(overview) =>
          overview.current ? (
            <CompactSections
              teamId={teamId}
              current={overview.current}
              overview={overview}
              actions={actions}
            />
          ) : (
            <EmptyState title="No compact yet" headingLevel={2}>
              This team has no compact yet. Once Mutual is set up for the team, it starts from a
              template the team can then rewrite together.
            </EmptyState>
          )
        }
      </QueryView>
    </PageLayout>
  );
}

function CompactSections({
  teamId,
  current,
  overview,
  actions,
}: {
  teamId: string;
  current: CompactDto;
  overview: CompactOverviewDto;
  actions: CompactActions;
}) {
  const styles = useStyles();
  return (
    <div className={styles.sections}>
      <PageSection title="Current version">
        <CompactCurrent compact={current}>
          <CompactAcknowledgements
            // A new version starts with nobody committed, this person included.
            key={current.version}
            version={current.version}
            overview={overview}
            acknowledge={actions.acknowledge}
          />
        </CompactCurrent>
      </PageSection>
      <CompactProposals overview={overview} actions={actions} />
      <CompactHistory
        // The comparison starts again from "previous against current" when a version is adopted.
        key={overview.versions[0]?.version ?? 0}
        teamId={teamId}
        versions={overview.versions}
      />
      <CompactReview overview={overview} actions={actions} />
    </div>
  );
}
