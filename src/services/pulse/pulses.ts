import { createHmac, randomBytes } from 'node:crypto';
import { conflict, forbidden, isDomainError, notFound } from '../../core/errors';
import { notificationId } from '../../core/notify/notification';
import { eligibleMembers } from '../../core/rotations/plan-round';
import type { PulseAskInput, Ports, Versioned } from '../../core/ports';
import {
  addAnswer,
  closePulse,
  isDue,
  newPulse,
  pulseAsOf,
  pulseIdFor,
  pulseRoleOf,
  validateAnswer,
  type Pulse,
  type PulseAnswer,
} from '../../core/pulse/pulse';
import { PULSE_QUESTIONS } from '../../core/pulse/questions';
import { pulseResults, pulseTrends, type PulseResults } from '../../core/pulse/results';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { enqueueNotifications, type SendingPorts } from '../notify/enqueue-notifications';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember } from '../shared/team-access';

export const PULSE_CLOSE_DUE = 'pulse-close';
/** Pulses a team's page lists. */
const HISTORY = 24;
/** Answers arriving together each retry on the tally's ETag; give a busy moment room. */
const ANSWER_ATTEMPTS = 12;

type PulsePorts = Pick<Ports, 'teams' | 'members' | 'guardians' | 'pulses' | 'schedule'> &
  SendingPorts;

type ReadPorts = Pick<Ports, 'teams' | 'members' | 'guardians' | 'pulses' | 'clock'>;

export interface PulseEntry {
  pulse: Pulse;
  /** For the open pulse: whether the caller's answer was counted; null once closed. */
  answeredByMe: boolean | null;
  results: PulseResults;
}

export interface PulsesView {
  pulses: PulseEntry[];
  /** The caller may start and close pulses (an owner or the sitting Culture Guardian). */
  canRun: boolean;
}

/**
 * The person's "answered" marker for a pulse: HMAC-SHA256 under the pulse's own random key, so
 * it says nothing without that key, and the key is erased when the pulse closes.
 */
export const pulseMarker = (hashKey: string, userId: string) =>
  createHmac('sha256', hashKey).update(userId.toLowerCase()).digest('hex');

async function roleOf(ref: TeamRef, me: { userId: string; role: string }, ports: ReadPorts) {
  const [term] = await ports.guardians.terms(ref, 1);
  return pulseRoleOf(me, term, ports.clock.now());
}

const RUN_RULE = 'Only a team owner or the Culture Guardian can start or close a pulse.';

/** The team's pulses, newest first, with what each may show the caller. Writes nothing. */
export async function listPulses(
  actor: Actor,
  teamId: string,
  ports: ReadPorts,
): Promise<PulsesView> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const [list, role] = await Promise.all([
    ports.pulses.list(ref, HISTORY),
    roleOf(ref, me.value, ports),
  ]);
  // A pulse past its end reads as closed; closing it is the scheduler's (`runPulseClose`).
  const now = ports.clock.now();
  const pulses = await Promise.all(
    list.map(async ({ value }) => {
      const pulse = pulseAsOf(value, now);
      return {
        pulse,
        answeredByMe:
          pulse.status === 'open'
            ? await ports.pulses.hasMarker(ref, pulse.id, pulseMarker(pulse.hashKey, actor.userId))
            : null,
        results: pulseResults(pulse),
      };
    }),
  );
  return { pulses, canRun: role !== undefined };
}

/**
 * An owner or the Culture Guardian starts a pulse: one open at a time, closed by the scheduler at
 * its end, and a card asked 1:1 of every member taking part (opted in, not paused), once.
 */
export async function startPulse(
  actor: Actor,
  teamId: string,
  input: { days: number; minAnswers: number },
  ports: PulsePorts,
): Promise<Pulse> {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  const role = await roleOf(ref, me.value, ports);
  if (!role) throw forbidden(RUN_RULE);
  await closeIfDue(ref, ports);
  const [latest] = await ports.pulses.list(ref, 1);
  if (latest?.value.status === 'open')
    throw conflict('A pulse is already open; close it before starting another.');
  const now = ports.clock.now();
  const pulse = newPulse({
    id: pulseIdFor(now, randomBytes(3).toString('hex')),
    startedByRole: role,
    now,
    days: input.days,
    minAnswers: input.minAnswers,
    hashKey: randomBytes(32).toString('hex'),
    items: PULSE_QUESTIONS,
  });
  try {
    await ports.pulses.start(ref, pulse);
  } catch (error) {
    if (isDomainError(error) && error.code === 'conflict')
      throw conflict('A pulse is already open; close it before starting another.');
    throw error;
  }
  await scheduleJob(
    {
      id: `pulse-close~${ref.tenantId}~${ref.teamId}~${pulse.id}`,
      kind: PULSE_CLOSE_DUE,
      team: ref,
      dueAt: pulse.closesAt,
      payload: { pulseId: pulse.id },
    },
    ports,
  );
  const members = await ports.members.list(ref);
  const message = ports.messages.pulseAsk(askInput(team, pulse, ports));
  await enqueueNotifications(
    eligibleMembers(
      members.map((m) => m.value),
      now,
    ).map((m) => ({
      id: notificationId('pulse', pulse.id, 'ask', m.userId),
      team: ref,
      target: { kind: 'member' as const, userId: m.userId },
      message,
      createdAt: pulse.startedAt,
    })),
    ports,
  );
  return pulse;
}

/** What the pulse card shows; `answered` once the reader's answer was counted. */
export const askInput = (
  team: Team,
  pulse: Pulse,
  ports: Pick<Ports, 'links'>,
  answered = false,
): PulseAskInput => ({
  teamId: team.teamId,
  teamName: team.name,
  pulseId: pulse.id,
  items: pulse.items,
  closesAt: pulse.closesAt,
  link: ports.links.page(team, 'pulse'),
  ...(answered ? { answered } : {}),
});

/**
 * A member answers the open pulse, once. The marker (a keyed hash of who) and the new tally (the
 * counts, with no who) are written in one transaction; a concurrent answer moves the tally's ETag
 * and this one is tried again on fresh counts. A second answer by the same person finds the marker.
 */
export async function answerPulse(
  actor: Actor,
  teamId: string,
  pulseId: string,
  answer: PulseAnswer,
  ports: Pick<Ports, 'teams' | 'members' | 'pulses' | 'clock'>,
): Promise<{ team: Team; pulse: Pulse }> {
  const { ref, team } = await requireMember(actor, teamId, ports);
  const outcome = await retryOnConflict(async () => {
    const found = await ports.pulses.get(ref, pulseId);
    if (!found) throw notFound('That pulse was not found in this team.');
    const now = ports.clock.now();
    if (found.value.status !== 'open' || isDue(found.value, now)) return 'closed' as const;
    validateAnswer(found.value, answer);
    const marker = pulseMarker(found.value.hashKey, actor.userId);
    if (await ports.pulses.hasMarker(ref, pulseId, marker)) return 'already' as const;
    const next = { ...found.value, tally: addAnswer(found.value, answer, now) };
    return ports.pulses.answer(ref, next, found.etag, marker);
  }, ANSWER_ATTEMPTS);
  if (outcome === 'closed') throw conflict('This pulse has closed; answers are no longer taken.');
  if (outcome === 'already')
    throw conflict('You already answered this pulse; each person is counted once.');
  return { team, pulse: outcome.value };
}

/** From the card's button: answers, and gives the card as it now reads (thanks, no answer shown). */
export async function answerPulseFromCard(
  actor: Actor,
  teamId: string,
  pulseId: string,
  answer: PulseAnswer,
  ports: Pick<Ports, 'teams' | 'members' | 'pulses' | 'clock' | 'links'>,
): Promise<PulseAskInput> {
  const { team, pulse } = await answerPulse(actor, teamId, pulseId, answer, ports);
  return askInput(team, pulse, ports, true);
}

/** An owner or the Culture Guardian closes the open pulse before its end. */
export async function closePulseNow(
  actor: Actor,
  teamId: string,
  pulseId: string,
  ports: ReadPorts,
): Promise<Pulse> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  if (!(await roleOf(ref, me.value, ports))) throw forbidden(RUN_RULE);
  return retryOnConflict(async () => {
    const found = await ports.pulses.get(ref, pulseId);
    if (!found) throw notFound('That pulse was not found in this team.');
    if (found.value.status === 'closed') return found.value;
    return (await ports.pulses.close(ref, closePulse(found.value, ports.clock.now()), found.etag))
      .value;
  });
}

/** The scheduler's job at a pulse's end. */
export async function runPulseClose(job: ScheduledJob, ports: Pick<Ports, 'pulses' | 'clock'>) {
  const pulseId = String(job.payload.pulseId ?? '');
  await retryOnConflict(async () => {
    const found = await ports.pulses.get(job.team, pulseId);
    if (found && isDue(found.value, ports.clock.now())) await close(job.team, found, ports);
  });
}

/** Closes the team's open pulse if its time is up (the scheduler may not have run yet). */
async function closeIfDue(ref: TeamRef, ports: Pick<Ports, 'pulses' | 'clock'>) {
  await retryOnConflict(async () => {
    const [latest] = await ports.pulses.list(ref, 1);
    if (latest && isDue(latest.value, ports.clock.now())) await close(ref, latest, ports);
  });
}

const close = (ref: TeamRef, found: Versioned<Pulse>, ports: Pick<Ports, 'pulses' | 'clock'>) =>
  ports.pulses.close(ref, closePulse(found.value, ports.clock.now()), found.etag);

/** Released pulse averages for the Insights trend, from one partition query (the newest `limit`). */
export async function pulseTrendsOf(ref: TeamRef, limit: number, ports: Pick<Ports, 'pulses'>) {
  return pulseTrends((await ports.pulses.list(ref, limit)).map((p) => p.value));
}
