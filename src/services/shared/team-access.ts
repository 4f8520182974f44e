import { forbidden, notFound } from '../../core/errors';
import type { Ports, Versioned } from '../../core/ports';
import type { Member } from '../../core/team/member';
import { ROLES_VERSION } from '../../core/team/roles';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { ensureRolesMigrated } from '../team/migrate-roles';

export interface TeamAccess {
  ref: TeamRef;
  team: Team;
  me: Versioned<Member>;
}

/** The team and the caller's row in it: both point reads at once (each gate checks the team first). */
export async function readTeamAndMe(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
) {
  const ref = { tenantId: actor.tenantId, teamId };
  const [team, me] = await Promise.all([
    ports.teams.get(ref),
    ports.members.get(ref, actor.userId),
  ]);
  if (team && team.value.rolesVersion !== ROLES_VERSION) {
    // A team from before roles were Mutual's own: its owners are sorted out once, then read again.
    const migrated = await ensureRolesMigrated(ref, ports, team);
    return { ref, team: migrated, me: await ports.members.get(ref, actor.userId) };
  }
  return { ref, team, me };
}

/**
 * The gate in front of every team use case: the team must be installed and the caller must be an
 * active member of its stored roster. The team is looked up inside the caller's own tenant, so a
 * token from another tenant cannot even name it.
 */
export async function requireMember(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<TeamAccess> {
  const { ref, team, me } = await readTeamAndMe(actor, teamId, ports);
  if (!team || !team.value.active) throw notFound('Mutual is not installed in that team.');
  if (!me || !me.value.active) throw forbidden('You are not a member of this team.');
  return { ref, team: team.value, me };
}

export async function requireOwner(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<TeamAccess> {
  const access = await requireMember(actor, teamId, ports);
  if (access.me.value.role !== 'owner') throw forbidden('Only a team owner can do this.');
  return access;
}

/**
 * The gate in front of a member's own data ("what Mutual stores about me", "delete my data"): the
 * team must be known and the caller must have a row in its roster, active or not. A member who
 * left, a team Mutual was removed from, or a deletion being run again may still see and delete
 * their own data; nobody reaches anyone else's, because the user comes only from the token.
 */
export async function requireOwnRecord(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<TeamAccess> {
  const { ref, team, me } = await readTeamAndMe(actor, teamId, ports);
  if (!team) throw notFound('Mutual has no data for that team.');
  if (!me) throw forbidden('You are not a member of this team.');
  return { ref, team: team.value, me };
}
