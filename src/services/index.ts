import type { Ports } from '../core/ports';
import type { ScheduledJob } from '../core/schedule/scheduled-job';
import type { TeamRef } from '../core/team/team';
import type { RosterEntry } from '../core/team/member';
import { acknowledgeCompact, acknowledgeFromCard } from './compact/compact-acknowledgements';
import {
  adoptProposal,
  closeProposal,
  proposeChange,
  takeStanceOn,
} from './compact/compact-proposals';
import {
  COMPACT_REVIEW_DUE,
  getCompactSettings,
  recordReview,
  runReviewReminder,
  saveCompactSettings,
} from './compact/compact-reviews';
import { diffCompact, getCompactVersion, getCompactView } from './compact/compact-view';
import { getCompact } from './compact/get-compact';
import {
  getGuardian,
  GUARDIAN_DUE,
  rotateGuardianNow,
  runDueGuardianRotation,
  saveGuardianSettings,
} from './guardian/guardian';
import { actOnHelp, type HelpActionName } from './help/act-on-help';
import { askForHelp } from './help/ask-for-help';
import { getHelpRequest } from './help/get-help-request';
import { getHelpSettings, saveHelpSettings } from './help/help-settings';
import { listHelpBoard } from './help/list-help-board';
import { HELP_NUDGE_DUE, runHelpNudge } from './help/run-help-nudge';
import {
  getInsights,
  getInsightSettings,
  HELPER_LOAD_DUE,
  runHelperLoadCheck,
  saveInsightSettings,
} from './insights/insights';
import { giveKudos } from './kudos/give-kudos';
import { listKudosFeed, listMyKudos } from './kudos/list-kudos';
import { discardDeadLetter, listDeadLetters, retryDeadLetter } from './notify/dead-letters';
import { enqueueNotifications } from './notify/enqueue-notifications';
import { deletePersonalData } from './privacy/delete-personal-data';
import { exportPersonalData } from './privacy/export-personal-data';
import { removeTeamData } from './privacy/remove-team-data';
import {
  answerPulse,
  answerPulseFromCard,
  closePulseNow,
  listPulses,
  PULSE_CLOSE_DUE,
  runPulseClose,
  startPulse,
} from './pulse/pulses';
import { runDueRotation, startRoundNow } from './rotations/make-round';
import { listPrograms, ROTATION_DUE, saveProgram } from './rotations/programs';
import { CHECK_IN_DUE, publishDraft } from './rotations/publish-round';
import { getRound, listRounds, recordCheckIn, swapInRound } from './rotations/rounds';
import { sendCheckIns } from './rotations/send-check-ins';
import { bindPorts } from './shared/bind-ports';
import { changeMemberRole, listMemberRoles } from './team/change-member-role';
import { getTeam } from './team/get-team';
import { listMembers } from './team/list-members';
import { listMyTeams, listRemovedTeams } from './team/list-my-teams';
import {
  deactivateTeam,
  registerInstallation,
  type Installation,
} from './team/register-installation';
import { scheduleRosterRefresh } from './team/schedule-roster-refresh';
import { removeMembers, syncRoster, type SyncRosterOptions } from './team/sync-roster';
import { getProfile, updateProfile, type ProfileChange } from './team/update-profile';
import type { Actor } from '../core/team/team';

/** The use cases bound to their ports: what adapters (API, bot, jobs) call. */
export function createServices(ports: Ports) {
  const bind = bindPorts(ports);
  const job = (run: (job: ScheduledJob, ports: Ports) => Promise<void>) => bind(run);
  return {
    /** The time the use cases run on, for adapters that present relative times ("due in 2 h"). */
    clock: ports.clock,
    // team
    getTeam: bind(getTeam),
    listMembers: bind(listMembers),
    listMyTeams: bind(listMyTeams),
    listRemovedTeams: bind(listRemovedTeams),
    getProfile: bind(getProfile),
    updateProfile: bind(updateProfile),
    listMemberRoles: bind(listMemberRoles),
    changeMemberRole: bind(changeMemberRole),
    registerInstallation: bind(registerInstallation),
    deactivateTeam: bind(deactivateTeam),
    /** The roster's options (who is an owner in Teams) travel with the ports. */
    syncRoster: (ref: TeamRef, roster: readonly RosterEntry[], options: SyncRosterOptions) =>
      syncRoster(ref, roster, { ...ports, ...options }),
    removeMembers: bind(removeMembers),
    /** The team if Mutual is installed in it; for the bot and jobs, which act for no user. */
    installedTeam: async (ref: TeamRef) => {
      const team = await ports.teams.get(ref);
      return team?.value.active ? team.value : undefined;
    },
    scheduleRosterRefresh: bind(scheduleRosterRefresh),
    // rotations
    listPrograms: bind(listPrograms),
    saveProgram: bind(saveProgram),
    startRoundNow: bind(startRoundNow),
    listRounds: bind(listRounds),
    getRound: bind(getRound),
    swapInRound: bind(swapInRound),
    publishRound: bind(publishDraft),
    recordCheckIn: bind(recordCheckIn),
    // guardian
    getGuardian: bind(getGuardian),
    saveGuardianSettings: bind(saveGuardianSettings),
    rotateGuardianNow: bind(rotateGuardianNow),
    // help
    askForHelp: bind(askForHelp),
    /** A card's button sends no story; the tab's thank may. */
    actOnHelp: (
      actor: Actor,
      teamId: string,
      requestId: string,
      action: HelpActionName,
      options: { story?: string } = {},
    ) => actOnHelp(actor, teamId, requestId, action, options, ports),
    getHelpRequest: bind(getHelpRequest),
    listHelpBoard: bind(listHelpBoard),
    getHelpSettings: bind(getHelpSettings),
    saveHelpSettings: bind(saveHelpSettings),
    // compact
    getCompact: bind(getCompact),
    getCompactView: bind(getCompactView),
    getCompactVersion: bind(getCompactVersion),
    diffCompact: bind(diffCompact),
    proposeChange: bind(proposeChange),
    takeStanceOn: bind(takeStanceOn),
    adoptProposal: bind(adoptProposal),
    closeProposal: bind(closeProposal),
    acknowledgeCompact: bind(acknowledgeCompact),
    acknowledgeFromCard: bind(acknowledgeFromCard),
    getCompactSettings: bind(getCompactSettings),
    saveCompactSettings: bind(saveCompactSettings),
    recordReview: bind(recordReview),
    // privacy
    exportPersonalData: bind(exportPersonalData),
    deletePersonalData: bind(deletePersonalData),
    removeTeamData: bind(removeTeamData),
    // pulse
    listPulses: bind(listPulses),
    startPulse: bind(startPulse),
    answerPulse: bind(answerPulse),
    answerPulseFromCard: bind(answerPulseFromCard),
    closePulse: bind(closePulseNow),
    // kudos
    giveKudos: bind(giveKudos),
    listKudosFeed: bind(listKudosFeed),
    listMyKudos: bind(listMyKudos),
    // insights
    getInsights: bind(getInsights),
    getInsightSettings: bind(getInsightSettings),
    saveInsightSettings: bind(saveInsightSettings),
    // notify
    enqueueNotifications: bind(enqueueNotifications),
    listDeadLetters: bind(listDeadLetters),
    retryDeadLetter: bind(retryDeadLetter),
    discardDeadLetter: bind(discardDeadLetter),
    /** Scheduled work that needs no Teams connection, by job kind. */
    jobHandlers: {
      [ROTATION_DUE]: job(runDueRotation),
      [CHECK_IN_DUE]: job(sendCheckIns),
      [GUARDIAN_DUE]: job(runDueGuardianRotation),
      [HELPER_LOAD_DUE]: job(runHelperLoadCheck),
      [HELP_NUDGE_DUE]: job(runHelpNudge),
      [COMPACT_REVIEW_DUE]: job(runReviewReminder),
      [PULSE_CLOSE_DUE]: job(runPulseClose),
    } as Record<string, (job: ScheduledJob) => Promise<void>>,
  };
}

export type Services = ReturnType<typeof createServices>;
export type { Installation, ProfileChange };
