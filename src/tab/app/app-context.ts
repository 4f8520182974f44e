import { createContext, useContext } from 'react';
import type { ApiClient } from './api-client';
import type { ThemeName } from './theme';

export interface AppContextValue {
  mode: 'teams' | 'local';
  api: ApiClient;
  /** The team the pages show; undefined when the signed-in person has none to show yet. */
  teamId: string | undefined;
  /** Local mode: the demo user the switcher selected (Teams: unknown until `/api/me`). */
  localUserId: string | undefined;
  theme: ThemeName;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useAppContext outside <AppContext>');
  return value;
}
