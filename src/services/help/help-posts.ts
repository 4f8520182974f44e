import type { HelpRequest } from '../../core/help/help-request';
import {
  notificationId,
  type Notification,
  type NotificationTarget,
} from '../../core/notify/notification';
import type { HelpCardInput, MessagePerson, Ports } from '../../core/ports';
import type { Member } from '../../core/team/member';
import { supportChannelOf, type Team } from '../../core/team/team';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { personOf } from '../shared/people';

/**
 * Every card Mutual posts about a request is a notification named `help~<id>~post~<post>`; a
 * change to the request queues `help~<id>~update~<post>~r<revision>` for each, which the worker
 * applies in place over the posted message.
 */
export type HelpPost =
  | { name: 'channel'; kind: 'request' }
  | { name: 'buddy'; kind: 'request'; viewerId: string }
  | { name: 'nudge-buddy'; kind: 'buddy'; viewerId: string }
  | { name: 'nudge-channel'; kind: 'channel' }
  | { name: `escalate-${string}`; kind: 'escalate'; viewerId: string };

const postPrefix = (requestId: string) => `help~${requestId}~post~`;
export const postId = (requestId: string, post: HelpPost) =>
  notificationId('help', requestId, 'post', post.name);

/** What the cards need to say about a request: its team, and its people by name. */
export interface HelpContext {
  team: Team;
  request: HelpRequest;
  people: ReadonlyMap<string, Member>;
}

const personIn = (people: ReadonlyMap<string, Member>, id: string) =>
  id ? personOf(people.get(id)) : undefined;

export function cardInput(
  { team, request, people }: HelpContext,
  now: Date,
  viewerId?: string,
): HelpCardInput {
  return {
    teamId: team.teamId,
    teamName: team.name,
    request,
    requester: personIn(people, request.requesterId) as MessagePerson,
    helper: personIn(people, request.helperId),
    buddy: personIn(people, request.buddyId),
    now,
    ...(viewerId ? { viewerId } : {}),
  };
}

function messageFor(
  post: HelpPost,
  context: HelpContext,
  ports: Pick<Ports, 'messages'>,
  now: Date,
) {
  const viewerId = 'viewerId' in post ? post.viewerId : undefined;
  const input = cardInput(context, now, viewerId);
  return post.kind === 'request'
    ? ports.messages.helpRequest(input)
    : ports.messages.helpNudge({ ...input, kind: post.kind });
}

const targetOf = (post: HelpPost, team: Team): NotificationTarget =>
  'viewerId' in post
    ? { kind: 'member', userId: post.viewerId }
    : {
        kind: 'channel',
        channelId: supportChannelOf(team).id,
      };

/** Posts a new card about the request (once: the id is deterministic). */
export function postNotification(
  post: HelpPost,
  context: HelpContext,
  ports: Pick<Ports, 'messages' | 'clock'>,
): Notification {
  const now = ports.clock.now();
  return {
    id: postId(context.request.id, post),
    team: { tenantId: context.team.tenantId, teamId: context.team.teamId },
    target: targetOf(post, context.team),
    message: messageFor(post, context, ports, now),
    createdAt: now.toISOString(),
  };
}

/**
 * Redraws every card already posted about the request, as it is now. (An escalation's redraw
 * reuses revision 1's id: an overdue request was never picked up, so it never changed.)
 */
export async function refreshHelpCards(
  context: HelpContext,
  ports: Pick<Ports, 'notifications' | 'queue' | 'messages' | 'clock'>,
): Promise<void> {
  const ref = { tenantId: context.team.tenantId, teamId: context.team.teamId };
  const posted = await ports.notifications.listByPrefix(ref, postPrefix(context.request.id));
  const now = ports.clock.now();
  const updates: Notification[] = [];
  for (const record of posted) {
    if (record.status !== 'sent' && record.status !== 'pending') continue;
    const post = postOf(record.id.slice(postPrefix(context.request.id).length), record.target);
    if (!post) continue;
    updates.push({
      id: notificationId(
        'help',
        context.request.id,
        'update',
        post.name,
        `r${context.request.revision}`,
      ),
      team: ref,
      target: record.target,
      message: messageFor(post, context, ports, now),
      createdAt: now.toISOString(),
      update: { of: record.id, revision: context.request.revision },
    });
  }
  await enqueueNotifications(updates, ports);
}

/** The post a stored notification is, from its name and target. */
function postOf(name: string, target: NotificationTarget): HelpPost | undefined {
  const viewerId = target.kind === 'member' ? target.userId : '';
  if (name === 'channel') return { name, kind: 'request' };
  if (name === 'nudge-channel') return { name, kind: 'channel' };
  if (!viewerId) return undefined;
  if (name === 'buddy') return { name, kind: 'request', viewerId };
  if (name === 'nudge-buddy') return { name, kind: 'buddy', viewerId };
  if (name.startsWith('escalate-'))
    return { name: name as `escalate-${string}`, kind: 'escalate', viewerId };
  return undefined;
}
