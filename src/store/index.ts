import type { Clock, LeaseStore, Ports } from '../core/ports';
import { createTableCompactStore } from './table-compact-store';
import { createTableConversationStore } from './table-conversation-store';
import { createTableDeadLetterStore } from './table-dead-letter-store';
import { createTableLeaseStore } from './table-lease-store';
import { createTableMemberStore } from './table-member-store';
import { createTableNotificationStore } from './table-notification-store';
import type { TableStorage } from './table-storage';
import { createTableScheduleStore } from './table-schedule-store';
import { createTableTeamStore } from './table-team-store';
import { createTableProgramStore } from './table-program-store';
import { createTableRoundStore } from './table-round-store';
import { createTableCheckInStore } from './table-check-in-store';
import { createTableGuardianStore } from './table-guardian-store';
import { createTableHelpStore } from './table-help-store';
import { createTableKudosStore } from './table-kudos-store';
import { createTableInsightStore } from './table-insight-store';
import { createTablePulseStore } from './table-pulse-store';
import { createTableTeamDataStore } from './table-team-data-store';
import {
  createTableAcknowledgementStore,
  createTableCompactReviewStore,
  createTableCompactSettingsStore,
  createTableProposalStore,
} from './table-proposal-store';

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

export {
  createTableStorage,
  notificationQueueName,
  type StorageAccess,
  type TableStorage,
} from './table-storage';
