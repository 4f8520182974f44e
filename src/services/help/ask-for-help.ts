import { responseHours } from '../../core/compact/compact';
import { isDomainError } from '../../core/errors';
import { newHelpRequest, type HelpRequest, type SourceMessage } from '../../core/help/help-request';
import { firstAwakeMoment, nudgePlan } from '../../core/help/nudges';
import type { Ports, Versioned } from '../../core/ports';
import { programKinds, type ProgramKind } from '../../core/rotations/program';
import type { Round } from '../../core/rotations/round';
import type { Actor, Channel, TeamRef } from '../../core/team/team';
import { supportChannelOf } from '../../core/team/team';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { peopleOf } from '../shared/people';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember } from '../shared/team-access';
import { canBeAsked } from './can-be-asked';
import type { HelpPorts } from './help-ports';
import { postNotification, type HelpContext } from './help-posts';
import { HELP_NUDGE_DUE } from './run-help-nudge';

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
