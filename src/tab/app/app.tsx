import { FluentProvider, Link, makeStyles, tokens } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from './error-boundary';
import { ErrorState, LoadingState } from '../ui/state-views';
import { FullPageMessage, FullPageText } from './full-page-message';
import { LocalShell } from './local-shell';
import { TeamsShell } from './teams-shell';
import { ConfigPage } from './config-page';
import { hrefOf, isLegalRoute, useHashRoute } from './routes';
import { boot, type Boot } from './session';
import { preferences } from './storage';
import { fluentThemes, isThemeName, preferredTheme, type ThemeName } from './theme';
import { ApiRequestError } from './api-client';
import { queryClient } from './query-client';

// The privacy and terms pages are opened from outside the tab too: they load on their own.
const legalPages = {
  privacy: lazy(() =>
    import('../features/privacy/privacy-page').then((m) => ({ default: m.PrivacyPage })),
  ),
  terms: lazy(() =>
    import('../features/privacy/terms-page').then((m) => ({ default: m.TermsPage })),
  ),
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  centered: { maxWidth: '720px', margin: '0 auto', padding: tokens.spacingHorizontalXL },
});

type BootState =
  | { status: 'starting' }
  | { status: 'failed'; error: ApiRequestError }
  | { status: 'ready'; boot: Boot };

function initialLocalTheme(): ThemeName {
  const saved = preferences.get('theme');
  return isThemeName(saved) ? saved : preferredTheme();
}

/** Finds out where the tab runs (Teams, local mode, or neither) and shows the matching shell. */
export function App() {
  const styles = useStyles();
  const route = useHashRoute();
  const [state, setState] = useState<BootState>({ status: 'starting' });
  const [theme, setTheme] = useState<ThemeName>(initialLocalTheme);

  const start = useCallback(() => {
    setState({ status: 'starting' });
    boot().then(
      (result) => {
        if (result.mode === 'teams') {
          setTheme(result.host.theme);
          result.host.onThemeChange(setTheme);
        }
        setState({ status: 'ready', boot: result });
      },
      (error: unknown) =>
        setState({
          status: 'failed',
          error:
            error instanceof ApiRequestError
              ? error
              : new ApiRequestError('Mutual could not start. Retry, or reload the page.', {
                  code: 'internal',
                  status: 0,
                }),
        }),
    );
  }, []);

  // A legal page needs no Teams, no sign-in and no API: start only when another page is shown.
  const legal = isLegalRoute(route);
  const started = useRef(false);
  useEffect(() => {
    if (legal || started.current) return;
    started.current = true;
    start();
  }, [legal, start]);

  const chooseTheme = useCallback((next: ThemeName) => {
    setTheme(next);
    preferences.set('theme', next);
  }, []);

  let content;
  if (isLegalRoute(route)) {
    const LegalPage = legalPages[route];
    content = (
      <ErrorBoundary resetKey={route}>
        <Suspense fallback={<LoadingState label="Loading the page…" />}>
          <LegalPage />
        </Suspense>
      </ErrorBoundary>
    );
  } else if (state.status === 'starting') {
    content = <LoadingState label="Starting Mutual…" />;
  } else if (state.status === 'failed') {
    content = (
      <main className={styles.centered}>
        <ErrorState title="Mutual could not start" error={state.error} onRetry={start} />
      </main>
    );
  } else if (state.boot.mode === 'outside') {
    content = (
      <FullPageMessage title="Open Mutual inside Microsoft Teams">
        <FullPageText>
          Mutual is a Microsoft Teams app. Add it to a team, then open its tab in a channel, or open
          it from the apps in Teams to see your own profile.
        </FullPageText>
        <FullPageText>
          To try it without Teams, run it on your machine with <code>npm start</code> and open the
          address it prints: that local trial comes with a demo team.
        </FullPageText>
        <FullPageText>
          <Link href={hrefOf('privacy')}>Privacy</Link> ·{' '}
          <Link href={hrefOf('terms')}>Terms of use</Link>
        </FullPageText>
      </FullPageMessage>
    );
  } else if (route === 'config') {
    content = <ConfigPage inTeams={state.boot.mode === 'teams'} />;
  } else if (state.boot.mode === 'teams') {
    content = <TeamsShell host={state.boot.host} route={route} theme={theme} />;
  } else {
    content = (
      <LocalShell
        directory={state.boot.directory}
        route={route}
        theme={theme}
        onThemeChange={chooseTheme}
      />
    );
  }

  return (
    // The provider's own class is copied onto portal mount nodes (menus, dialogs), so the page
    // layout lives on an inner element.
    <QueryClientProvider client={queryClient}>
      <FluentProvider theme={fluentThemes[theme]}>
        <div className={styles.root}>{content}</div>
      </FluentProvider>
    </QueryClientProvider>
  );
}
