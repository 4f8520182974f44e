import { isOverdue, type HelpRequest } from '../../core/help/help-request';
import { firstAwakeMoment, nudgePlan } from '../../core/help/nudges';
import type { Ports } from '../../core/ports';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import type { Member } from '../../core/team/member';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { peopleOf } from '../shared/people';
import { postNotification, refreshHelpCards, type HelpContext } from './help-posts';
import { canBeAsked } from './can-be-asked';
import type { HelpPorts } from './help-ports';
import { scheduleJob } from '../shared/schedule-job';

export const HELP_NUDGE_DUE = 'help-nudge';

type NudgePorts = HelpPorts & Pick<Ports, 'guardians'>;

/**
 * The compact's clock, one job per step: the buddy's first card when they wake (`buddy-first`),
 * the buddy again at half time, the channel at three quarters, and an escalation to the Culture
 * Guardian (or the owners) at the due time. Each does nothing once someone has picked the request
 * up; a person in their quiet hours is asked when they are next awake, and someone past their
 * weekly availability is not asked at all.
 */
export async function runHelpNudge(job: ScheduledJob, ports: NudgePorts): Promise<void> {
  const requestId = String(job.payload.requestId ?? '');
  const nudge = String(job.payload.nudge ?? '');
  const team = await ports.teams.get(job.team);
  if (!team?.value.active) return;
  const found = await ports.help.get(job.team, requestId);
  if (!found || found.value.status === 'resolved') return;
  const request = found.value;
  const now = ports.clock.now();
  await fileNextStep(job, request, nudge, ports);
  if (request.status !== 'open') return;
  const people = await peopleOf(job.team, [request.requesterId, request.buddyId], ports);
  const context: HelpContext = { team: team.value, request, people };

  if (nudge === 'channel') {
    await enqueueNotifications(
      [postNotification({ name: 'nudge-channel', kind: 'channel' }, context, ports)],
      ports,
    );
    return;
  }
  if (nudge === 'buddy' || nudge === 'buddy-first') {
    const buddy = people.get(request.buddyId);
    if (!(await canBeAsked(job.team, buddy, now, ports)) || !buddy) return;
    if (await later(job, buddy, now, Date.parse(request.dueAt), ports)) return;
    const post =
      nudge === 'buddy-first'
        ? ({ name: 'buddy', kind: 'request', viewerId: buddy.userId } as const)
        : ({ name: 'nudge-buddy', kind: 'buddy', viewerId: buddy.userId } as const);
    await enqueueNotifications([postNotification(post, context, ports)], ports);
    return;
  }
  if (nudge === 'escalate' || nudge === 'escalate-to') {
    if (!isOverdue(request, now)) return;
    // The channel card turns "overdue" for everyone.
    if (nudge === 'escalate') await refreshHelpCards(context, ports);
    const to =
      nudge === 'escalate-to'
        ? [String(job.payload.to ?? '')]
        : await escalationTo(context, now, ports);
    const recipients = await peopleOf(job.team, to, ports);
    const notifications = [];
    for (const person of recipients.values()) {
      if (!person.active || person.userId === request.requesterId) continue;
      if (
        nudge === 'escalate' &&
        (await later(job, person, now, Number.POSITIVE_INFINITY, ports, person.userId))
      )
        continue;
      notifications.push(
        postNotification(
          { name: `escalate-${person.userId}`, kind: 'escalate', viewerId: person.userId },
          context,
          ports,
        ),
      );
    }
    await enqueueNotifications(notifications, ports);
  }
}

/** The clock's steps file each other: the buddy's, then the channel's, then the escalation. */
async function fileNextStep(
  job: ScheduledJob,
  request: HelpRequest,
  nudge: string,
  ports: Pick<Ports, 'schedule' | 'clock'>,
) {
  const plan = nudgePlan(request);
  const at = plan.findIndex((step) => step.kind === nudge);
  const next = at < 0 ? undefined : plan[at + 1];
  if (!next) return;
  await scheduleJob(
    {
      id: `help~${request.id}~${next.kind}`,
      kind: HELP_NUDGE_DUE,
      team: job.team,
      dueAt: next.at.toISOString(),
      payload: { requestId: request.id, nudge: next.kind },
    },
    ports,
  );
}

/** The Culture Guardian in office, else the team's owners (never the requester). */
async function escalationTo(
  context: HelpContext,
  now: Date,
  ports: Pick<Ports, 'guardians' | 'members'>,
): Promise<string[]> {
  const ref = { tenantId: context.team.tenantId, teamId: context.team.teamId };
  const [term] = await ports.guardians.terms(ref, 1);
  const guardian =
    term && Date.parse(term.until) > now.getTime() && term.userId !== context.request.requesterId
      ? term.userId
      : '';
  if (guardian) return [guardian];
  const members = await ports.members.list(ref);
  return members
    .map((m) => m.value)
    .filter((m) => m.active && m.role === 'owner' && m.userId !== context.request.requesterId)
    .map((m) => m.userId);
}

/**
 * When `person` is in their quiet hours: files this nudge again for when they wake (if that is
 * before `deadline`) and says so. `to` names a single recipient of an escalation.
 */
async function later(
  job: ScheduledJob,
  person: Member,
  now: Date,
  deadline: number,
  ports: Pick<Ports, 'schedule' | 'clock'>,
  to?: string,
): Promise<boolean> {
  const awake = firstAwakeMoment(person, now);
  if (awake.getTime() <= now.getTime()) return false;
  if (awake.getTime() < deadline) {
    const nudge = to ? 'escalate-to' : String(job.payload.nudge);
    await scheduleJob(
      {
        id: `${job.id}~${to ?? 'awake'}~${awake.getTime()}`,
        kind: HELP_NUDGE_DUE,
        team: job.team,
        dueAt: awake.toISOString(),
        payload: { ...job.payload, nudge, ...(to ? { to } : {}) },
      },
      ports,
    );
  }
  return true;
}
