import { renderGroupReason } from '../../core/rotations/pairing/group-reason';
import type { Program } from '../../core/rotations/program';
import { roundActionsFor } from '../../core/rotations/policy';
import { groupOf } from '../../core/rotations/round';
import type { RoundView } from '../../services/rotations/rounds';
import type { ProgramDto, RoundDto } from '../contract';
import { FORMER_NAME } from './shared';

export const presentProgram = (p: Program): ProgramDto => ({
  kind: p.kind,
  enabled: p.enabled,
  cadence: p.cadence,
  weekday: p.weekday,
  hour: p.hour,
  timeZone: p.timeZone,
  groupSize: p.groupSize,
  preview: p.preview,
  sprintWeeks: p.sprintWeeks,
  nextRunAt: p.nextRunAt || null,
  updatedAt: p.updatedAt || null,
});

export function presentRound(view: RoundView, viewerId: string): RoundDto {
  const { round, people, checkIns } = view;
  const person = (id: string) => {
    const m = people.get(id);
    return { id, name: m?.name || FORMER_NAME, department: m?.department ?? '' };
  };
  const tally = { met: 0, not_yet: 0, skipped: 0 };
  for (const c of checkIns) tally[c.answer]++;
  const mine = groupOf(round, viewerId);
  return {
    id: round.id,
    program: round.program,
    status: round.status,
    createdAt: round.createdAt,
    publishedAt: round.publishedAt || null,
    revision: round.revision,
    groups: round.groups.map((g) => ({
      members: g.members.map(person),
      // Names are put in now, from the roster: a reason stores ids, so erasure reaches it.
      reason: renderGroupReason(g.reason, person),
      weight: Math.round(g.weight * 1000) / 1000,
    })),
    unplaced: round.unplaced.map((u) => ({ ...person(u.id), reason: u.reason })),
    totalWeight: Math.round(round.totalWeight * 1000) / 1000,
    myGroup: mine < 0 ? null : mine,
    myCheckIn: checkIns.find((c) => c.userId === viewerId)?.answer ?? null,
    progress: view.progress,
    checkIns: tally,
    // Everyone in the team is in `people`; a viewer not found there may do nothing owners do.
    can: roundActionsFor(round, { userId: viewerId, role: people.get(viewerId)?.role ?? 'member' }),
  };
}
