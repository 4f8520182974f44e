import type { Ports, Versioned } from '../../core/ports';
import { migrateLegacyOwners, ROLES_VERSION } from '../../core/team/roles';
import type { Team, TeamRef } from '../../core/team/team';
import { retryOnConflict } from '../shared/retry-on-conflict';

type MigrationPorts = Pick<Ports, 'teams' | 'members'>;

/**
 * Brings a team row from before roles were Mutual's own up to date (see `migrateLegacyOwners`):
 * the owners' rows first, each with its ETag and nothing but its role fields changed, then the
 * team row, which records the first installer and the version. Run lazily when a team is read;
 * an interrupted run is finished by the next, and a migrated team is left as it is.
 */
export async function ensureRolesMigrated(
  ref: TeamRef,
  ports: MigrationPorts,
  known?: Versioned<Team>,
): Promise<Versioned<Team> | undefined> {
  let team = known ?? (await ports.teams.get(ref));
  if (!team || team.value.rolesVersion === ROLES_VERSION) return team;
  return retryOnConflict(async () => {
    team = team ?? (await ports.teams.get(ref));
    if (!team || team.value.rolesVersion === ROLES_VERSION) return team;
    const members = await ports.members.list(ref);
    const plan = migrateLegacyOwners(
      team.value,
      members.map((m) => m.value),
    );
    for (const change of plan.changes) {
      await retryOnConflict(async () => {
        const row = await ports.members.get(ref, change.userId);
        if (!row) return;
        await ports.members.update(ref, { ...row.value, ...change.role }, row.etag);
      });
    }
    const current = team;
    team = undefined; // a conflict below reads the team again
    return ports.teams.update(
      {
        ...current.value,
        firstInstallerId: current.value.firstInstallerId ?? plan.firstInstallerId,
        rolesVersion: ROLES_VERSION,
      },
      current.etag,
    );
  });
}
