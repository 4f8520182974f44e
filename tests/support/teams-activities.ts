import { randomBytes, randomUUID } from 'node:crypto';
import type { ConnectorAccount } from './fake-connector';
import { TEST_NOW } from './clock';

/**
 * Teams-shaped activities, as Teams posts them to a bot's messaging endpoint. Each builder takes
 * the few facts a test cares about; the rest is what Teams sends in practice.
 */

/** The bot's own account, as `recipient` in every activity. */
export const BOT = { id: '28:mutual-test-bot', name: 'Mutual' } as const;

export interface TeamFixture {
  tenantId: string;
  teamId: string;
  name: string;
}

/** A team of its own for each test, so tests that change one never meet. */
export function buildTeam(overrides: Partial<TeamFixture> = {}): TeamFixture {
  const suffix = randomBytes(6).toString('hex');
  return {
    tenantId: randomUUID(),
    teamId: `19:test-${suffix}@thread.tacv2`,
    name: `Team ${suffix}`,
    ...overrides,
  };
}

let people = 0;

/** A Teams member as the connector lists them. */
export function buildAccount(overrides: Partial<ConnectorAccount> = {}): ConnectorAccount {
  people++;
  const aadObjectId = overrides.aadObjectId ?? randomUUID();
  const first = ['Ana', 'Ben', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Gustav', 'Hana'][people % 8]!;
  const name = overrides.name ?? `${first} Tester${people}`;
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}@contoso.example`;
  return {
    id: `29:${aadObjectId.slice(0, 8)}-${people}`,
    name,
    aadObjectId,
    email,
    userPrincipalName: email,
    givenName: first,
    userRole: 'user',
    ...overrides,
  };
}

interface Envelope {
  serviceUrl: string;
  team: TeamFixture;
  /** Who caused the event (the installer, the person who added a member …). */
  from?: ConnectorAccount;
}

/**
 * Teams' message ids are milliseconds-like numbers; these only need to be unique. Activity
 * timestamps are Teams' own record of the event: Mutual reads its time from its clock instead.
 */
let messages = 0;
const messageId = () => `17${String(++messages).padStart(11, '0')}`;

function teamEnvelope({ serviceUrl, team, from }: Envelope) {
  return {
    id: `f:${randomUUID()}`,
    timestamp: TEST_NOW,
    channelId: 'msteams',
    serviceUrl,
    from: from
      ? { id: from.id, name: from.name, aadObjectId: from.aadObjectId }
      : { id: '29:someone', name: 'Someone' },
    recipient: { ...BOT },
    conversation: {
      id: team.teamId,
      conversationType: 'channel',
      isGroup: true,
      tenantId: team.tenantId,
    },
  };
}

const teamChannelData = (team: TeamFixture, eventType?: string) => ({
  ...(eventType ? { eventType } : {}),
  team: { id: team.teamId, name: team.name, aadGroupId: randomUUID() },
  tenant: { id: team.tenantId },
  settings: { selectedChannel: { id: team.teamId } },
});

/** Mutual was added to a team: `membersAdded` holds the bot itself. */
export const botAddedToTeam = (e: Envelope) => ({
  ...teamEnvelope(e),
  type: 'conversationUpdate',
  membersAdded: [{ id: BOT.id }],
  channelData: teamChannelData(e.team, 'teamMemberAdded'),
});

/** Mutual was removed from a team. */
export const botRemovedFromTeam = (e: Envelope) => ({
  ...teamEnvelope(e),
  type: 'conversationUpdate',
  membersRemoved: [{ id: BOT.id }],
  channelData: teamChannelData(e.team, 'teamMemberRemoved'),
});

/** People joined the team: Teams names them by id (and AAD id) only. */
export const membersAddedToTeam = (e: Envelope & { members: readonly ConnectorAccount[] }) => ({
  ...teamEnvelope(e),
  type: 'conversationUpdate',
  membersAdded: e.members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId })),
  channelData: teamChannelData(e.team, 'teamMemberAdded'),
});

/** People left (or were removed from) the team. */
export const membersRemovedFromTeam = (e: Envelope & { members: readonly ConnectorAccount[] }) => ({
  ...teamEnvelope(e),
  type: 'conversationUpdate',
  membersRemoved: e.members.map((m) => ({ id: m.id, aadObjectId: m.aadObjectId })),
  channelData: teamChannelData(e.team, 'teamMemberRemoved'),
});

/** The app was installed in (`add`), upgraded (`add-upgrade`) or uninstalled from (`remove`) a team. */
export const installationUpdate = (
  e: Envelope & { action: 'add' | 'add-upgrade' | 'remove' | 'remove-upgrade' },
) => ({
  ...teamEnvelope(e),
  type: 'installationUpdate',
  action: e.action,
  channelData: teamChannelData(e.team),
});

export interface MessagePayloadFixture {
  id?: string;
  html: string;
  authorName: string;
  link?: string;
}

/** Someone picked a message action ("…" menu of a channel message). */
export const messageActionFetchTask = (
  e: Envelope & { commandId: string; message: MessagePayloadFixture },
) => {
  const id = e.message.id ?? messageId();
  return {
    ...teamEnvelope(e),
    type: 'invoke',
    name: 'composeExtension/fetchTask',
    conversation: {
      id: `${e.team.teamId};messageid=${id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: e.team.tenantId,
    },
    channelData: {
      ...teamChannelData(e.team),
      channel: { id: e.team.teamId, name: 'General' },
      source: { name: 'message' },
    },
    value: {
      commandId: e.commandId,
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: {
        id,
        messageType: 'message',
        createdDateTime: TEST_NOW,
        importance: 'normal',
        locale: 'en-us',
        body: { contentType: 'html', content: e.message.html },
        from: {
          user: {
            id: randomUUID(),
            displayName: e.message.authorName,
            userIdentityType: 'aadUser',
          },
        },
        attachments: [],
        mentions: [],
        reactions: [],
        ...(e.message.link ? { linkToMessage: e.message.link } : {}),
      },
    },
  };
};

/** The member submitted the message action's task module (Teams sends the message again). */
export const messageActionSubmit = (
  e: Envelope & { message: MessagePayloadFixture; data: Record<string, unknown> },
) => {
  const fetch = messageActionFetchTask({ ...e, commandId: 'askForHelp' });
  return {
    ...fetch,
    // A retried delivery carries a new activity id.
    id: `f:${randomUUID()}`,
    name: 'composeExtension/submitAction',
    value: { ...fetch.value, data: e.data },
  };
};

/** Someone pressed an `Action.Execute` button on a card the bot posted in a team channel. */
export const channelCardAction = (
  e: Envelope & { channelId?: string; verb: string; data: Record<string, unknown> },
) => ({
  ...teamEnvelope(e),
  type: 'invoke',
  name: 'adaptiveCard/action',
  conversation: {
    id: `${e.channelId ?? e.team.teamId};messageid=${messageId()}`,
    conversationType: 'channel',
    isGroup: true,
    tenantId: e.team.tenantId,
  },
  channelData: { ...teamChannelData(e.team), source: { name: 'message' } },
  value: { action: { type: 'Action.Execute', verb: e.verb, data: e.data }, trigger: 'manual' },
});

/** A 1:1 chat message to the bot. */
export const personalMessage = (e: {
  serviceUrl: string;
  tenantId: string;
  from: ConnectorAccount;
  text: string;
}) => ({
  id: `${messageId()}${randomBytes(2).toString('hex')}`,
  timestamp: TEST_NOW,
  channelId: 'msteams',
  serviceUrl: e.serviceUrl,
  type: 'message',
  text: e.text,
  textFormat: 'plain',
  from: { id: e.from.id, name: e.from.name, aadObjectId: e.from.aadObjectId },
  recipient: { ...BOT },
  conversation: {
    id: `a:1${randomBytes(12).toString('base64url')}`,
    conversationType: 'personal',
    tenantId: e.tenantId,
  },
  channelData: { tenant: { id: e.tenantId } },
  locale: 'en-US',
});

/** POSTs an activity to the bot's endpoint, as Teams does. */
export async function postActivity(
  serverUrl: string,
  activity: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, body };
}

/** Someone pressed an `Action.Execute` button on a card the bot sent them 1:1 (Universal Actions). */
export const cardAction = (e: {
  serviceUrl: string;
  tenantId: string;
  from: ConnectorAccount;
  verb: string;
  data: Record<string, unknown>;
}) => {
  // The same 1:1 envelope as a message, carrying an invoke instead of text.
  const { text: _text, textFormat: _format, ...envelope } = personalMessage({ ...e, text: '' });
  return {
    ...envelope,
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelData: { tenant: { id: e.tenantId }, source: { name: 'message' } },
    value: { action: { type: 'Action.Execute', verb: e.verb, data: e.data }, trigger: 'manual' },
  };
};
