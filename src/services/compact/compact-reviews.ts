import { randomBytes } from 'node:crypto';
import { forbidden, isDomainError } from '../../core/errors';
import {
  checkReview,
  reminderTimes,
  reviewIdFor,
  type CompactReview,
  type ReminderWhen,
} from '../../core/compact/review';
import {
  defaultCompactSettings,
  reviewDayAfter,
  validateCompactSettings,
  type CompactSettings,
} from '../../core/compact/settings';
import { notificationId, type Notification } from '../../core/notify/notification';
import type { Ports } from '../../core/ports';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import { wallClock } from '../../core/schedule/zoned-time';
import type { Member } from '../../core/team/member';
import type { Team, TeamRef } from '../../core/team/team';
import type { Actor } from '../../core/team/team';
import { enqueueNotifications, type SendingPorts } from '../notify/enqueue-notifications';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember, requireOwner } from '../shared/team-access';
import { ownerOrGuardian } from '../guardian/owner-or-guardian';

export const COMPACT_REVIEW_DUE = 'compact-review';

type ReviewPorts = Pick<
  Ports,
  | 'teams'
  | 'members'
  | 'compacts'
  | 'proposals'
  | 'compactSettings'
  | 'compactReviews'
  | 'guardians'
  | 'schedule'
> &
  SendingPorts;

/** The team's compact settings as stored, or the defaults counted from its installation. */
export async function compactSettingsOf(
  team: Team,
  ports: Pick<Ports, 'compactSettings'>,
): Promise<CompactSettings> {
  const stored = await ports.compactSettings.get(team);
  return stored?.value ?? defaultCompactSettings(new Date(team.installedAt), 'UTC');
}

/**
 * At installation: the settings row (a first review one quarter out, in the installer's time
 * zone) and the reminders for the review that is set. Safe to run again on a re-install.
 */
export async function startCompactReviews(
  ref: TeamRef,
  timeZone: string,
  ports: Pick<Ports, 'compactSettings' | 'schedule' | 'clock'>,
): Promise<void> {
  let settings = (await ports.compactSettings.get(ref))?.value;
  if (!settings) {
    settings = defaultCompactSettings(ports.clock.now(), timeZone);
    try {
      await ports.compactSettings.save(ref, settings, undefined);
    } catch (error) {
      // A concurrent installation event wrote them first; theirs stand.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      settings = (await ports.compactSettings.get(ref))!.value;
    }
  }
  await scheduleReminders(ref, settings, ports);
}

/** Files the week-before and on-the-day reminders of the review the settings name. */
async function scheduleReminders(
  ref: TeamRef,
  settings: CompactSettings,
  ports: Pick<Ports, 'schedule' | 'clock'>,
) {
  const now = ports.clock.now().getTime();
  const times = reminderTimes(settings.nextReviewOn, settings.reviewTimeZone);
  for (const when of ['week', 'day'] as const) {
    const at = times[when];
    if (at.getTime() < now) continue;
    await scheduleJob(
      {
        // The instant is in the id: a changed day or zone files new reminders; the old ones find
        // the settings moved on and do nothing.
        id: `compact-review~${ref.tenantId}~${ref.teamId}~${at.toISOString()}~${when}`,
        kind: COMPACT_REVIEW_DUE,
        team: ref,
        dueAt: at.toISOString(),
        payload: { at: at.toISOString(), when },
      },
      ports,
    );
  }
}

/** An owner changes who adopts proposals, the cadence, or the next review day. */
export async function saveCompactSettings(
  actor: Actor,
  teamId: string,
  change: { adoptionRule: string; reviewEveryMonths: number; nextReviewOn: string },
  ports: Pick<Ports, 'teams' | 'members' | 'compactSettings' | 'schedule' | 'clock'>,
): Promise<CompactSettings> {
  const { ref, me } = await requireOwner(actor, teamId, ports);
  const zone = me.value.timeZone;
  const valid = validateCompactSettings(change, wallClock(ports.clock.now(), zone).date, zone);
  const saved = await retryOnConflict(async () => {
    const existing = await ports.compactSettings.get(ref);
    return (await ports.compactSettings.save(ref, valid, existing?.etag)).value;
  });
  await scheduleReminders(ref, saved, ports);
  return saved;
}

/** The scheduler's reminder: to the channel, and 1:1 to the Culture Guardian (else the owners). */
export async function runReviewReminder(job: ScheduledJob, ports: ReviewPorts): Promise<void> {
  const team = await ports.teams.get(job.team);
  if (!team?.value.active) return;
  const settings = await compactSettingsOf(team.value, ports);
  const when = job.payload.when as ReminderWhen;
  const due = reminderTimes(settings.nextReviewOn, settings.reviewTimeZone)[when];
  if (due?.toISOString() !== job.payload.at) return;

  const now = ports.clock.now();
  const [members, terms, proposals] = await Promise.all([
    ports.members.list(job.team),
    ports.guardians.terms(job.team, 1),
    ports.proposals.list(job.team),
  ]);
  const active = members.map((m) => m.value).filter((m) => m.active);
  const term = terms[0];
  const guardian =
    term && term.until > now.toISOString()
      ? active.filter((m) => m.userId === term.userId)
      : active.filter((m) => m.role === 'owner');
  const input = {
    teamName: team.value.name,
    reviewOn: settings.nextReviewOn,
    when,
    openProposals: proposals.filter((p) => p.value.status === 'open').length,
    link: ports.links.page(job.team, 'compact'),
  };
  const id = (to: string) => notificationId('compact-review', settings.nextReviewOn, when, to);
  const notifications: Notification[] = [
    {
      id: id('channel'),
      team: job.team,
      target: { kind: 'channel' },
      message: ports.messages.compactReview({ ...input, audience: 'channel' }),
      createdAt: now.toISOString(),
    },
    ...guardian.map((m) => ({
      id: id(m.userId),
      team: job.team,
      target: { kind: 'member' as const, userId: m.userId },
      message: ports.messages.compactReview({ ...input, audience: 'guardian' }),
      createdAt: now.toISOString(),
    })),
  ];
  await enqueueNotifications(notifications, ports);
}

/**
 * Records a review the team held: the day, who took part, the versions adopted since the last
 * review; the next review is then one cadence after it, with its reminders.
 */
export async function recordReview(
  actor: Actor,
  teamId: string,
  input: { heldOn: string; participantIds: readonly string[]; note: string },
  ports: ReviewPorts,
): Promise<{ review: CompactReview; people: ReadonlyMap<string, Member> }> {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  if (!(await ownerOrGuardian(ref, me.value, ports)))
    throw forbidden('Only an owner or the Culture Guardian records a review.');
  const now = ports.clock.now();
  const today = wallClock(now, me.value.timeZone).date;
  const [members, versions, reviews, settings] = await Promise.all([
    ports.members.list(ref),
    ports.compacts.list(ref, 200),
    ports.compactReviews.list(ref),
    compactSettingsOf(team, ports),
  ]);
  const valid = checkReview(
    input,
    new Set(members.filter((m) => m.value.active).map((m) => m.value.userId)),
    today,
  );
  const since = reviews[0]?.recordedAt ?? '';
  const review = await ports.compactReviews.add(ref, {
    id: reviewIdFor(valid.heldOn, randomBytes(3).toString('hex')),
    heldOn: valid.heldOn,
    recordedBy: actor.userId,
    recordedAt: now.toISOString(),
    participants: valid.participants,
    adoptedVersions: versions
      .filter((v) => v.version > 1 && v.adoptedAt > since)
      .map((v) => v.version)
      .sort((a, b) => a - b),
    note: valid.note,
  });
  const after = reviewDayAfter(valid.heldOn, settings.reviewEveryMonths);
  const nextReviewOn = after > today ? after : reviewDayAfter(today, settings.reviewEveryMonths);
  const saved = await retryOnConflict(async () => {
    const existing = await ports.compactSettings.get(ref);
    const next = { ...(existing?.value ?? settings), nextReviewOn };
    return (await ports.compactSettings.save(ref, next, existing?.etag)).value;
  });
  await scheduleReminders(ref, saved, ports);
  return { review, people: new Map(members.map((m) => [m.value.userId, m.value])) };
}

/** The compact's settings, for any member to read. */
export async function getCompactSettings(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'compactSettings'>,
): Promise<CompactSettings> {
  const { team } = await requireMember(actor, teamId, ports);
  return compactSettingsOf(team, ports);
}
