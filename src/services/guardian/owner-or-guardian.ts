import { isOwnerOrGuardian } from '../../core/guardian/policy';
import type { Ports } from '../../core/ports';
import type { TeamRef } from '../../core/team/team';

/** Whether `member` is an owner or the Culture Guardian now (one read of the latest term). */
export async function ownerOrGuardian(
  ref: TeamRef,
  member: { userId: string; role: string },
  ports: Pick<Ports, 'guardians' | 'clock'>,
): Promise<boolean> {
  const [term] = await ports.guardians.terms(ref, 1);
  return isOwnerOrGuardian(member, term, ports.clock.now());
}
