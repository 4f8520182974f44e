import { forbidden, notFound } from '../../core/errors';
import type { Ports } from '../../core/ports';
import type { CheckIn, CheckInAnswer } from '../../core/rotations/check-in';
import { describeGroup, HISTORY_ROUNDS } from '../../core/rotations/plan-round';
import { defaultProgram, type ProgramKind } from '../../core/rotations/program';
import { swapInDraft, type Round } from '../../core/rotations/round';
import type { Member } from '../../core/team/member';
import type { Actor, TeamRef } from '../../core/team/team';
import { roundNotificationPrefix } from './publish-round';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { requireMember, requireOwner } from '../shared/team-access';
import { roundActionsFor } from '../../core/rotations/policy';

/** A round as the tab shows it: with names, the caller's answer, and publishing progress. */
export interface RoundView {
  round: Round;
  people: ReadonlyMap<string, Member>;
  checkIns: CheckIn[];
  /** Published rounds: how many of its notifications were sent or failed, of how many. */
  progress: { total: number; sent: number; failed: number } | null;
}

type ViewPorts = Pick<Ports, 'teams' | 'members' | 'rounds' | 'checkIns' | 'notifications'>;

/** The current round of a program (a draft only for owners) and earlier published ones. */
export async function listRounds(
  actor: Actor,
  teamId: string,
  kind: ProgramKind,
  ports: ViewPorts,
): Promise<{ current: RoundView | null; past: RoundView[] }> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const [rounds, members] = await Promise.all([
    ports.rounds.list(ref, kind, 11),
    ports.members.list(ref),
  ]);
  const people = new Map(members.map((m) => [m.value.userId, m.value]));
  const owner = me.value.role === 'owner';
  const latest = rounds[0]?.value;
  const current =
    latest && (latest.status === 'published' || owner)
      ? latest
      : rounds.find((r) => r.value.status === 'published')?.value;
  const past = rounds
    .map((r) => r.value)
    .filter((r) => r.status === 'published' && r.id !== current?.id);
  return {
    current: current ? await viewOf(ref, current, people, ports, true) : null,
    past: await Promise.all(past.map((r) => viewOf(ref, r, people, ports, false))),
  };
}

/** One round; drafts are for owners only. */
export async function getRound(
  actor: Actor,
  teamId: string,
  roundId: string,
  ports: ViewPorts,
): Promise<RoundView> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const round = (await ports.rounds.get(ref, roundId))?.value;
  if (!round || (round.status === 'draft' && me.value.role !== 'owner'))
    throw notFound('That round does not exist.');
  const members = await ports.members.list(ref);
  return viewOf(ref, round, new Map(members.map((m) => [m.value.userId, m.value])), ports, true);
}

/** An owner exchanges two people between groups of a draft. */
export async function swapInRound(
  actor: Actor,
  teamId: string,
  roundId: string,
  swap: { a: string; b: string; revision: number },
  ports: ViewPorts & Pick<Ports, 'programs'>,
): Promise<RoundView> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const found = await ports.rounds.get(ref, roundId);
  if (!found) throw notFound('That round does not exist.');
  const [members, earlier, program] = await Promise.all([
    ports.members.list(ref),
    ports.rounds.list(ref, found.value.program, HISTORY_ROUNDS + 4),
    ports.programs.get(ref, found.value.program),
  ]);
  const context = {
    program: program?.value ?? defaultProgram(found.value.program),
    members: members.map((m) => m.value),
    earlier: earlier.map((r) => r.value).filter((r) => r.id !== roundId),
    seed: found.value.seed,
  };
  const swapped = swapInDraft(found.value, swap.a, swap.b, swap.revision, (ids) =>
    describeGroup(ids, context),
  );
  const saved = (await ports.rounds.update(ref, swapped, found.etag)).value;
  return viewOf(ref, saved, new Map(context.members.map((m) => [m.userId, m])), ports, true);
}

/** "Did you meet?": a member of a published round answers, and may change the answer. */
export async function recordCheckIn(
  actor: Actor,
  teamId: string,
  roundId: string,
  answer: CheckInAnswer,
  ports: ViewPorts & Pick<Ports, 'clock'>,
): Promise<RoundView> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const round = (await ports.rounds.get(ref, roundId))?.value;
  if (!round || round.status !== 'published') throw notFound('That round does not exist.');
  if (!roundActionsFor(round, me.value).checkIn)
    throw forbidden('You were not paired in that round, so there is nothing to check in.');
  await retryOnConflict(async () => {
    const checkIn: CheckIn = {
      roundId,
      userId: actor.userId,
      answer,
      answeredAt: ports.clock.now().toISOString(),
    };
    const existing = await ports.checkIns.get(ref, roundId, actor.userId);
    if (existing) await ports.checkIns.update(ref, checkIn, existing.etag);
    else await ports.checkIns.create(ref, checkIn);
  });
  const members = await ports.members.list(ref);
  return viewOf(ref, round, new Map(members.map((m) => [m.value.userId, m.value])), ports, true);
}

async function viewOf(
  ref: TeamRef,
  round: Round,
  people: ReadonlyMap<string, Member>,
  ports: ViewPorts,
  withProgress: boolean,
): Promise<RoundView> {
  const published = round.status === 'published';
  const [checkIns, sent] = await Promise.all([
    published ? ports.checkIns.listForRound(ref, round.id) : [],
    published && withProgress
      ? ports.notifications.listByPrefix(ref, roundNotificationPrefix(round.id))
      : undefined,
  ]);
  // Members who left since the round was made are not notified, so they are not counted.
  const active = (id: string) => people.get(id)?.active === true;
  const expected =
    round.groups.reduce((n, g) => n + g.members.filter(active).length, 0) +
    round.unplaced.filter((u) => active(u.id)).length +
    (round.groups.length > 0 ? 1 : 0);
  return {
    round,
    people,
    checkIns,
    progress: sent
      ? {
          total: Math.max(expected, sent.length),
          sent: sent.filter((n) => n.status === 'sent').length,
          failed: sent.filter((n) => n.status === 'dead_letter' || n.status === 'dropped').length,
        }
      : null,
  };
}
