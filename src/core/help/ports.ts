import type { MessagePerson } from '../notify/message-person';
import type { TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { HelpRequest } from './help-request';
import type { TeamRecords } from '../team/records';

/**
 * Help requests, in their team's partition, by id. Insert if absent: a second submit of the same
 * request is a `conflict`.
 */
export interface HelpRequestStore extends TeamRecords<HelpRequest> {
  /** Every request of the team, latest first. */
  list(ref: TeamRef): Promise<Versioned<HelpRequest>[]>;
  /** How many requests `userId` has taken on (first claimed) since `since`. */
  countTakenSince(ref: TeamRef, userId: string, since: Date): Promise<number>;
}

/** What a help request's card shows: the request, its people by name, and the time it is drawn. */
export interface HelpCardInput {
  teamId: string;
  teamName: string;
  request: HelpRequest;
  requester: MessagePerson;
  helper: MessagePerson | undefined;
  buddy: MessagePerson | undefined;
  /** When the card is drawn, for the age and "overdue". */
  now: Date;
  /** Who the card is drawn for, when it is one person's view (their buttons only). */
  viewerId?: string;
}
