import { FORMER_MEMBER_NAME } from '../privacy/personal-data';
import type { Member } from '../team/member';
import { isTakingPart } from '../team/boundaries';
import { computePairs } from './pairing/engine';
import type { GroupReason } from './pairing/group-reason';
import type { Candidate, PairingInput, PastRound } from './pairing/pairing';
import { DEFAULT_WEIGHTS } from './pairing/program-weights';
import type { Program } from './program';
import { seedOf, type Round } from './round';

/** How many earlier rounds the repeat penalty looks back over. */
export const HISTORY_ROUNDS = 12;

const candidateOf = (m: Member): Candidate => ({
  id: m.userId,
  name: m.name,
  department: m.department,
  teaches: m.teaches,
  learns: m.learns,
});

/** Who a round may include: active members who opted in and are not paused, in a stable order. */
export function eligibleMembers(members: readonly Member[], at: Date): Member[] {
  return members
    .filter((m) => m.active && isTakingPart(m, at))
    .sort((a, b) => a.userId.localeCompare(b.userId));
}

/** Earlier published rounds as the engine reads them, most recent first. */
export const historyOf = (rounds: readonly Round[]): PastRound[] =>
  rounds
    .filter((r) => r.status === 'published')
    .slice(0, HISTORY_ROUNDS)
    .map((r) => ({ groups: r.groups.map((g) => g.members) }));

/**
 * Makes a round as a draft: the engine's groups for everyone taking part, with reasons. Paused
 * and opted-out members are left out silently; anyone else who cannot be placed is listed with why.
 */
export function planRound(input: {
  id: string;
  program: Program;
  members: readonly Member[];
  /** The program's earlier rounds, latest first. */
  earlier: readonly Round[];
  scheduledFor: Date;
  now: Date;
  createdBy: string;
}): Round {
  const seed = seedOf(input.id);
  const result = computePairs({
    candidates: eligibleMembers(input.members, input.now).map(candidateOf),
    history: historyOf(input.earlier),
    weights: DEFAULT_WEIGHTS[input.program.kind],
    groupSize: input.program.groupSize,
    seed,
  });
  return {
    id: input.id,
    program: input.program.kind,
    status: 'draft',
    scheduledFor: input.scheduledFor.toISOString(),
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
    publishedAt: '',
    publishedBy: '',
    revision: 1,
    groups: result.groups.map((g) => ({ members: g.members, reason: g.reason, weight: g.weight })),
    unplaced: result.unplaced,
    totalWeight: result.totalWeight,
    method: result.method,
    seed,
  };
}

/** A group's reason and weight after an owner changed who is in it. */
export function describeGroup(
  memberIds: readonly string[],
  context: {
    program: Program;
    members: readonly Member[];
    earlier: readonly Round[];
    seed: number;
  },
): { reason: GroupReason; weight: number } {
  const byId = new Map(context.members.map((m) => [m.userId, m]));
  const candidates = memberIds.map((id) => {
    const member = byId.get(id);
    return member
      ? candidateOf(member)
      : { id, name: FORMER_MEMBER_NAME, department: '', teaches: [], learns: [] };
  });
  const input: PairingInput = {
    candidates,
    history: historyOf(context.earlier),
    weights: DEFAULT_WEIGHTS[context.program.kind],
    groupSize: 2,
    seed: context.seed,
  };
  // Two or three people make exactly one group, so the engine describes it as it would its own.
  const group = computePairs(input).groups[0];
  return { reason: group?.reason ?? { kind: 'text', text: '' }, weight: group?.weight ?? 0 };
}
