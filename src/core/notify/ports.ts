import type { CompactAckInput } from '../compact/ports';
import type { HelpCardInput } from '../help/ports';
import type { PulseAskInput } from '../pulse/ports';
import type { Channel, ConversationAddress, TeamRef } from '../team/team';
import type { Versioned } from '../versioned';
import type { ConversationState } from './conversation-state';
import type { DeadLetter } from './dead-letter';
import type { MessagePerson } from './message-person';
import type { Notification, NotificationRecord, OutgoingMessage } from './notification';

/** Links into the tab, for cards: a Teams deep link, or the page's URL in local mode. */
export interface TabLinks {
  page(ref: TeamRef, page: 'compact' | 'kudos' | 'pulse' | 'insights'): string;
}

/** The messages Mutual sends, as Adaptive Cards (implemented under bot/cards). */
export interface MessageComposer {
  /** 1:1 to each paired member: who, why, and links to chat and to schedule a meeting. */
  pairing(input: {
    teamName: string;
    programLabel: string;
    partners: MessagePerson[];
    reason: string;
  }): OutgoingMessage;
  /** 1:1 to someone taking part who could not be placed this round, saying why. */
  unplaced(input: { teamName: string; programLabel: string; reason: string }): OutgoingMessage;
  /** To the team channel when a round is published. */
  roundSummary(input: {
    teamName: string;
    programLabel: string;
    groups: { names: string[] }[];
    unplaced: number;
  }): OutgoingMessage;
  /** "Did you meet?", answered in place. */
  checkIn(input: {
    teamId: string;
    roundId: string;
    programLabel: string;
    partners: MessagePerson[];
  }): OutgoingMessage;
  /**
   * A help request's card, for the support channel or the buddy's chat, with the buttons its
   * status allows. Re-sent as an update whenever the request changes.
   */
  helpRequest(input: HelpCardInput): OutgoingMessage;
  /** A reminder about a request nobody has picked up: to the buddy, the channel, or escalated. */
  helpNudge(input: HelpCardInput & { kind: 'buddy' | 'channel' | 'escalate' }): OutgoingMessage;
  /**
   * 1:1 after a new compact version: what changed, a link to the whole text, and "I commit to
   * this", acknowledged in place (the card is then drawn with `acknowledgedAt`).
   */
  compactAcknowledge(input: CompactAckInput): OutgoingMessage;
  /** A week before and on the review day: to the channel, and to the Culture Guardian. */
  compactReview(input: {
    teamName: string;
    reviewOn: string;
    when: 'week' | 'day';
    audience: 'channel' | 'guardian';
    openProposals: number;
    link: string;
  }): OutgoingMessage;
  /** 1:1 to each person a kudos thanks: who thanked them, the story, and a link to the feed. */
  kudosReceived(input: {
    teamName: string;
    from: MessagePerson;
    others: MessagePerson[];
    story: string;
    fromHelpRequest: boolean;
    link: string;
  }): OutgoingMessage;
  /**
   * 1:1 to each member taking part when a pulse starts: the questions, answered in place and
   * anonymously; drawn with `answered` once the reader's answer was counted (it never echoes it).
   */
  pulseAsk(input: PulseAskInput): OutgoingMessage;
  /** Announces a new Culture Guardian, to the channel or to the guardian. */
  guardian(input: {
    teamName: string;
    guardian: MessagePerson;
    until: string;
    audience: 'channel' | 'guardian';
  }): OutgoingMessage;
  /**
   * 1:1 and private, to the Culture Guardian (or the owners): one person gives a large share of
   * the team's help; who, their share in words, and what to do about it. Never posted publicly.
   */
  helperLoad(input: {
    teamName: string;
    helper: MessagePerson;
    given: number;
    total: number;
    percent: number;
    audience: 'guardian' | 'owner';
    /** The team's Insights page. */
    insightsLink: string;
  }): OutgoingMessage;
}

/** Every notification Mutual means to send, keyed by its deterministic id. */
export interface NotificationStore {
  /** Insert if absent: `created` is false when the same id was recorded before. */
  record(
    notification: Notification,
  ): Promise<{ record: Versioned<NotificationRecord>; created: boolean }>;
  get(team: TeamRef, id: string): Promise<Versioned<NotificationRecord> | undefined>;
  update(record: NotificationRecord, etag: string): Promise<Versioned<NotificationRecord>>;
  /** Every notification whose id starts with `idPrefix` (ids are built from their cause); '' for all. */
  listByPrefix(team: TeamRef, idPrefix: string): Promise<NotificationRecord[]>;
  /** Every notification addressed to one member's 1:1 chat, without the message itself. */
  listTo(team: TeamRef, userId: string): Promise<Versioned<NotificationSummary>[]>;
  remove(team: TeamRef, id: string, etag: string): Promise<void>;
}

/** What is kept about a notification apart from what it said. */
export type NotificationSummary = Pick<
  NotificationRecord,
  'id' | 'target' | 'status' | 'createdAt' | 'sentAt'
>;

/** Notifications that kept failing, parked per team for the owner to retry or discard. */
export interface DeadLetterStore {
  /** Insert if absent. */
  add(entry: DeadLetter): Promise<void>;
  get(team: TeamRef, id: string): Promise<Versioned<DeadLetter> | undefined>;
  list(team: TeamRef, limit: number): Promise<DeadLetter[]>;
  remove(team: TeamRef, id: string, etag: string): Promise<void>;
}

/** Per team and target: the conversation to post in, and whether Teams still lets us. */
export interface ConversationStore {
  get(team: TeamRef, key: string): Promise<Versioned<ConversationState> | undefined>;
  create(state: ConversationState): Promise<Versioned<ConversationState>>;
  update(state: ConversationState, etag: string): Promise<Versioned<ConversationState>>;
  remove(team: TeamRef, key: string, etag: string): Promise<void>;
}

/** The delivery queue: one message per notification to send. */
export interface DeliveryQueue {
  push(team: TeamRef, notificationId: string, delayMs?: number): Promise<void>;
  receive(max: number, visibilityMs: number): Promise<QueuedDelivery[]>;
  delete(delivery: QueuedDelivery): Promise<void>;
  /** Hides a message again for `delayMs`, and returns it with its new receipt. */
  delay(delivery: QueuedDelivery, delayMs: number): Promise<QueuedDelivery>;
  /** Approximate number of messages waiting, for health. */
  depth(): Promise<number>;
}

export interface QueuedDelivery {
  messageId: string;
  popReceipt: string;
  team: TeamRef;
  notificationId: string;
  dequeueCount: number;
}

/** Sends through Teams' Bot Connector and reports what happened, without retrying itself. */
export interface Notifier {
  send(
    tenantId: string,
    address: ConversationAddress,
    message: OutgoingMessage,
  ): Promise<SendResult>;
  openPersonalChat(tenantId: string, serviceUrl: string, botUserId: string): Promise<SendResult>;
  /** Replaces a message the bot posted (Teams shows the new card in place). */
  update(
    tenantId: string,
    address: ConversationAddress,
    activityId: string,
    message: OutgoingMessage,
  ): Promise<SendResult>;
  /** The team's channels, as Teams lists them (General included). */
  listChannels(
    tenantId: string,
    serviceUrl: string,
    teamId: string,
  ): Promise<{ status: number | undefined; channels: Channel[] }>;
}

export interface SendResult {
  /** HTTP status, or undefined when no answer came (network failure, timeout). */
  status: number | undefined;
  retryAfterMs?: number;
  /** The activity id for a send; the conversation id for openPersonalChat. */
  id?: string;
}

/** The notify feature's share of `Ports`. */
export interface NotifyPorts {
  notifications: NotificationStore;
  deadLetters: DeadLetterStore;
  conversations: ConversationStore;
  queue: DeliveryQueue;
  /** Builds the cards the bot sends; services only choose what to say and to whom. */
  messages: MessageComposer;
  links: TabLinks;
}
