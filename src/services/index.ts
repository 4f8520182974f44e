import type { Ports } from '../core/ports';
import type { Actor, TeamRef } from '../core/team/team';
import type { RosterEntry } from '../core/team/member';
import type { Notification } from '../core/notify/notification';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from './dead-letters';
import { enqueueNotifications } from './enqueue-notifications';
import { getCompact } from './get-compact';
import { scheduleRosterRefresh } from './schedule-roster-refresh';
import { getTeam } from './get-team';
import { listMembers } from './list-members';
import { listMyTeams } from './list-my-teams';
import { deactivateTeam, registerInstallation, type Installation } from './register-installation';
import { removeMembers, syncRoster, type SyncRosterOptions } from './sync-roster';
import { updateProfile, type ProfileChange } from './update-profile';

/** The use cases bound to their ports: what adapters (API, bot, jobs) call. */
export function createServices(ports: Ports) {
  return {
    getTeam: (actor: Actor, teamId: string) => getTeam(actor, teamId, ports),
    listMembers: (actor: Actor, teamId: string) => listMembers(actor, teamId, ports),
    getCompact: (actor: Actor, teamId: string) => getCompact(actor, teamId, ports),
    listMyTeams: (actor: Actor) => listMyTeams(actor, ports),
    updateProfile: (actor: Actor, teamId: string, change: ProfileChange) =>
      updateProfile(actor, teamId, change, ports),
    registerInstallation: (installation: Installation) => registerInstallation(installation, ports),
    deactivateTeam: (ref: TeamRef) => deactivateTeam(ref, ports),
    syncRoster: (ref: TeamRef, roster: readonly RosterEntry[], options: SyncRosterOptions) =>
      syncRoster(ref, roster, { ...ports, ...options }),
    removeMembers: (ref: TeamRef, userIds: readonly string[]) => removeMembers(ref, userIds, ports),
    /** The team if Mutual is installed in it; for the bot and jobs, which act for no user. */
    installedTeam: async (ref: TeamRef) => {
      const team = await ports.teams.get(ref);
      return team?.value.active ? team.value : undefined;
    },
    scheduleRosterRefresh: (ref: TeamRef) => scheduleRosterRefresh(ref, ports),
    enqueueNotifications: (notifications: readonly Notification[]) =>
      enqueueNotifications(notifications, ports),
    listDeadLetters: (actor: Actor, teamId: string) => listDeadLetters(actor, teamId, ports),
    retryDeadLetter: (actor: Actor, teamId: string, notificationId: string) =>
      retryDeadLetter(actor, teamId, notificationId, ports),
    discardDeadLetter: (actor: Actor, teamId: string, notificationId: string) =>
      discardDeadLetter(actor, teamId, notificationId, ports),
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Installation, ProfileChange };
