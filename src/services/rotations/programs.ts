import type { Ports } from '../../core/ports';
import {
  defaultProgram,
  nextRunAfter,
  programKinds,
  validateProgramSettings,
  type Program,
  type ProgramKind,
  type ProgramSettings,
} from '../../core/rotations/program';
import type { Actor, TeamRef } from '../../core/team/team';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { scheduleJob } from '../shared/schedule-job';
import { requireMember, requireOwner } from '../shared/team-access';

export const ROTATION_DUE = 'rotation-due';

type ProgramPorts = Pick<Ports, 'teams' | 'members' | 'programs' | 'schedule' | 'clock'>;

/** The team's three programs, set up or not (an unset one shows its defaults, switched off). */
export async function listPrograms(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'programs'>,
): Promise<Program[]> {
  const { ref } = await requireMember(actor, teamId, ports);
  const stored = new Map((await ports.programs.list(ref)).map((p) => [p.value.kind, p.value]));
  return programKinds.map((kind) => stored.get(kind) ?? defaultProgram(kind));
}

/** An owner sets a program up or changes it; the next round is scheduled from the new settings. */
export async function saveProgram(
  actor: Actor,
  teamId: string,
  kind: ProgramKind,
  settings: ProgramSettings,
  ports: ProgramPorts,
): Promise<Program> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const valid = validateProgramSettings(settings);
  return retryOnConflict(async () => {
    const existing = await ports.programs.get(ref, kind);
    const now = ports.clock.now();
    const base = existing?.value ?? defaultProgram(kind);
    const next: Program = {
      ...base,
      ...valid,
      updatedAt: now.toISOString(),
      updatedBy: actor.userId,
      nextRunAt: '',
    };
    if (next.enabled) {
      next.nextRunAt = nextRunAfter(next, now).toISOString();
      // The job first: a job whose slot no longer matches the program is skipped when it runs,
      // while a program pointing at a slot nobody scheduled would never run.
      await scheduleRotation(ref, next, ports);
    }
    return existing
      ? (await ports.programs.update(ref, next, existing.etag)).value
      : (await ports.programs.create(ref, next)).value;
  });
}

/** Files the job that makes the program's next round at `nextRunAt`. */
export async function scheduleRotation(
  ref: TeamRef,
  program: Program,
  ports: Pick<Ports, 'schedule' | 'clock'>,
): Promise<void> {
  await scheduleJob(
    {
      id: `rotation~${ref.tenantId}~${ref.teamId}~${program.kind}~${program.nextRunAt}`,
      kind: ROTATION_DUE,
      team: ref,
      dueAt: program.nextRunAt,
      payload: { program: program.kind, slot: program.nextRunAt },
    },
    ports,
  );
}
