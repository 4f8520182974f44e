import { app, authentication } from '@microsoft/teams-js';
import { themeFromTeams, type ThemeName } from './theme';

/** What the Teams host tells the tab. Nothing here proves identity: only the token does. */
export interface TeamsHost {
  theme: ThemeName;
  /** The team the tab is in (`team.internalId`); absent in the personal tab and chats. */
  teamId: string | undefined;
  teamName: string | undefined;
  /** 'content', 'settings' (the configuration page), 'remove', … */
  frameContext: string | undefined;
  /** A deep link's `subEntityId` (cards link to a page by its route name, e.g. 'compact'). */
  subPageId: string | undefined;
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: ThemeName) => void): void;
}

export const TEAMS_INIT_TIMEOUT_MS = 1500;

/**
 * Connects to Teams, or answers null when the tab runs anywhere else. Outside Teams
 * `app.initialize()` usually rejects at once, but in a non-Teams iframe it never settles, so it
 * races a timeout.
 */
export async function connectToTeams(timeoutMs = TEAMS_INIT_TIMEOUT_MS): Promise<TeamsHost | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  let connected: boolean;
  try {
    connected = await Promise.race([app.initialize().then(() => true as const), timedOut]);
  } catch {
    connected = false;
  } finally {
    clearTimeout(timer);
  }
  if (!connected) return null;

  const context = await app.getContext();
  void app.notifySuccess().catch(() => undefined);
  return {
    theme: themeFromTeams(context.app.theme),
    teamId: context.team?.internalId || undefined,
    teamName: context.team?.displayName || undefined,
    frameContext: context.page.frameContext,
    subPageId: context.page.subPageId || undefined,
    // Teams caches the SSO token and renews it before expiry, so asking each time is cheap.
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((t) => handler(themeFromTeams(t))),
  };
}

/** Opens a Teams deep link (a message, a chat) inside Teams rather than in a browser tab. */
export const openInTeams = (url: string): Promise<void> => app.openLink(url);
