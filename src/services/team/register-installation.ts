import { isDomainError } from '../../core/errors';
import { templateVersion } from '../../core/compact/template';
import type { Ports } from '../../core/ports';
import type { RosterEntry } from '../../core/team/member';
import type { ConversationAddress, Team, TeamRef } from '../../core/team/team';
import { targetKey } from '../../core/notify/notification';
import { startCompactReviews } from '../compact/compact-reviews';
import { startHelperLoadChecks } from '../insights/insights';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { reviveConversation } from '../notify/revive-conversation';
import { ROLES_VERSION } from '../../core/team/roles';
import { ensureRolesMigrated } from './migrate-roles';
import { scheduleRosterRefresh } from './schedule-roster-refresh';
import { syncRoster, type RosterChange } from './sync-roster';

export interface Installation {
  ref: TeamRef;
  name: string;
  channel: ConversationAddress;
  /**
   * Whoever sent the install event. Only on the team's first install are they recorded as its
   * first installer and owner; a re-install or an upgrade they send grants them nothing.
   */
  installedBy: string | undefined;
  roster: readonly RosterEntry[];
  /** Teams' own owners of the team, when Graph could tell (see TeamOwnersDirectory). */
  teamsOwners?: ReadonlySet<string> | undefined;
}

/**
 * Records that Mutual was added to a team (or re-added): the team, where to post, the roster, and
 * a starting compact from the template. Safe to run twice for the same event.
 */
export async function registerInstallation(
  installation: Installation,
  ports: Pick<
    Ports,
    'teams' | 'members' | 'compacts' | 'compactSettings' | 'conversations' | 'schedule' | 'clock'
  >,
): Promise<{ team: Team; roster: RosterChange }> {
  const now = ports.clock.now().toISOString();
  const team = await retryOnConflict(async () => {
    // Owners recorded before roles were Mutual's own are sorted out before anything is added.
    const existing = await ensureRolesMigrated(installation.ref, ports);
    if (!existing) {
      const created: Team = {
        ...installation.ref,
        name: installation.name,
        active: true,
        installedAt: now,
        updatedAt: now,
        channel: installation.channel,
        supportChannel: null,
        firstInstallerId: installation.installedBy,
        uninstalledAt: '',
        rolesVersion: ROLES_VERSION,
      };
      return (await ports.teams.create(created)).value;
    }
    const updated: Team = {
      ...existing.value,
      name: installation.name || existing.value.name,
      channel: installation.channel,
      active: true,
      uninstalledAt: '',
      updatedAt: now,
    };
    return (await ports.teams.update(updated, existing.etag)).value;
  });

  // Who is an owner is roleOnSync's answer alone: the recorded first installer, Teams' owners.
  const change = await syncRoster(installation.ref, installation.roster, {
    ...ports,
    complete: true,
    firstInstallerId: team.firstInstallerId,
    teamsOwners: installation.teamsOwners,
  });
  // Added back after a removal: the channel may receive notifications again.
  await reviveConversation(installation.ref, targetKey({ kind: 'channel' }), ports);
  await scheduleRosterRefresh(installation.ref, ports);

  if (!(await ports.compacts.current(installation.ref))) {
    try {
      await ports.compacts.add(installation.ref, templateVersion(now));
    } catch (error) {
      // A concurrent delivery adopted the template first; one version 1 is what we want.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
    }
  }
  const installer = installation.installedBy
    ? await ports.members.get(installation.ref, installation.installedBy)
    : undefined;
  await startCompactReviews(installation.ref, installer?.value.timeZone ?? 'UTC', ports);
  await startHelperLoadChecks(installation.ref, ports);
  return { team, roster: change };
}

/** Mutual was removed from the team: keep the data, stop access and notifications. */
export async function deactivateTeam(
  ref: TeamRef,
  ports: Pick<Ports, 'teams' | 'clock'>,
): Promise<boolean> {
  return retryOnConflict(async () => {
    const existing = await ports.teams.get(ref);
    if (!existing || !existing.value.active) return false;
    const updatedAt = ports.clock.now().toISOString();
    await ports.teams.update(
      { ...existing.value, active: false, uninstalledAt: updatedAt, updatedAt },
      existing.etag,
    );
    return true;
  });
}
