import type { Ports } from '../../core/ports';
import type { TeamRole } from '../../core/team/member';
import { mayRemoveTeamData } from '../../core/team/roles';
import type { Actor, Team } from '../../core/team/team';
import { readTeamAndMe } from '../shared/team-access';

export interface MyTeam {
  team: Team;
  role: TeamRole;
}

/** Every team the caller was ever added to in their tenant, with its row and theirs. */
function teamsOfCaller(actor: Actor, ports: Pick<Ports, 'teams' | 'members'>) {
  return ports.members.teamsOf(actor.tenantId, actor.userId).then((refs) =>
    Promise.all(
      refs.map(async (ref) => {
        const { team, me } = await readTeamAndMe(actor, ref.teamId, ports);
        return { ref, team, member: me };
      }),
    ),
  );
}

/** The installed teams the caller is an active member of, by name. */
export async function listMyTeams(
  actor: Actor,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<MyTeam[]> {
  const found = (await teamsOfCaller(actor, ports)).map(({ team, member }) =>
    team?.value.active && member?.value.active
      ? { team: team.value, role: member.value.role }
      : undefined,
  );
  return found
    .filter((t): t is MyTeam => t !== undefined)
    .sort((a, b) => a.team.name.localeCompare(b.team.name));
}

/**
 * Teams Mutual was removed from whose data the caller, an owner since before the uninstall, can
 * still remove (see
 * remove-team-data.ts): the team row says uninstalled, or is gone while the caller's owner row
 * remains (a removal that stopped half-way; its name went with the team row).
 */
export async function listRemovedTeams(
  actor: Actor,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<{ teamId: string; name: string }[]> {
  const found = (await teamsOfCaller(actor, ports)).map(({ ref, team, member }) =>
    member && mayRemoveTeamData(team?.value, member.value)
      ? { teamId: ref.teamId, name: team?.value.name ?? '' }
      : undefined,
  );
  return found
    .filter((t): t is { teamId: string; name: string } => t !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}
