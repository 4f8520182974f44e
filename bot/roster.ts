import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { RosterEntry } from '../src/core/team/member';

/** Teams' own page-size ceiling for paged roster reads. */
const PAGE_SIZE = 500;

export const rosterEntryOf = (account: TeamsChannelAccount): RosterEntry | undefined =>
  account.aadObjectId
    ? {
        userId: account.aadObjectId.toLowerCase(),
        name: account.name ?? account.givenName ?? '',
        email: account.email ?? account.userPrincipalName ?? '',
        botUserId: account.id,
      }
    : undefined;

/** The whole roster of a team, page by page, as the bot is allowed to read it. */
export async function fetchTeamRoster(
  context: TurnContext,
  teamId: string,
): Promise<RosterEntry[]> {
  const roster: RosterEntry[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedTeamMembers(context, teamId, PAGE_SIZE, continuationToken);
    for (const account of page.members) {
      const entry = rosterEntryOf(account);
      if (entry) roster.push(entry);
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return roster;
}
