import type { TabLinks } from '../src/core/ports';

/**
 * Links from cards into the tab. With the Teams app id known, a deep link to the team's Mutual
 * tab (in General, whose channel id is the team id) that opens the page named by `subEntityId`;
 * without it (local mode, or before provisioning), the page's URL on this server.
 */
export function createTabLinks(options: { baseUrl: () => string; teamsAppId: string }): TabLinks {
  return {
    page(ref, page) {
      if (!options.teamsAppId) return `${options.baseUrl().replace(/\/$/, '')}/#/${page}`;
      const context = JSON.stringify({ subEntityId: page, channelId: ref.teamId });
      return `https://teams.microsoft.com/l/entity/${encodeURIComponent(options.teamsAppId)}/${TAB_ENTITY_ID}?context=${encodeURIComponent(context)}`;
    },
  };
}

/** The channel tab's entity id, as the configuration page saves it. */
export const TAB_ENTITY_ID = 'mutual';
