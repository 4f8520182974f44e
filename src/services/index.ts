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
import { listMyTeams, listRemovedTeams } from './list-my-teams';
import { deactivateTeam, registerInstallation, type Installation } from './register-installation';
import { removeMembers, syncRoster, type SyncRosterOptions } from './sync-roster';
import { getProfile, updateProfile, type ProfileChange } from './update-profile';
import type { ProgramKind, ProgramSettings } from '../core/rotations/program';
import type { CheckInAnswer } from '../core/rotations/check-in';
import type { ScheduledJob } from '../core/schedule/scheduled-job';
import { listPrograms, ROTATION_DUE, saveProgram } from './programs';
import { runDueRotation, startRoundNow } from './make-round';
import { CHECK_IN_DUE, publishDraft } from './publish-round';
import { getRound, listRounds, recordCheckIn, swapInRound } from './rounds';
import { sendCheckIns } from './send-check-ins';
import {
  actOnHelp,
  askForHelp,
  getHelpRequest,
  HELP_NUDGE_DUE,
  listHelpBoard,
  type HelpActionName,
  type HelpAsk,
} from './help-requests';
import { runHelpNudge } from './help-nudges';
import { getHelpSettings, saveHelpSettings } from './help-settings';
import { acknowledgeCompact, acknowledgeFromCard } from './compact-acknowledgements';
import { adoptProposal, closeProposal, proposeChange, takeStanceOn } from './compact-proposals';
import {
  COMPACT_REVIEW_DUE,
  getCompactSettings,
  recordReview,
  runReviewReminder,
  saveCompactSettings,
} from './compact-reviews';
import { diffCompact, getCompactVersion, getCompactView } from './compact-view';
import { exportPersonalData } from './export-personal-data';
import { deletePersonalData } from './delete-personal-data';
import { removeTeamData } from './remove-team-data';
import { giveKudos, type GiveKudosInput } from './give-kudos';
import { listKudosFeed, listMyKudos } from './list-kudos';
import type { NewProposal } from '../core/compact/proposal';
import {
  getGuardian,
  GUARDIAN_DUE,
  rotateGuardianNow,
  runDueGuardianRotation,
  saveGuardianSettings,
} from './guardian';
import {
  getInsights,
  getInsightSettings,
  HELPER_LOAD_DUE,
  runHelperLoadCheck,
  saveInsightSettings,
} from './insights';
import type { InsightPeriodKey, InsightSettings } from '../core/insights/insights';
import {
  answerPulse,
  answerPulseFromCard,
  closePulseNow,
  listPulses,
  PULSE_CLOSE_DUE,
  runPulseClose,
  startPulse,
} from './pulses';
import type { PulseAnswer } from '../core/pulse/pulse';

/** The use cases bound to their ports: what adapters (API, bot, jobs) call. */
export function createServices(ports: Ports) {
  return {
    /** The time the use cases run on, for adapters that present relative times ("due in 2 h"). */
    clock: ports.clock,
    getTeam: (actor: Actor, teamId: string) => getTeam(actor, teamId, ports),
    listMembers: (actor: Actor, teamId: string) => listMembers(actor, teamId, ports),
    getCompact: (actor: Actor, teamId: string) => getCompact(actor, teamId, ports),
    listMyTeams: (actor: Actor) => listMyTeams(actor, ports),
    listRemovedTeams: (actor: Actor) => listRemovedTeams(actor, ports),
    getProfile: (actor: Actor, teamId: string) => getProfile(actor, teamId, ports),
    updateProfile: (actor: Actor, teamId: string, change: ProfileChange) =>
      updateProfile(actor, teamId, change, ports),
    listPrograms: (actor: Actor, teamId: string) => listPrograms(actor, teamId, ports),
    saveProgram: (actor: Actor, teamId: string, kind: ProgramKind, settings: ProgramSettings) =>
      saveProgram(actor, teamId, kind, settings, ports),
    startRoundNow: (actor: Actor, teamId: string, kind: ProgramKind) =>
      startRoundNow(actor, teamId, kind, ports),
    listRounds: (actor: Actor, teamId: string, kind: ProgramKind) =>
      listRounds(actor, teamId, kind, ports),
    getRound: (actor: Actor, teamId: string, roundId: string) =>
      getRound(actor, teamId, roundId, ports),
    swapInRound: (
      actor: Actor,
      teamId: string,
      roundId: string,
      swap: { a: string; b: string; revision: number },
    ) => swapInRound(actor, teamId, roundId, swap, ports),
    publishRound: (actor: Actor, teamId: string, roundId: string, revision: number) =>
      publishDraft(actor, teamId, roundId, revision, ports),
    recordCheckIn: (actor: Actor, teamId: string, roundId: string, answer: CheckInAnswer) =>
      recordCheckIn(actor, teamId, roundId, answer, ports),
    getGuardian: (actor: Actor, teamId: string) => getGuardian(actor, teamId, ports),
    saveGuardianSettings: (
      actor: Actor,
      teamId: string,
      change: { enabled: boolean; everyMonths: number },
    ) => saveGuardianSettings(actor, teamId, change, ports),
    rotateGuardianNow: (actor: Actor, teamId: string) => rotateGuardianNow(actor, teamId, ports),
    askForHelp: (actor: Actor, teamId: string, ask: HelpAsk) =>
      askForHelp(actor, teamId, ask, ports),
    actOnHelp: (
      actor: Actor,
      teamId: string,
      requestId: string,
      action: HelpActionName,
      options: { story?: string } = {},
    ) => actOnHelp(actor, teamId, requestId, action, options, ports),
    getHelpRequest: (actor: Actor, teamId: string, requestId: string) =>
      getHelpRequest(actor, teamId, requestId, ports),
    listHelpBoard: (actor: Actor, teamId: string) => listHelpBoard(actor, teamId, ports),
    getHelpSettings: (actor: Actor, teamId: string) => getHelpSettings(actor, teamId, ports),
    saveHelpSettings: (actor: Actor, teamId: string, channelId: string) =>
      saveHelpSettings(actor, teamId, channelId, ports),
    getCompactView: (actor: Actor, teamId: string) => getCompactView(actor, teamId, ports),
    getCompactVersion: (actor: Actor, teamId: string, version: number) =>
      getCompactVersion(actor, teamId, version, ports),
    diffCompact: (actor: Actor, teamId: string, from: number, to: number) =>
      diffCompact(actor, teamId, from, to, ports),
    proposeChange: (actor: Actor, teamId: string, input: NewProposal) =>
      proposeChange(actor, teamId, input, ports),
    takeStanceOn: (
      actor: Actor,
      teamId: string,
      id: string,
      input: { stance: string; comment: string; revision?: number },
    ) => takeStanceOn(actor, teamId, id, input, ports),
    adoptProposal: (actor: Actor, teamId: string, id: string, input: { revision?: number }) =>
      adoptProposal(actor, teamId, id, input, ports),
    closeProposal: (
      actor: Actor,
      teamId: string,
      id: string,
      how: 'withdraw' | 'decline',
      input: { reason: string; revision?: number },
    ) => closeProposal(actor, teamId, id, how, input, ports),
    acknowledgeCompact: (actor: Actor, teamId: string, version: number) =>
      acknowledgeCompact(actor, teamId, version, ports),
    acknowledgeFromCard: (actor: Actor, teamId: string, version: number) =>
      acknowledgeFromCard(actor, teamId, version, ports),
    getCompactSettings: (actor: Actor, teamId: string) => getCompactSettings(actor, teamId, ports),
    saveCompactSettings: (
      actor: Actor,
      teamId: string,
      change: { adoptionRule: string; reviewEveryMonths: number; nextReviewOn: string },
    ) => saveCompactSettings(actor, teamId, change, ports),
    recordReview: (
      actor: Actor,
      teamId: string,
      input: { heldOn: string; participantIds: readonly string[]; note: string },
    ) => recordReview(actor, teamId, input, ports),
    exportPersonalData: (actor: Actor, teamId: string) => exportPersonalData(actor, teamId, ports),
    deletePersonalData: (actor: Actor, teamId: string, confirm: string) =>
      deletePersonalData(actor, teamId, confirm, ports),
    listPulses: (actor: Actor, teamId: string) => listPulses(actor, teamId, ports),
    startPulse: (actor: Actor, teamId: string, input: { days: number; minAnswers: number }) =>
      startPulse(actor, teamId, input, ports),
    answerPulse: (actor: Actor, teamId: string, pulseId: string, answer: PulseAnswer) =>
      answerPulse(actor, teamId, pulseId, answer, ports),
    answerPulseFromCard: (actor: Actor, teamId: string, pulseId: string, answer: PulseAnswer) =>
      answerPulseFromCard(actor, teamId, pulseId, answer, ports),
    closePulse: (actor: Actor, teamId: string, pulseId: string) =>
      closePulseNow(actor, teamId, pulseId, ports),
    removeTeamData: (actor: Actor, teamId: string, confirm: string) =>
      removeTeamData(actor, teamId, confirm, ports),
    giveKudos: (actor: Actor, teamId: string, input: GiveKudosInput) =>
      giveKudos(actor, teamId, input, ports),
    listKudosFeed: (actor: Actor, teamId: string, options: { limit?: number; after?: string }) =>
      listKudosFeed(actor, teamId, options, ports),
    listMyKudos: (actor: Actor, teamId: string) => listMyKudos(actor, teamId, ports),
    getInsights: (actor: Actor, teamId: string, period: InsightPeriodKey) =>
      getInsights(actor, teamId, period, ports),
    getInsightSettings: (actor: Actor, teamId: string) => getInsightSettings(actor, teamId, ports),
    saveInsightSettings: (actor: Actor, teamId: string, change: InsightSettings) =>
      saveInsightSettings(actor, teamId, change, ports),
    /** Scheduled work that needs no Teams connection, by job kind. */
    jobHandlers: {
      [ROTATION_DUE]: (job: ScheduledJob) => runDueRotation(job, ports),
      [CHECK_IN_DUE]: (job: ScheduledJob) => sendCheckIns(job, ports),
      [GUARDIAN_DUE]: (job: ScheduledJob) => runDueGuardianRotation(job, ports),
      [HELPER_LOAD_DUE]: (job: ScheduledJob) => runHelperLoadCheck(job, ports),
      [HELP_NUDGE_DUE]: (job: ScheduledJob) => runHelpNudge(job, ports),
      [COMPACT_REVIEW_DUE]: (job: ScheduledJob) => runReviewReminder(job, ports),
      [PULSE_CLOSE_DUE]: (job: ScheduledJob) => runPulseClose(job, ports),
    } as Record<string, (job: ScheduledJob) => Promise<void>>,
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
