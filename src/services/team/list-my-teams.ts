import type { Ports } from '../../core/ports';
import type { TeamRole } from '../../core/team/member';
import type { Actor, Team } from '../../core/team/team';

export interface MyTeam {
  team: Team;
  role: TeamRole;
}

/** The installed teams the caller is an active member of, by name. */
export async function listMyTeams(
  actor: Actor,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<MyTeam[]> {
  const refs = await ports.members.teamsOf(actor.tenantId, actor.userId);
  const found = await Promise.all(
    refs.map(async (ref) => {
      const [team, member] = await Promise.all([
        ports.teams.get(ref),
        ports.members.get(ref, actor.userId),
      ]);
      if (!team?.value.active || !member?.value.active) return undefined;
      return { team: team.value, role: member.value.role };
    }),
  );
  return found
    .filter((t): t is MyTeam => t !== undefined)
    .sort((a, b) => a.team.name.localeCompare(b.team.name));
}

/**
 * Teams Mutual was removed from whose data the caller, as an owner, can still remove (see
 * remove-team-data.ts): the team row says uninstalled, or is gone while the caller's owner row
 * remains (a removal that stopped half-way; its name went with the team row).
 */
export async function listRemovedTeams(
  actor: Actor,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<{ teamId: string; name: string }[]> {
  const refs = await ports.members.teamsOf(actor.tenantId, actor.userId);
  const found = await Promise.all(
    refs.map(async (ref) => {
      const [team, member] = await Promise.all([
        ports.teams.get(ref),
        ports.members.get(ref, actor.userId),
      ]);
      if (member?.value.role !== 'owner' || team?.value.active) return undefined;
      return { teamId: ref.teamId, name: team?.value.name ?? '' };
    }),
  );
  return found
    .filter((t): t is { teamId: string; name: string } => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
