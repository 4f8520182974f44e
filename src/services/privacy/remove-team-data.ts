import { conflict, forbidden, invalid, isDomainError, notFound } from '../../core/errors';
import type { Ports } from '../../core/ports';
import type { Actor, TeamRef } from '../../core/team/team';
import { mayRemoveTeamData } from '../../core/team/roles';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { ensureRolesMigrated } from '../team/migrate-roles';

type RemovalPorts = Pick<Ports, 'teams' | 'members' | 'teamData'>;

/**
 * An owner removes everything Mutual stored for a team once Mutual was uninstalled from it.
 *
 * `requireOwner` cannot guard this: it refuses teams Mutual is no longer installed in. Here the
 * caller must be an owner in the stored roster (whether or not Teams still lists them) who was
 * one before the uninstall (`mayRemoveTeamData`), the team must be uninstalled, and `confirm`
 * must be the team's name as stored.
 *
 * Order, so that running it again finishes an interrupted removal: every other row first, then
 * the other members, then the team row, and the caller's own member row last. A team row that is
 * gone while the caller's owner row remains can only be such an unfinished removal (member rows
 * are written after the team row on install), so it is let through without the name, which went
 * with the team row.
 */
export async function removeTeamData(
  actor: Actor,
  teamId: string,
  confirm: string,
  ports: RemovalPorts,
): Promise<{ removedRows: number }> {
  const ref: TeamRef = { tenantId: actor.tenantId, teamId };
  // Owners recorded before roles were Mutual's own are sorted out first (migrate-roles.ts).
  const team = await ensureRolesMigrated(ref, ports);
  const me = await ports.members.get(ref, actor.userId);
  if (!team && !me) throw notFound('Mutual has no data for that team.');
  if (!me || me.value.role !== 'owner')
    throw forbidden('Only an owner of the team can remove its data.');
  if (team?.value.active)
    throw conflict(
      'Mutual is still installed in this team. Remove the app from the team in Teams first; its data can be removed after that.',
    );
  if (!mayRemoveTeamData(team?.value, me.value))
    throw forbidden(
      'Only someone who was an owner before Mutual was removed from the team can remove its data.',
    );
  if (team && confirm.trim() !== team.value.name)
    throw invalid('Type the team’s name exactly as it is shown to confirm.', 'confirm');

  let removedRows = await ports.teamData.purgeRecords(ref);
  for (const member of await ports.members.list(ref)) {
    if (member.value.userId === actor.userId) continue;
    await removeMember(ref, member.value.userId, ports);
    removedRows++;
  }
  if (team) {
    await retryOnConflict(async () => {
      const fresh = await ports.teams.get(ref);
      if (fresh) await ports.teams.remove(ref, fresh.etag);
    });
    removedRows++;
  }
  await removeMember(ref, actor.userId, ports);
  return { removedRows: removedRows + 1 };
}

async function removeMember(ref: TeamRef, userId: string, ports: Pick<Ports, 'members'>) {
  await retryOnConflict(async () => {
    const fresh = await ports.members.get(ref, userId);
    if (!fresh) return;
    try {
      await ports.members.remove(ref, userId, fresh.etag);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'not_found') throw error;
    }
  });
}
