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
import { scheduleRosterRefresh } from './schedule-roster-refresh';
import { syncRoster, type RosterChange } from './sync-roster';

export interface Installation {
  ref: TeamRef;
  name: string;
  channel: ConversationAddress;
  /** Whoever added Mutual to the team; they become its first owner in Mutual. */
  installedBy: string | undefined;
  roster: readonly RosterEntry[];
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
    const existing = await ports.teams.get(installation.ref);
    if (!existing) {
      const created: Team = {
        ...installation.ref,
        name: installation.name,
        active: true,
        installedAt: now,
        updatedAt: now,
        channel: installation.channel,
        supportChannel: null,
      };
      return (await ports.teams.create(created)).value;
    }
    const updated: Team = {
      ...existing.value,
      name: installation.name || existing.value.name,
      channel: installation.channel,
      active: true,
      updatedAt: now,
    };
    return (await ports.teams.update(updated, existing.etag)).value;
  });

  const roster = installation.roster.map((entry) =>
    entry.userId === installation.installedBy ? { ...entry, role: 'owner' as const } : entry,
  );
  const change = await syncRoster(installation.ref, roster, { ...ports, complete: true });
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
    await ports.teams.update({ ...existing.value, active: false, updatedAt }, existing.etag);
    return true;
  });
}
