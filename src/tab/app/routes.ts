import { useEffect, useState } from 'react';

/** The pages a team's tab in Teams offers, in the order of the navigation. */
export const teamTabRoutes = [
  'pairings',
  'help',
  'compact',
  'kudos',
  'pulse',
  'insights',
  'settings',
  'me',
] as const;
export const routes = [...teamTabRoutes, 'sandbox', 'config', 'privacy', 'terms'] as const;
export type Route = (typeof routes)[number];
/** Pages that stand alone, outside the shell: they need no team and no sign-in. */
export const legalRoutes = ['privacy', 'terms'] as const;
export type LegalRoute = (typeof legalRoutes)[number];
export const isLegalRoute = (route: Route | undefined): route is LegalRoute =>
  (legalRoutes as readonly (Route | undefined)[]).includes(route);
/** Routes shown inside the shell (the configuration and legal pages stand alone). */
export type PageRoute = Exclude<Route, 'config' | LegalRoute>;

/** Local mode adds the sandbox, where the bot's messages are shown. */
export const localTabRoutes: readonly PageRoute[] = [...teamTabRoutes, 'sandbox'];
/** Pages about one team: without a team chosen they ask for one (My profile does not). */
export const teamPages: ReadonlySet<PageRoute> = new Set(teamTabRoutes.filter((r) => r !== 'me'));

export const routeLabels: Record<Route, string> = {
  pairings: 'Pairings',
  help: 'Help board',
  compact: 'Compact',
  kudos: 'Kudos',
  pulse: 'Pulse',
  insights: 'Insights',
  settings: 'Settings',
  me: 'My profile',
  sandbox: 'Sandbox',
  config: 'Set up',
  privacy: 'Privacy',
  terms: 'Terms of use',
};

/** `#/compact` → 'compact'; anything else → undefined. */
export function parseRoute(hash: string): Route | undefined {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (routes as readonly string[]).includes(name) ? (name as Route) : undefined;
}

/** A route by its bare name (a Teams deep link's `subEntityId`); anything else → undefined. */
export const routeNamed = (name: string | undefined): Route | undefined =>
  (routes as readonly (string | undefined)[]).includes(name) ? (name as Route) : undefined;

export const hrefOf = (route: Route) => `#/${route}`;

export function navigate(route: Route): void {
  if (parseRoute(window.location.hash) !== route) window.location.hash = hrefOf(route);
}

/** The route in the address bar, following back / forward. */
export function useHashRoute(): Route | undefined {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** Pairings opened on one program: `#/pairings?program=cross_check`. */
export const pairingsHref = (program: string) =>
  `${hrefOf('pairings')}?program=${encodeURIComponent(program)}`;

/** One parameter of the query after the hash route, e.g. `program` in `#/pairings?program=…`. */
export function hashParam(name: string): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}

/** Rewrites the hash's query in place: no new history entry, no hashchange. */
export function replaceHashParam(name: string, value: string): void {
  const [path = '', query = ''] = window.location.hash.split('?');
  const params = new URLSearchParams(query);
  params.set(name, value);
  window.history.replaceState(null, '', `${path}?${params.toString()}`);
}
