import type { Clock, LeaseStore, Ports } from '../core/ports';
import { createTableCompactStore } from './compact/table-compact-store';
import { createTableConversationStore } from './notify/table-conversation-store';
import { createTableDeadLetterStore } from './notify/table-dead-letter-store';
import { createTableLeaseStore } from './schedule/table-lease-store';
import { createTableMemberStore } from './team/table-member-store';
import { createTableNotificationStore } from './notify/table-notification-store';
import type { TableStorage } from './table-storage';
import { createTableScheduleStore } from './schedule/table-schedule-store';
import { createTableTeamStore } from './team/table-team-store';
import { createTableProgramStore } from './rotations/table-program-store';
import { createTableRoundStore } from './rotations/table-round-store';
import { createTableCheckInStore } from './rotations/table-check-in-store';
import { createTableGuardianStore } from './guardian/table-guardian-store';
import { createTableHelpStore } from './help/table-help-store';
import { createTableKudosStore } from './kudos/table-kudos-store';
import { createTableInsightStore } from './insights/table-insight-store';
import { createTablePulseStore } from './pulse/table-pulse-store';
import { createTableTeamDataStore } from './team/table-team-data-store';
import {
  createTableAcknowledgementStore,
  createTableCompactReviewStore,
  createTableCompactSettingsStore,
  createTableProposalStore,
} from './compact/table-proposal-store';

/** Every port but those the bot supplies: the message composer, channel directory and links. */
export interface StoragePorts extends Omit<Ports, 'messages' | 'channels' | 'links'> {
  leases: LeaseStore;
}

/** The ports backed by Azure Table Storage and the notification queue. */
export function createTablePorts(storage: TableStorage, clock: Clock): StoragePorts {
  return {
    clock,
    teams: createTableTeamStore(storage.table('teams')),
    members: createTableMemberStore(storage.table('members'), storage.table('memberships')),
    compacts: createTableCompactStore(storage.table('compacts')),
    proposals: createTableProposalStore(storage.table('compacts')),
    acknowledgements: createTableAcknowledgementStore(storage.table('compacts')),
    compactSettings: createTableCompactSettingsStore(storage.table('compacts')),
    compactReviews: createTableCompactReviewStore(storage.table('compacts')),
    notifications: createTableNotificationStore(storage.table('notifications')),
    deadLetters: createTableDeadLetterStore(storage.table('deadletters')),
    conversations: createTableConversationStore(storage.table('conversations')),
    leases: createTableLeaseStore(storage.table('leases'), clock),
    schedule: createTableScheduleStore(storage.table('schedule')),
    queue: storage.queue,
    programs: createTableProgramStore(storage.table('programs')),
    rounds: createTableRoundStore(storage.table('rounds')),
    checkIns: createTableCheckInStore(storage.table('checkins')),
    guardians: createTableGuardianStore(storage.table('roles')),
    help: createTableHelpStore(storage.table('help')),
    kudos: createTableKudosStore(storage.table('kudos')),
    insights: createTableInsightStore({
      help: storage.table('help'),
      rounds: storage.table('rounds'),
      checkIns: storage.table('checkins'),
      settings: storage.table('roles'),
    }),
    pulses: createTablePulseStore(storage.table('pulses')),
    teamData: createTableTeamDataStore((kind) => storage.table(kind)),
  };
}

export { createTableStorage, notificationQueueName, type TableStorage } from './table-storage';
export type { StorageAccess } from './storage-access';
