import { Link, makeStyles, tokens } from '@fluentui/react-components';
import {
  Suspense,
  lazy,
  useEffect,
  useMemo,
  type LazyExoticComponent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { TeamResSchema } from '../../api/contract';
import { teamPath, type ApiClient } from './api-client';
import { AppContext, type AppContextValue } from './app-context';
import { AppHeader } from './app-header';
import { ErrorBoundary } from './error-boundary';
import { NavTabs } from './nav-tabs';
import { EmptyState, LoadingState } from '../ui/state-views';
import { hrefOf, legalRoutes, routeLabels, teamPages, type PageRoute, type Route } from './routes';
import type { ThemeName } from './theme';
import { teamKey, useApiQuery } from './team-query';

// Each page is its own chunk: the first paint needs only the shell.
const pages: Record<PageRoute, LazyExoticComponent<() => ReactNode>> = {
  pairings: lazy(() =>
    import('../features/rotations/pairings-page').then((m) => ({ default: m.PairingsPage })),
  ),
  help: lazy(() => import('../features/help/help-page').then((m) => ({ default: m.HelpPage }))),
  compact: lazy(() =>
    import('../features/compact/compact-page').then((m) => ({ default: m.CompactPage })),
  ),
  kudos: lazy(() => import('../features/kudos/kudos-page').then((m) => ({ default: m.KudosPage }))),
  pulse: lazy(() => import('../features/pulse/pulse-page').then((m) => ({ default: m.PulsePage }))),
  insights: lazy(() =>
    import('../features/insights/insights-page').then((m) => ({ default: m.InsightsPage })),
  ),
  settings: lazy(() =>
    import('../features/team/settings-page').then((m) => ({ default: m.SettingsPage })),
  ),
  me: lazy(() => import('../features/team/me-page').then((m) => ({ default: m.MePage }))),
  sandbox: lazy(() =>
    import('../features/sandbox/sandbox-page').then((m) => ({ default: m.SandboxPage })),
  ),
};

const useStyles = makeStyles({
  main: { flexGrow: 1, display: 'flex', flexDirection: 'column', outline: 'none' },
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-48px',
    zIndex: 10,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    ':focus': { top: tokens.spacingVerticalS },
  },
  footer: {
    display: 'flex',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase200,
  },
  footerLink: { color: tokens.colorNeutralForeground3 },
});

export interface ShellProps {
  mode: AppContextValue['mode'];
  api: ApiClient;
  teamId: string | undefined;
  localUserId?: string;
  theme: ThemeName;
  routes: readonly PageRoute[];
  route: Route | undefined;
  defaultRoute: PageRoute;
  /** Shown until the API answers with the team's name. */
  teamNameHint?: string;
  badge?: string;
  controls?: ReactNode;
  /** Replaces the team picker / notices above the page. */
  notice?: ReactNode;
}

/** Header, page tabs and the current page, for one signed-in person and one team. */
export function Shell(props: ShellProps) {
  const { mode, api, teamId, localUserId, theme } = props;
  const value = useMemo<AppContextValue>(
    () => ({ mode, api, teamId, localUserId, theme }),
    [mode, api, teamId, localUserId, theme],
  );
  return (
    <AppContext.Provider value={value}>
      <ShellBody {...props} />
    </AppContext.Provider>
  );
}

function ShellBody({
  mode,
  teamId,
  localUserId,
  routes,
  route,
  defaultRoute,
  teamNameHint,
  badge,
  controls,
  notice,
}: ShellProps) {
  const styles = useStyles();
  const current = routes.find((r) => r === route) ?? defaultRoute;

  useEffect(() => {
    // Keep the address bar honest when it named no page (or one this mode does not have).
    if (route !== current) window.history.replaceState(null, '', hrefOf(current));
  }, [route, current]);

  const team = useApiQuery(
    teamKey(teamId ?? '', 'summary'),
    async (api, signal) => (await api.get(teamPath(teamId ?? ''), TeamResSchema, signal)).data,
    { enabled: teamId !== undefined },
  );
  const teamName = !teamId
    ? (teamNameHint ?? 'No team yet')
    : team.data
      ? team.data.name
      : (teamNameHint ?? (team.isError ? 'Team unavailable' : undefined));

  useEffect(() => {
    document.title = [routeLabels[current], teamName, 'Mutual'].filter(Boolean).join(' · ');
  }, [current, teamName]);

  const Page = pages[current];
  const needsTeam = teamPages.has(current) && !teamId;

  return (
    <>
      <a href="#main" className={styles.skip} onClick={skipToMain}>
        Skip to content
      </a>
      <AppHeader
        teamName={teamName}
        badge={badge}
        controls={controls}
        nav={<NavTabs routes={routes} current={current} />}
      />
      {notice}
      <main
        id="main"
        tabIndex={-1}
        className={styles.main}
        key={`${localUserId ?? 'me'}|${teamId ?? ''}`}
      >
        <ErrorBoundary resetKey={current}>
          <Suspense fallback={<LoadingState label="Loading the page…" />}>
            {needsTeam ? (
              <div style={{ padding: tokens.spacingHorizontalXL }}>
                <EmptyState title="Mutual is not in any of your teams yet" headingLevel={2}>
                  Ask a team owner to add Mutual to your team in Teams. Its Pairings, Help board and
                  Compact then appear here.
                </EmptyState>
              </div>
            ) : (
              <Page />
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className={styles.footer}>
        {legalRoutes.map((r) => (
          <Link
            key={r}
            href={hrefOf(r)}
            className={styles.footerLink}
            // Inside Teams the tab has no Back button: open them beside it instead of over it.
            {...(mode === 'teams' ? { target: '_blank', rel: 'noopener' } : {})}
          >
            {routeLabels[r]}
          </Link>
        ))}
      </footer>
    </>
  );
}

/** The skip link must not change the hash: the hash is the page route. */
function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
