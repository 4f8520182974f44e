import type { Ports } from '../../core/ports';
import { eraseFromReason, parseLegacyReason } from '../../core/rotations/pairing/group-reason';
import { programKinds } from '../../core/rotations/program';
import type { Round } from '../../core/rotations/round';
import type { Member } from '../../core/team/member';
import type { TeamRef } from '../../core/team/team';
import { retryOnConflict } from '../shared/retry-on-conflict';

type ReasonPorts = Pick<Ports, 'rounds' | 'members'>;

const ALL = Number.MAX_SAFE_INTEGER;

/**
 * Rounds stored before reasons were data hold them as words with names in them. This reads each
 * back as ids and skills by matching the group's members as they are named now, and writes the
 * round again with its ETag; words it cannot read are kept as they are (nothing is lost).
 * With `erasing`, words naming that member that cannot be read lose the name instead, so "Delete
 * my data" leaves it in no reason. Returns how many rounds changed; a second run changes none.
 */
export async function migrateRoundReasons(
  ref: TeamRef,
  ports: ReasonPorts,
  erasing?: Member,
): Promise<number> {
  const members = new Map((await ports.members.list(ref)).map((m) => [m.value.userId, m.value]));
  let changed = 0;
  for (const program of programKinds)
    for (const { value } of await ports.rounds.list(ref, program, ALL)) {
      if (!next(value, members, erasing)) continue;
      const wrote = await retryOnConflict(async () => {
        const fresh = await ports.rounds.get(ref, value.id);
        const round = fresh && next(fresh.value, members, erasing);
        if (!fresh || !round) return false;
        await ports.rounds.update(ref, round, fresh.etag);
        return true;
      });
      if (wrote) changed++;
    }
  return changed;
}

/** The round with its word reasons read back as data; undefined when none changes. */
function next(
  round: Round,
  members: ReadonlyMap<string, Member>,
  erasing: Member | undefined,
): Round | undefined {
  let any = false;
  const groups = round.groups.map((g) => {
    if (g.reason.kind !== 'text') return g;
    const people = g.members.map((id) => ({
      id,
      name: members.get(id)?.name ?? '',
      department: members.get(id)?.department ?? '',
    }));
    const reason =
      erasing && g.members.includes(erasing.userId)
        ? eraseFromReason(g.reason, people, erasing)
        : parseLegacyReason(g.reason.text, people);
    if (!reason) return g;
    any = true;
    return { ...g, reason };
  });
  // A draft's revision names what an owner saw; a reason read back shows the same words.
  return any ? { ...round, groups } : undefined;
}
