import { conflict, isDomainError, notFound } from '../../core/errors';
import type { Ports } from '../../core/ports';
import { HISTORY_ROUNDS, planRound } from '../../core/rotations/plan-round';
import {
  defaultProgram,
  nextRunAfter,
  programKinds,
  type ProgramKind,
} from '../../core/rotations/program';
import { roundIdFor, type Round } from '../../core/rotations/round';
import type { ScheduledJob } from '../../core/schedule/scheduled-job';
import type { Actor, TeamRef } from '../../core/team/team';
import { scheduleRotation } from './programs';
import { publishRound, type PublishPorts } from './publish-round';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { requireOwner } from '../shared/team-access';

export type RoundPorts = PublishPorts & Pick<Ports, 'programs'>;

/**
 * Makes the round of a program for a slot: a draft when the program previews, else published at
 * once. The round id comes from the slot, so making it twice (a retried job) makes it once.
 */
export async function makeRound(
  ref: TeamRef,
  kind: ProgramKind,
  options: { scheduledFor: Date; createdBy: string },
  ports: RoundPorts,
): Promise<Round> {
  const team = await ports.teams.get(ref);
  if (!team?.value.active) throw notFound('Mutual is not installed in that team.');
  const program = (await ports.programs.get(ref, kind))?.value ?? defaultProgram(kind);
  const id = roundIdFor(kind, options.scheduledFor);
  let round = (await ports.rounds.get(ref, id))?.value;
  if (!round) {
    const [members, earlier] = await Promise.all([
      ports.members.list(ref),
      ports.rounds.list(ref, kind, HISTORY_ROUNDS + 4),
    ]);
    const planned = planRound({
      id,
      program,
      members: members.map((m) => m.value),
      earlier: earlier.map((r) => r.value),
      scheduledFor: options.scheduledFor,
      now: ports.clock.now(),
      createdBy: options.createdBy,
    });
    try {
      round = (await ports.rounds.create(ref, planned)).value;
    } catch (error) {
      // Made by a concurrent run for the same slot: theirs stands.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      const theirs = await ports.rounds.get(ref, id);
      if (!theirs) throw error;
      round = theirs.value;
    }
  }
  if (!program.preview && round.status === 'draft') {
    round = await publishRound(
      ref,
      round.id,
      { revision: round.revision, by: options.createdBy },
      ports,
    );
  }
  return round;
}

/** An owner makes a round now, outside the cadence. */
export async function startRoundNow(
  actor: Actor,
  teamId: string,
  kind: ProgramKind,
  ports: RoundPorts,
): Promise<Round> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const now = ports.clock.now();
  // Rounds are made per minute: a second press within it would silently answer the first round.
  if (await ports.rounds.get(ref, roundIdFor(kind, now)))
    throw conflict('A round of this program was made less than a minute ago; reload to see it.');
  return makeRound(ref, kind, { scheduledFor: now, createdBy: actor.userId }, ports);
}

/**
 * The scheduler's job: make the round that fell due, then move the program to its next slot. A
 * job whose slot the program no longer names (the owner changed the cadence) does nothing.
 */
export async function runDueRotation(job: ScheduledJob, ports: RoundPorts): Promise<void> {
  const kind = job.payload.program as ProgramKind;
  const slot = String(job.payload.slot ?? '');
  if (!programKinds.includes(kind)) throw new Error(`job ${job.id} names no program`);
  const team = await ports.teams.get(job.team);
  if (!team?.value.active) return; // uninstalled: rotations stop
  const program = await ports.programs.get(job.team, kind);
  if (!program?.value.enabled || program.value.nextRunAt !== slot) return;

  await makeRound(job.team, kind, { scheduledFor: new Date(slot), createdBy: '' }, ports);
  await retryOnConflict(async () => {
    const current = await ports.programs.get(job.team, kind);
    if (!current?.value.enabled || current.value.nextRunAt !== slot) return;
    const ran = { ...current.value, lastRunAt: slot };
    const next = { ...ran, nextRunAt: nextRunAfter(ran, ports.clock.now()).toISOString() };
    await scheduleRotation(job.team, next, ports);
    await ports.programs.update(job.team, next, current.etag);
  });
}
