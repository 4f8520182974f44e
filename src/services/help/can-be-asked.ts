import { hasCapacity } from '../../core/help/nudges';
import type { Ports } from '../../core/ports';
import { isTakingPart } from '../../core/team/boundaries';
import type { Member } from '../../core/team/member';
import type { TeamRef } from '../../core/team/team';

/** Whether a member can be asked now: taking part in the team and under their weekly cap. */
export async function canBeAsked(
  ref: TeamRef,
  member: Member | undefined,
  now: Date,
  ports: Pick<Ports, 'help'>,
): Promise<boolean> {
  if (!member?.active || !isTakingPart(member, now)) return false;
  const since = new Date(now.getTime() - 7 * 86_400_000);
  return hasCapacity(member, await ports.help.countTakenSince(ref, member.userId, since));
}
