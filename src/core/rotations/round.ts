import { conflict, invalid } from '../errors';
import type { GroupReason } from './pairing/group-reason';
import type { ProgramKind } from './program';

export interface RoundGroup {
  /** Member ids. */
  members: string[];
  /** Ids and skills, never names: names are put in when it is shown (`renderGroupReason`). */
  reason: GroupReason;
  weight: number;
}

export type RoundStatus = 'draft' | 'published';

/** One round of a program: who meets whom, and why. */
export interface Round {
  /** `<program>-<YYYYMMDDhhmm>` of the slot it was made for: making the same round twice makes one. */
  id: string;
  program: ProgramKind;
  status: RoundStatus;
  scheduledFor: string;
  createdAt: string;
  /** A member id, or '' when the scheduler made it. */
  createdBy: string;
  publishedAt: string;
  publishedBy: string;
  /** Goes up with every change to a draft; a swap or publish names the revision it was made on. */
  revision: number;
  groups: RoundGroup[];
  /** Could not be placed, and why (paused and opted-out people are never here). */
  unplaced: { id: string; reason: string }[];
  totalWeight: number;
  method: 'exact' | 'sparse';
  seed: number;
}

export const ROUND_ID = /^[a-z_]+-\d{12}$/;

export function roundIdFor(program: ProgramKind, at: Date): string {
  return `${program}-${at.toISOString().slice(0, 16).replace(/[-T:]/g, '')}`;
}

/** A seed fixed by the round id, so recomputing a round gives the same groups. */
export function seedOf(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

export const groupOf = (round: Pick<Round, 'groups'>, userId: string) =>
  round.groups.findIndex((g) => g.members.includes(userId));

/**
 * Exchanges two people between groups of a draft. `describe` recomputes a group's reason and
 * weight. Refuses anything that would leave someone in two groups or change a published round.
 */
export function swapInDraft(
  round: Round,
  a: string,
  b: string,
  revision: number,
  describe: (members: string[]) => { reason: GroupReason; weight: number },
): Round {
  if (round.status !== 'draft')
    throw conflict('This round is already published; swaps are for drafts.');
  if (revision !== round.revision)
    throw conflict('This draft changed since you loaded it; reload it and swap again.');
  if (a === b) throw invalid('Choose two different people to swap.', 'b');
  const ga = groupOf(round, a);
  const gb = groupOf(round, b);
  if (ga < 0) throw invalid('The first person is not in this round.', 'a');
  if (gb < 0) throw invalid('The second person is not in this round.', 'b');
  if (ga === gb)
    throw invalid('Those two are already together; choose people from two different groups.', 'b');
  const groups = round.groups.map((g) => ({ ...g, members: [...g.members] }));
  const [left, right] = [groups[ga]!, groups[gb]!];
  left.members[left.members.indexOf(a)] = b;
  right.members[right.members.indexOf(b)] = a;
  for (const g of [left, right]) Object.assign(g, describe(g.members));
  return {
    ...round,
    groups,
    totalWeight: groups.reduce((sum, g) => sum + g.weight, 0),
    revision: round.revision + 1,
  };
}
