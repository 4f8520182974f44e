import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import {
  CompactOverviewResSchema,
  type CompactDto,
  type CompactOverviewDto,
} from '../../../api/contract';
import { teamPath } from '../../app/api-client';
import { useAppContext } from '../../app/app-context';
import { CompactAcknowledgements } from './compact-acknowledgements';
import { CompactCurrent } from './compact-current';
import { CompactHistory } from './compact-history';
import { CompactProposals } from './compact-proposals';
import { CompactReview } from './compact-review';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { EmptyState, ErrorState, ResourceView } from '../../ui/state-views';
import { useCompactActions, type CompactActions } from './use-compact-actions';
import { useResource } from '../../app/use-resource';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
});

/**
 * The Team Support Compact: the current version and who committed to it, the proposals to change
 * it, its history with a readable diff, and its regular review.
 */
export function CompactPage() {
  const { teamId = '' } = useAppContext();
  const compact = useResource(`compact:${teamId}`, async (api, signal) => {
    const overview = await api.get(
      teamPath(teamId, '/compact/overview'),
      CompactOverviewResSchema,
      signal,
    );
    return { overview: overview.data };
  });
  const { resource, reload } = compact;
  const refresh = useCallback(() => reload({ quiet: true }), [reload]);
  const actions = useCompactActions(teamId, refresh);
  const refreshing = resource.status === 'ready' && resource.refreshing;
  const refreshError = resource.status === 'ready' ? resource.refreshError : undefined;

  return (
    <PageLayout
      title="Team Support Compact"
      description="The promises this team makes to each other about asking for and giving help."
      actions={
        resource.status === 'ready' && (
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
      <ResourceView
        handle={compact}
        loadingLabel="Loading the compact…"
        errorTitle="The compact could not be loaded"
      >
        {(data) =>
          data.overview.current ? (
            <CompactSections
              teamId={teamId}
              current={data.overview.current}
              overview={data.overview}
              actions={actions}
            />
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
