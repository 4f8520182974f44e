/**
 * The one allow-list for a link to a Teams message that Mutual stores and offers as "Open the
 * message": https, no credentials or port, a documented Teams host (commercial, the new
 * `teams.cloud.microsoft`, GCC High, DoD, China and consumer Teams), and a message deep link
 * (`/l/message/…`). Teams' own `linkToMessage` always passes; anything else is dropped, so a card
 * can never be made to offer an arbitrary site under Mutual's name.
 */
export const TEAMS_MESSAGE_HOSTS: readonly string[] = [
  'teams.microsoft.com',
  'teams.cloud.microsoft',
  'teams.microsoft.us',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
  'teams.microsoftonline.cn',
  'teams.live.com',
];

const MAX_LINK = 2_000;

/** The link itself when it is a Teams message link; '' otherwise. */
export function allowedMessageLink(link: string | undefined): string {
  if (!link || link.length > MAX_LINK) return '';
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return '';
  }
  const ok =
    url.protocol === 'https:' &&
    url.username === '' &&
    url.password === '' &&
    url.port === '' &&
    TEAMS_MESSAGE_HOSTS.includes(url.hostname) &&
    url.pathname.startsWith('/l/message/');
  return ok ? link : '';
}
