import type { Ports } from '../../core/ports';
import type { Member } from '../../core/team/member';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';

/** The team's current roster, by name. */
export async function listMembers(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<Member[]> {
  const { ref } = await requireMember(actor, teamId, ports);
  const rows = await ports.members.list(ref);
  return rows
    .map((r) => r.value)
    .filter((m) => m.active)
    .sort((a, b) => a.name.localeCompare(b.name));
}
