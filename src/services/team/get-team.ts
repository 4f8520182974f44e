import type { Ports } from '../../core/ports';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';

/** The team as its member sees it: name, size, and the caller's own role. */
export async function getTeam(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
) {
  const { ref, team, me } = await requireMember(actor, teamId, ports);
  const members = await ports.members.list(ref);
  return {
    team,
    me: me.value,
    memberCount: members.filter((m) => m.value.active).length,
  };
}
