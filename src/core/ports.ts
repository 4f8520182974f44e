import type { Acknowledgement, CompactVersion } from './compact/compact';
import type { Proposal } from './compact/proposal';
import type { ClauseDiff } from './compact/diff';
import type { CompactReview } from './compact/review';
import type { CompactSettings } from './compact/settings';
import type { Member } from './team/member';
import type { DeadLetter } from './notify/dead-letter';
import type { ConversationState } from './notify/conversation-state';
import type { Notification, NotificationRecord, OutgoingMessage } from './notify/notification';
import type { ScheduledJob } from './schedule/scheduled-job';
import type { Channel, ConversationAddress, Team, TeamRef } from './team/team';
import type { Kudos } from './kudos/kudos';
import type { CheckIn } from './pairing/check-in';
import type { Program, ProgramKind } from './pairing/program';
import type { Round } from './pairing/round';
import type { GuardianSettings, GuardianTerm } from './roles/guardian';
import type { HelpRequest } from './help/help-request';
import type { InsightRequest, InsightSettings } from './insights/insights';
import type { Pulse } from './pulse/pulse';
import type { PulseItem } from './pulse/questions';

export interface Clock {
  now(): Date;
}

/** A stored value with the ETag its next update must present. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

export interface TeamStore {
  get(ref: TeamRef): Promise<Versioned<Team> | undefined>;
  /** Insert if absent; `conflict` when the team already exists. */
  create(team: Team): Promise<Versioned<Team>>;
  /** Replace, only if `etag` still matches; otherwise `conflict`. */
  update(team: Team, etag: string): Promise<Versioned<Team>>;
  /** Deletes the team's own row, only if `etag` still matches (removing a team's data). */
  remove(ref: TeamRef, etag: string): Promise<void>;
}

export interface MemberStore {
  get(ref: TeamRef, userId: string): Promise<Versioned<Member> | undefined>;
  list(ref: TeamRef): Promise<Versioned<Member>[]>;
  /** Insert if absent; `conflict` when the member already exists. */
  create(ref: TeamRef, member: Member): Promise<Versioned<Member>>;
  update(ref: TeamRef, member: Member, etag: string): Promise<Versioned<Member>>;
  /** The teams a user has ever been added to in a tenant (check `active` on the member row). */
  teamsOf(tenantId: string, userId: string): Promise<TeamRef[]>;
  /** Deletes the member's row (if `etag` still matches) and its entry in the user's team index. */
  remove(ref: TeamRef, userId: string, etag: string): Promise<void>;
}

/** Everything else a team stored, for removing the team's data once Mutual was uninstalled. */
export interface TeamDataStore {
  /**
   * Deletes every row in the team's partition of every table except the team row and the member
   * rows (removed last, one by one, so an interrupted removal can be finished); how many went.
   */
  purgeRecords(ref: TeamRef): Promise<number>;
}

export interface CompactStore {
  current(ref: TeamRef): Promise<CompactVersion | undefined>;
  /** Latest first. */
  list(ref: TeamRef, limit: number): Promise<CompactVersion[]>;
  /** Insert if absent: a version number is written once; a second writer gets `conflict`. */
  add(ref: TeamRef, version: CompactVersion): Promise<void>;
}

/** Proposals to change the compact, in their team's partition, latest first. */
export interface ProposalStore {
  get(ref: TeamRef, id: string): Promise<Versioned<Proposal> | undefined>;
  list(ref: TeamRef): Promise<Versioned<Proposal>[]>;
  create(ref: TeamRef, proposal: Proposal): Promise<Versioned<Proposal>>;
  update(ref: TeamRef, proposal: Proposal, etag: string): Promise<Versioned<Proposal>>;
}

/** A team's compact settings (one row). */
export interface CompactSettingsStore {
  get(ref: TeamRef): Promise<Versioned<CompactSettings> | undefined>;
  /** Creates them when `etag` is undefined (insert if absent), else replaces them. */
  save(
    ref: TeamRef,
    settings: CompactSettings,
    etag: string | undefined,
  ): Promise<Versioned<CompactSettings>>;
}

/** Who acknowledged which version ("I commit to this"). */
export interface AcknowledgementStore {
  /** Insert if absent: acknowledging twice records it once. */
  add(ref: TeamRef, ack: Acknowledgement): Promise<{ created: boolean }>;
  forVersion(ref: TeamRef, version: number): Promise<Acknowledgement[]>;
  /** One member's acknowledgements of every version. */
  ofMember(ref: TeamRef, userId: string): Promise<Versioned<Acknowledgement>[]>;
  remove(ref: TeamRef, ack: Acknowledgement, etag: string): Promise<void>;
}

/** Reviews of the compact the team recorded. */
export interface CompactReviewStore {
  add(ref: TeamRef, review: CompactReview): Promise<CompactReview>;
  /** Latest held first. */
  list(ref: TeamRef): Promise<CompactReview[]>;
}

/** Links into the tab, for cards: a Teams deep link, or the page's URL in local mode. */
export interface TabLinks {
  page(ref: TeamRef, page: 'compact' | 'kudos' | 'pulse' | 'insights'): string;
}

/** Everything the services may use; each service narrows it with `Pick`. */
export interface Ports {
  clock: Clock;
  teams: TeamStore;
  members: MemberStore;
  compacts: CompactStore;
  proposals: ProposalStore;
  acknowledgements: AcknowledgementStore;
  compactSettings: CompactSettingsStore;
  compactReviews: CompactReviewStore;
  notifications: NotificationStore;
  deadLetters: DeadLetterStore;
  conversations: ConversationStore;
  queue: DeliveryQueue;
  schedule: ScheduleStore;
  programs: ProgramStore;
  rounds: RoundStore;
  checkIns: CheckInStore;
  guardians: GuardianStore;
  help: HelpRequestStore;
  kudos: KudosStore;
  pulses: PulseStore;
  insights: InsightStore;
  teamData: TeamDataStore;
  channels: ChannelDirectory;
  /** Builds the cards the bot sends; services only choose what to say and to whom. */
  messages: MessageComposer;
  links: TabLinks;
}

/** Help requests, in their team's partition, by id. */
export interface HelpRequestStore {
  get(ref: TeamRef, id: string): Promise<Versioned<HelpRequest> | undefined>;
  /** Every request of the team, latest first. */
  list(ref: TeamRef): Promise<Versioned<HelpRequest>[]>;
  /** Insert if absent: a second submit of the same request is a `conflict`. */
  create(ref: TeamRef, request: HelpRequest): Promise<Versioned<HelpRequest>>;
  update(ref: TeamRef, request: HelpRequest, etag: string): Promise<Versioned<HelpRequest>>;
  /** How many requests `userId` has taken on (first claimed) since `since`. */
  countTakenSince(ref: TeamRef, userId: string, since: Date): Promise<number>;
}

/**
 * What the Insights page and the helper-load alert read, each in one partition-scoped query, and
 * the alert's settings (one row).
 */
export interface InsightStore {
  /** Requests made at or after `since`, or not resolved yet; only the columns the metrics read. */
  helpSince(ref: TeamRef, since: Date): Promise<InsightRequest[]>;
  /** Published rounds of every program with `publishedAt` at or after `since`. */
  roundsPublishedSince(ref: TeamRef, since: Date): Promise<Round[]>;
  /** Check-ins answered at or after `since`, of every round. */
  checkInsSince(
    ref: TeamRef,
    since: Date,
  ): Promise<Pick<CheckIn, 'roundId' | 'userId' | 'answer'>[]>;
  settings(ref: TeamRef): Promise<Versioned<InsightSettings> | undefined>;
  /** Creates them when `etag` is undefined (insert if absent), else replaces them. */
  saveSettings(
    ref: TeamRef,
    settings: InsightSettings,
    etag: string | undefined,
  ): Promise<Versioned<InsightSettings>>;
}

/** Kudos in their team's partition, latest first. */
export interface KudosStore {
  /**
   * Insert if absent, once per `onceKey` (what made it: a thank's request, a give's request key;
   * the kudos id when none): a second add stores nothing and answers the kudos stored first.
   */
  add(ref: TeamRef, kudos: Kudos, onceKey?: string): Promise<{ created: boolean; kudos: Kudos }>;
  list(ref: TeamRef, limit: number): Promise<Kudos[]>;
  /** The team's feed, latest first: at most `limit` after the cursor (a previous page's `next`). */
  page(ref: TeamRef, limit: number, after?: string): Promise<{ kudos: Kudos[]; next?: string }>;
  /** What one member gave and received, latest first, at most `limit` of each. */
  ofMember(
    ref: TeamRef,
    userId: string,
    limit: number,
  ): Promise<{ given: Kudos[]; received: Kudos[] }>;
  get(ref: TeamRef, id: string): Promise<Versioned<Kudos> | undefined>;
  update(ref: TeamRef, kudos: Kudos, etag: string): Promise<Versioned<Kudos>>;
}

/** A team's programs, one per kind. */
export interface ProgramStore {
  get(ref: TeamRef, kind: ProgramKind): Promise<Versioned<Program> | undefined>;
  list(ref: TeamRef): Promise<Versioned<Program>[]>;
  /** Insert if absent; `conflict` when it exists. */
  create(ref: TeamRef, program: Program): Promise<Versioned<Program>>;
  update(ref: TeamRef, program: Program, etag: string): Promise<Versioned<Program>>;
}

export interface RoundStore {
  get(ref: TeamRef, id: string): Promise<Versioned<Round> | undefined>;
  /** A program's rounds, latest first. */
  list(ref: TeamRef, program: ProgramKind, limit: number): Promise<Versioned<Round>[]>;
  /** Insert if absent; `conflict` when a round with that id exists. */
  create(ref: TeamRef, round: Round): Promise<Versioned<Round>>;
  update(ref: TeamRef, round: Round, etag: string): Promise<Versioned<Round>>;
}

export interface CheckInStore {
  get(ref: TeamRef, roundId: string, userId: string): Promise<Versioned<CheckIn> | undefined>;
  listForRound(ref: TeamRef, roundId: string): Promise<CheckIn[]>;
  create(ref: TeamRef, checkIn: CheckIn): Promise<Versioned<CheckIn>>;
  update(ref: TeamRef, checkIn: CheckIn, etag: string): Promise<Versioned<CheckIn>>;
  remove(ref: TeamRef, roundId: string, userId: string, etag: string): Promise<void>;
}

export interface GuardianStore {
  settings(ref: TeamRef): Promise<Versioned<GuardianSettings> | undefined>;
  /** Creates the settings when `etag` is undefined (insert if absent), else replaces them. */
  saveSettings(
    ref: TeamRef,
    settings: GuardianSettings,
    etag: string | undefined,
  ): Promise<Versioned<GuardianSettings>>;
  /** Latest first. */
  terms(ref: TeamRef, limit: number): Promise<GuardianTerm[]>;
  /** Insert if absent (one term per start time); `conflict` when it exists. */
  addTerm(ref: TeamRef, term: GuardianTerm): Promise<void>;
}

/** A person as a message names them. */
export interface MessagePerson {
  name: string;
  email: string;
  department: string;
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

export interface CompactAckInput {
  teamId: string;
  teamName: string;
  version: number;
  /** What changed from the version before; unchanged clauses are left out. */
  changes: ClauseDiff[];
  /** The Compact page in the tab. */
  link: string;
  /** When the reader acknowledged it: the card then says so instead of asking. */
  acknowledgedAt?: string;
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
  /** Every notification whose id starts with `idPrefix` (ids are built from their cause). */
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

/** The channels a team has, read from Teams when an owner chooses where help requests go. */
export interface ChannelDirectory {
  list(team: Team): Promise<Channel[]>;
}

export interface SendResult {
  /** HTTP status, or undefined when no answer came (network failure, timeout). */
  status: number | undefined;
  retryAfterMs?: number;
  /** The activity id for a send; the conversation id for openPersonalChat. */
  id?: string;
}

/** A named lease, so one instance at a time runs what must not run twice. */
export interface LeaseStore {
  tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

/** Due work, filed by due hour. */
export interface ScheduleStore {
  /** Insert if absent. */
  add(job: ScheduledJob): Promise<void>;
  /** Jobs in `bucket` due at or before `now`, oldest first. */
  due(bucket: string, now: Date, limit: number): Promise<Versioned<ScheduledJob>[]>;
  /** Whether anything is left in `bucket`, due or not. */
  isEmpty(bucket: string): Promise<boolean>;
  /** Done: removed, if nobody changed it meanwhile. */
  complete(job: ScheduledJob, etag: string): Promise<void>;
  /** Failed: kept with the error, tried again no earlier than `notBefore`. */
  fail(job: ScheduledJob, etag: string, error: string, notBefore: Date): Promise<void>;
  /** The oldest bucket that may still hold work. */
  cursor(): Promise<Versioned<string> | undefined>;
  setCursor(bucket: string, etag: string | undefined): Promise<void>;
}

/** What the pulse card shows. */
export interface PulseAskInput {
  teamId: string;
  teamName: string;
  pulseId: string;
  items: PulseItem[];
  closesAt: string;
  /** The Pulse page in the tab. */
  link: string;
  /** The reader's answer was counted: the card says so, without the answer. */
  answered?: boolean;
}

/**
 * Anonymous pulses, in their team's partition: the pulse row (with its running tally), one
 * "answered" marker per person whose key is a keyed hash and holds nothing else, and a row saying
 * which pulse is open. No method takes a person's id.
 */
export interface PulseStore {
  get(ref: TeamRef, id: string): Promise<Versioned<Pulse> | undefined>;
  /** Latest first, in one partition query. */
  list(ref: TeamRef, limit: number): Promise<Versioned<Pulse>[]>;
  /** Inserts the pulse and the team's "a pulse is open" row together; `conflict` if one is open. */
  start(ref: TeamRef, pulse: Pulse): Promise<Versioned<Pulse>>;
  hasMarker(ref: TeamRef, pulseId: string, marker: string): Promise<boolean>;
  /**
   * In one transaction: inserts the marker and replaces the pulse (its new tally) if `etag` still
   * matches. Either fails (marker there, tally moved) and nothing is written: `conflict`.
   */
  answer(ref: TeamRef, pulse: Pulse, etag: string, marker: string): Promise<Versioned<Pulse>>;
  /** In one transaction: replaces the (closed) pulse if `etag` matches and removes the open row. */
  close(ref: TeamRef, pulse: Pulse, etag: string): Promise<Versioned<Pulse>>;
}
