import { invalid, isDomainError } from '../../core/errors';
import type { Ports } from '../../core/ports';
import { notificationId } from '../../core/notify/notification';
import {
  chooseGuardian,
  DEFAULT_GUARDIAN,
  termEnd,
  validateGuardianSettings,
  type GuardianSettings,
  type GuardianTerm,
} from '../../core/guardian/guardian';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import type { Member } from '../../core/team/member';
import { eligibleMembers } from '../../core/rotations/plan-round';
import type { Actor, TeamRef } from '../../core/team/team';
import { enqueueNotifications } from '../notify/enqueue-notifications';
import { personOf } from '../shared/people';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember, requireOwner } from '../shared/team-access';

export const GUARDIAN_DUE = 'guardian-due';
const HISTORY = 24;

export interface GuardianView {
  settings: GuardianSettings;
  current: GuardianTerm | null;
  history: GuardianTerm[];
  people: ReadonlyMap<string, Member>;
}

type GuardianPorts = Pick<
  Ports,
  'teams' | 'members' | 'guardians' | 'notifications' | 'queue' | 'schedule' | 'clock' | 'messages'
>;

export async function getGuardian(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'guardians' | 'clock'>,
): Promise<GuardianView> {
  const { ref } = await requireMember(actor, teamId, ports);
  return viewOf(ref, ports);
}

/** An owner turns the rotation on or off, or changes the term; turning it on names a guardian. */
export async function saveGuardianSettings(
  actor: Actor,
  teamId: string,
  change: { enabled: boolean; everyMonths: number },
  ports: GuardianPorts,
): Promise<GuardianView> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const valid = validateGuardianSettings(change);
  const needsGuardian = await retryOnConflict(async () => {
    const existing = await ports.guardians.settings(ref);
    const current = existing?.value ?? DEFAULT_GUARDIAN;
    const next: GuardianSettings = {
      ...current,
      ...valid,
      nextRunAt: valid.enabled ? current.nextRunAt : '',
    };
    await ports.guardians.saveSettings(ref, next, existing?.etag);
    return next.enabled && !next.nextRunAt;
  });
  if (needsGuardian) await rotateGuardian(ref, ports);
  return viewOf(ref, ports);
}

/** An owner hands the role on now, to whoever is next in line. */
export async function rotateGuardianNow(
  actor: Actor,
  teamId: string,
  ports: GuardianPorts,
): Promise<GuardianView> {
  const { ref } = await requireOwner(actor, teamId, ports);
  await rotateGuardian(ref, ports);
  return viewOf(ref, ports);
}

/** The scheduler's job at the end of a term. */
export async function runDueGuardianRotation(job: ScheduledJob, ports: GuardianPorts) {
  const team = await ports.teams.get(job.team);
  const settings = await ports.guardians.settings(job.team);
  if (!team?.value.active || !settings?.value.enabled) return;
  if (settings.value.nextRunAt !== String(job.payload.slot ?? '')) return;
  await rotateGuardian(job.team, ports);
}

/**
 * Names the next Culture Guardian (least recently served, skipping anyone paused or not taking
 * part), announces it in the channel and to them, and schedules the end of the term.
 */
export async function rotateGuardian(ref: TeamRef, ports: GuardianPorts): Promise<GuardianTerm> {
  const now = ports.clock.now();
  const [team, members, terms, settings] = await Promise.all([
    ports.teams.get(ref),
    ports.members.list(ref),
    ports.guardians.terms(ref, HISTORY),
    ports.guardians.settings(ref),
  ]);
  const everyMonths = settings?.value.everyMonths ?? DEFAULT_GUARDIAN.everyMonths;
  const chosen = chooseGuardian(
    eligibleMembers(
      members.map((m) => m.value),
      now,
    ),
    terms,
  );
  if (!chosen)
    throw invalid('Nobody can be Culture Guardian: no member has opted in, or everyone is paused.');
  const term: GuardianTerm = {
    userId: chosen.userId,
    since: now.toISOString(),
    until: termEnd(now, everyMonths).toISOString(),
  };
  try {
    await ports.guardians.addTerm(ref, term);
  } catch (error) {
    // A concurrent rotation at the same instant: one term stands.
    if (!isDomainError(error) || error.code !== 'conflict') throw error;
  }
  const stamp = term.since.replace(/[^0-9]/g, '');
  const person = personOf(chosen);
  const teamName = team?.value.name ?? '';
  await enqueueNotifications(
    [
      {
        id: notificationId('guardian', stamp, 'channel'),
        team: ref,
        target: { kind: 'channel' },
        message: ports.messages.guardian({
          teamName,
          guardian: person,
          until: term.until,
          audience: 'channel',
        }),
        createdAt: term.since,
      },
      {
        id: notificationId('guardian', stamp, chosen.userId),
        team: ref,
        target: { kind: 'member', userId: chosen.userId },
        message: ports.messages.guardian({
          teamName,
          guardian: person,
          until: term.until,
          audience: 'guardian',
        }),
        createdAt: term.since,
      },
    ],
    ports,
  );
  await scheduleJob(
    {
      id: `guardian~${ref.tenantId}~${ref.teamId}~${term.until}`,
      kind: GUARDIAN_DUE,
      team: ref,
      dueAt: term.until,
      payload: { slot: term.until },
    },
    ports,
  );
  await retryOnConflict(async () => {
    const current = await ports.guardians.settings(ref);
    const next = { ...(current?.value ?? DEFAULT_GUARDIAN), nextRunAt: term.until };
    await ports.guardians.saveSettings(ref, next, current?.etag);
  });
  return term;
}

async function viewOf(
  ref: TeamRef,
  ports: Pick<Ports, 'members' | 'guardians' | 'clock'>,
): Promise<GuardianView> {
  const [settings, terms, members] = await Promise.all([
    ports.guardians.settings(ref),
    ports.guardians.terms(ref, HISTORY),
    ports.members.list(ref),
  ]);
  const now = ports.clock.now().toISOString();
  const latest = terms[0];
  const current = latest && latest.until > now ? latest : null;
  return {
    settings: settings?.value ?? DEFAULT_GUARDIAN,
    current,
    history: terms.filter((t) => t !== current),
    people: new Map(members.map((m) => [m.value.userId, m.value])),
  };
}
