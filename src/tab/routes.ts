import { useEffect, useState } from 'react';

export const routes = [
  'pairings',
  'help',
  'compact',
  'insights',
  'settings',
  'me',
  'sandbox',
  'config',
  'privacy',
  'terms',
] as const;
export type Route = (typeof routes)[number];
/** Pages that stand alone, outside the shell: they need no team and no sign-in. */
export const legalRoutes = ['privacy', 'terms'] as const;
export type LegalRoute = (typeof legalRoutes)[number];
export const isLegalRoute = (route: Route | undefined): route is LegalRoute =>
  (legalRoutes as readonly (Route | undefined)[]).includes(route);
/** Routes shown inside the shell (the configuration and legal pages stand alone). */
export type PageRoute = Exclude<Route, 'config' | LegalRoute>;

export const routeLabels: Record<Route, string> = {
  pairings: 'Pairings',
  help: 'Help board',
  compact: 'Compact',
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
