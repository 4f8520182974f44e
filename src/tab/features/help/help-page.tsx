import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { HelpRequestDto } from '../../../api/contract';
import { useAppContext } from '../../app/app-context';
import { HelpFilters } from './help-filters';
import { HelpRequestCard } from './help-request-card';
import { PageLayout, PageSection } from '../../ui/page-layout';
import { EmptyState, ErrorState, QueryView } from '../../ui/state-views';
import { plural } from '../../ui/format';
import {
  helpScopes,
  helpStatuses,
  isHelpScope,
  isHelpStatus,
  matchesFilter,
  noFilter,
  skillsIn,
  sortForSection,
  statusSections,
  type HelpFilter,
  type HelpScope,
} from './help-board';
import { hashParam, replaceHashParam } from '../../app/routes';
import { useHelpActions } from './use-help-actions';
import { useHelpBoard } from './use-help-board';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 380px), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '70ch' },
  none: { color: tokens.colorNeutralForeground3 },
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXL },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

function filterFromAddress(): HelpFilter {
  const scope = hashParam('show');
  const status = hashParam('status');
  return {
    scope: isHelpScope(scope) ? scope : noFilter.scope,
    status: isHelpStatus(status) ? status : noFilter.status,
    skill: hashParam('skill') ?? noFilter.skill,
  };
}

/** The help board: who is blocked, who is helping, and how quickly the team answers. */
export function HelpPage() {
  const styles = useStyles();
  const { teamId = '' } = useAppContext();
  const board = useHelpBoard(teamId);
  const refresh = () => void board.refetch();
  const refreshing = board.isFetching && board.data !== undefined;
  const refreshError = board.isRefetchError ? board.error : undefined;
  const actions = useHelpActions(teamId);
  // "2 hours ago" moves on each time the board loads (every minute, and after each action).
  const now = board.dataUpdatedAt;

  const [filter, setFilter] = useState<HelpFilter>(filterFromAddress);
  const changeFilter = (next: HelpFilter) => {
    setFilter(next);
    replaceHashParam('show', next.scope);
    replaceHashParam('status', next.status);
    replaceHashParam('skill', next.skill);
  };

  return (
    <PageLayout
      title="Help board"
      description="Who is blocked, who is helping, and how quickly the team answers."
      actions={
        board.data && (
          <Button onClick={refresh} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </Button>
        )
      }
    >
      <div role="status" aria-live="polite" className={styles.visuallyHidden}>
        {actions.announcement}
      </div>
      {refreshError && (
        <ErrorState
          title="The help board could not be refreshed"
          error={refreshError}
          onRetry={refresh}
        />
      )}
      <QueryView
        query={board}
        loadingLabel="Loading help requests…"
        errorTitle="The help board could not be loaded"
      >
        {({ requests, resolvedSinceDays }) => {
          if (requests.length === 0) {
            return (
              <EmptyState title="No open requests" headingLevel={2}>
                Use “Ask for help” from any message’s … menu in Teams. The request appears here with
                its skills and urgency, who is helping, and how long it has waited against the
                compact’s response commitment.
              </EmptyState>
            );
          }
          return (
            <Board
              requests={requests}
              resolvedSinceDays={resolvedSinceDays}
              filter={filter}
              onFilterChange={changeFilter}
              now={now}
              actions={actions}
            />
          );
        }}
      </QueryView>
    </PageLayout>
  );
}

function Board({
  requests,
  resolvedSinceDays,
  filter,
  onFilterChange,
  now,
  actions,
}: {
  requests: readonly HelpRequestDto[];
  resolvedSinceDays: number;
  filter: HelpFilter;
  onFilterChange: (filter: HelpFilter) => void;
  now: number;
  actions: ReturnType<typeof useHelpActions>;
}) {
  const styles = useStyles();
  const skills = useMemo(() => skillsIn(requests), [requests]);
  const counts = Object.fromEntries(
    helpScopes.map((scope) => [
      scope,
      requests.filter((r) => matchesFilter(r, { ...filter, scope })).length,
    ]),
  ) as Record<HelpScope, number>;
  const shown = requests.filter((r) => matchesFilter(r, filter));
  const statuses = helpStatuses.filter((s) => filter.status === 'all' || filter.status === s);

  return (
    <>
      <HelpFilters filter={filter} onChange={onFilterChange} skills={skills} counts={counts} />
      {shown.length === 0 ? (
        <EmptyState title="Nothing matches these filters" headingLevel={2}>
          {plural(requests.length, 'request')} {requests.length === 1 ? 'is' : 'are'} on the board;
          choose “All”, another status or another skill to see{' '}
          {requests.length === 1 ? 'it' : 'them'}.
        </EmptyState>
      ) : (
        <div className={styles.sections}>
          {statuses.map((status) => {
            const inSection = sortForSection(
              status,
              shown.filter((r) => r.status === status),
            );
            const title = statusSections[status];
            return (
              <PageSection
                key={status}
                title={title}
                extra={
                  <CounterBadge
                    count={inSection.length}
                    showZero
                    appearance="ghost"
                    color="informative"
                    aria-label={plural(inSection.length, 'request')}
                  />
                }
              >
                {status === 'resolved' && (
                  <Body1 as="p" className={styles.hint}>
                    Resolved in the last {plural(resolvedSinceDays, 'day')}, latest first.
                  </Body1>
                )}
                {inSection.length === 0 ? (
                  <Caption1 className={styles.none}>
                    {filter.scope === 'all' && !filter.skill
                      ? `No ${title.toLowerCase()} requests.`
                      : `No ${title.toLowerCase()} requests match the filters.`}
                  </Caption1>
                ) : (
                  <div role="list" aria-label={`${title} help requests`} className={styles.grid}>
                    {inSection.map((request) => (
                      <HelpRequestCard
                        key={request.id}
                        request={request}
                        now={now}
                        state={actions.states.get(request.id)}
                        onAct={(action, story) => actions.run(request, action, story)}
                        onDismiss={() => actions.dismiss(request.id)}
                      />
                    ))}
                  </div>
                )}
              </PageSection>
            );
          })}
        </div>
      )}
    </>
  );
}
