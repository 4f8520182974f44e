import { responseHours } from '../core/compact/compact';
import { conflict, isDomainError, notFound } from '../core/errors';
import {
  claim,
  newHelpRequest,
  release,
  resolve,
  thank,
  type HelpRequest,
  type SourceMessage,
} from '../core/help/help-request';
import { firstAwakeMoment, hasCapacity, nudgePlan } from '../core/help/nudges';
import { kudosForHelp, thankOnceKey } from '../core/kudos/kudos';
import { programKinds, type ProgramKind } from '../core/rotations/program';
import { isTakingPart } from '../core/team/boundaries';
import type { Member } from '../core/team/member';
import type { Actor, Channel, Team, TeamRef } from '../core/team/team';
import { supportChannelOf } from '../core/team/team';
import type { Ports, Versioned } from '../core/ports';
import type { Round } from '../core/rotations/round';
import { enqueueNotifications } from './enqueue-notifications';
import { tellKudosRecipients } from './give-kudos';
import { peopleOf, postNotification, refreshHelpCards, type HelpContext } from './help-cards';
import { scheduleJob } from './schedule-job';
import { requireMember } from './team-access';

export const HELP_NUDGE_DUE = 'help-nudge';

export type HelpPorts = Pick<
  Ports,
  | 'teams'
  | 'members'
  | 'compacts'
  | 'rounds'
  | 'help'
  | 'kudos'
  | 'notifications'
  | 'queue'
  | 'schedule'
  | 'clock'
  | 'messages'
  | 'links'
>;

export interface HelpAsk {
  source: SourceMessage;
  blocker: string;
  skills: readonly string[];
  urgency: string;
}

export interface AskResult extends HelpContext {
  /** False when this submit repeated one already made (Teams retries): nothing new was made. */
  created: boolean;
  channel: Channel;
  /** When the blocker buddy hears: now, once their quiet hours end, not at all, or no buddy. */
  buddyHears: BuddyHears;
}

export type BuddyHears = 'now' | 'after_quiet_hours' | 'not_available' | 'none';

/** Where a blocker buddy comes from when the blocker-buddy rotation names none. */
const OTHER_PROGRAMS: readonly ProgramKind[] = programKinds.filter((k) => k !== 'blocker_buddy');

/**
 * A member turns a chat message into a help request. It is stored first (insert if absent under
 * an id from the team, the message and the member, so a repeated submit makes nothing new); then
 * the channel card, the buddy's 1:1 card and the compact's clock (nudges) go to the outbox and
 * the scheduler, which send them after this returns.
 */
export async function askForHelp(
  actor: Actor,
  teamId: string,
  ask: HelpAsk,
  ports: HelpPorts,
): Promise<AskResult> {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  const now = ports.clock.now();
  const [compact, buddyId] = await Promise.all([
    ports.compacts.current(ref),
    findBuddy(ref, actor.userId, ports),
  ]);
  const draft = newHelpRequest(
    {
      teamId,
      requesterId: actor.userId,
      source: ask.source,
      blocker: ask.blocker,
      skills: ask.skills,
      urgency: ask.urgency,
      buddyId,
      responseHours: responseHours(compact),
    },
    now,
  );
  const [stored, buddy] = await Promise.all([
    createOrFind(ref, draft, ports),
    peopleOf(ref, [draft.buddyId], ports),
  ]);
  const { request, created } = stored;
  const people = new Map(buddy);
  people.set(me.value.userId, me.value);
  // A repeated submit may find a request whose buddy or helper is not loaded yet.
  const missing = [request.buddyId, request.helperId].filter((id) => id && !people.has(id));
  for (const [id, m] of await peopleOf(ref, missing, ports)) people.set(id, m);
  const context = { team, request, people };
  // A repeat still re-files what may have been lost with a crash; the ids make it a no-op.
  const buddyHears = request.status !== 'resolved' ? await announce(context, ports) : 'none';
  return { ...context, created, channel: supportChannelOf(team), buddyHears };
}

/** Insert if absent: a repeated submit finds the request the first one made. */
async function createOrFind(ref: TeamRef, draft: HelpRequest, ports: Pick<Ports, 'help'>) {
  try {
    return { request: (await ports.help.create(ref, draft)).value, created: true };
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'conflict') throw error;
    const existing = await ports.help.get(ref, draft.id);
    if (!existing) throw error;
    return { request: existing.value, created: false };
  }
}

/** The channel card, the buddy's card (now, or when they are next awake), and the nudge jobs. */
async function announce(context: HelpContext, ports: HelpPorts): Promise<BuddyHears> {
  const { team, request } = context;
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  const now = ports.clock.now();
  const buddy = context.people.get(request.buddyId);
  const notifications = [postNotification({ name: 'channel', kind: 'request' }, context, ports)];
  // The clock's first step; each step files the next when it runs (one write here, not three).
  const jobs: { kind: string; at: Date }[] = nudgePlan(request).slice(0, 1);
  let buddyHears: BuddyHears = buddy ? 'not_available' : 'none';
  if (buddy && (await canBeAsked(ref, buddy, now, ports))) {
    const awake = firstAwakeMoment(buddy, now);
    if (awake.getTime() <= now.getTime()) {
      const post = { name: 'buddy', kind: 'request', viewerId: buddy.userId } as const;
      notifications.push(postNotification(post, context, ports));
      buddyHears = 'now';
    } else if (awake.getTime() < Date.parse(request.dueAt)) {
      jobs.push({ kind: 'buddy-first', at: awake });
      buddyHears = 'after_quiet_hours';
    }
  }
  await Promise.all([
    enqueueNotifications(notifications, ports),
    ...jobs.map((job) =>
      scheduleJob(
        {
          id: `help~${request.id}~${job.kind}`,
          kind: HELP_NUDGE_DUE,
          team: ref,
          dueAt: job.at.toISOString(),
          payload: { requestId: request.id, nudge: job.kind },
        },
        ports,
      ),
    ),
  ]);
  return buddyHears;
}

/**
 * The requester's blocker buddy: their partner in the latest published round of the blocker-buddy
 * program, else of another program; '' when they have none.
 */
async function findBuddy(
  ref: TeamRef,
  userId: string,
  ports: Pick<Ports, 'rounds'>,
): Promise<string> {
  const partnerIn = (rounds: Versioned<Round>[]) => {
    const round = rounds.map((r) => r.value).find((r) => r.status === 'published');
    const group = round?.groups.find((g) => g.members.includes(userId));
    return group?.members.find((id) => id !== userId) ?? '';
  };
  // The blocker-buddy rotation first; the other programs only when it names nobody.
  const buddy = partnerIn(await ports.rounds.list(ref, 'blocker_buddy', 2));
  if (buddy) return buddy;
  const others = await Promise.all(OTHER_PROGRAMS.map((kind) => ports.rounds.list(ref, kind, 2)));
  return others.map(partnerIn).find(Boolean) ?? '';
}

export type HelpActionName = 'claim' | 'release' | 'resolve' | 'thank';

/**
 * "I can help", "Release", "Resolved" and "Thank", from a card or the help board. The change is
 * written with the request's ETag: of two simultaneous claims one is stored, and the other is
 * re-read and told who has it. Then every card posted about the request is redrawn.
 */
export async function actOnHelp(
  actor: Actor,
  teamId: string,
  requestId: string,
  action: HelpActionName,
  options: { story?: string },
  ports: HelpPorts,
): Promise<HelpContext> {
  const { ref, team } = await requireMember(actor, teamId, ports);
  for (let attempt = 1; ; attempt++) {
    const found = await ports.help.get(ref, requestId);
    if (!found) throw notFound('That help request no longer exists.');
    const now = ports.clock.now();
    const next = await applyAction(team, found.value, actor.userId, action, options, now, ports);
    if (next === found.value) return contextOf(ref, team, found.value, ports);
    try {
      const saved = await ports.help.update(ref, next, found.etag);
      const context = await contextOf(ref, team, saved.value, ports);
      await refreshHelpCards(context, ports);
      return context;
    } catch (error) {
      // Someone changed it meanwhile: read it again and apply the rules to what is there now.
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= 4) throw error;
    }
  }
}

async function applyAction(
  team: Team,
  request: HelpRequest,
  userId: string,
  action: HelpActionName,
  options: { story?: string },
  now: Date,
  ports: HelpPorts,
): Promise<HelpRequest> {
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  switch (action) {
    case 'claim':
      try {
        return claim(request, userId, now);
      } catch (error) {
        if (isDomainError(error) && error.code === 'conflict' && request.status === 'claimed') {
          const helper = await ports.members.get(ref, request.helperId);
          throw conflict(
            `${helper?.value.name ?? 'Someone else'} is already helping with this request.`,
          );
        }
        throw error;
      }
    case 'release':
      return release(request, userId);
    case 'resolve':
      return resolve(request, userId, now);
    case 'thank': {
      const next = thank(request, userId, now);
      // The kudos first (written once per request), so a failure after it loses nothing.
      const { kudos } = await ports.kudos.add(
        ref,
        kudosForHelp(request, options.story ?? '', now),
        thankOnceKey(request.id),
      );
      // The helper hears 1:1 with the story (the cards only say "thanked"); once, by its id.
      await tellKudosRecipients(ref, team, kudos, ports);
      return next;
    }
  }
}

async function contextOf(
  ref: TeamRef,
  team: Team,
  request: HelpRequest,
  ports: Pick<Ports, 'members'>,
): Promise<HelpContext> {
  const people = await peopleOf(
    ref,
    [request.requesterId, request.helperId, request.buddyId],
    ports,
  );
  return { team, request, people };
}

/** One request as a member sees it (a card's refresh, or the board after an action). */
export async function getHelpRequest(
  actor: Actor,
  teamId: string,
  requestId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'help'>,
): Promise<HelpContext> {
  const { ref, team } = await requireMember(actor, teamId, ports);
  const found = await ports.help.get(ref, requestId);
  if (!found) throw notFound('That help request no longer exists.');
  return contextOf(ref, team, found.value, ports);
}

/** Resolved requests stay on the board this long. */
export const RESOLVED_ON_BOARD_DAYS = 30;

export interface HelpBoard {
  requests: HelpRequest[];
  people: ReadonlyMap<string, Member>;
}

/** The help board: every open and claimed request, and those resolved recently, latest first. */
export async function listHelpBoard(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'help' | 'clock'>,
): Promise<HelpBoard> {
  const { ref } = await requireMember(actor, teamId, ports);
  const since = ports.clock.now().getTime() - RESOLVED_ON_BOARD_DAYS * 86_400_000;
  const [all, members] = await Promise.all([ports.help.list(ref), ports.members.list(ref)]);
  const requests = all
    .map((r: Versioned<HelpRequest>) => r.value)
    .filter((r) => r.status !== 'resolved' || Date.parse(r.resolvedAt) >= since);
  return { requests, people: new Map(members.map((m) => [m.value.userId, m.value])) };
}

/** Whether a member can be asked now: taking part in the team and under their weekly cap. */
export async function canBeAsked(
  ref: TeamRef,
  member: Member | undefined,
  now: Date,
  ports: Pick<Ports, 'help'>,
): Promise<boolean> {
  if (!member?.active || !isTakingPart(member, now)) return false;
  const since = new Date(now.getTime() - 7 * 86_400_000);
  return hasCapacity(member, await ports.help.countTakenSince(ref, member.userId, since));
}
