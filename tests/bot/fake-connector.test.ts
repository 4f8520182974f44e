import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  TeamsInfo,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { BOT, buildAccount, buildTeam } from '../support/teams-activities';

// The fake connector checked against the real botbuilder client, driven the way the proactive
// notifier will drive it, so bot tests can trust what it captures.

let connector: FakeConnector;
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

beforeAll(async () => {
  connector = await startFakeConnector();
});

afterAll(async () => {
  await connector?.close();
});

const referenceTo = (conversationId: string): Partial<ConversationReference> => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  bot: { ...BOT },
  conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' },
});

const proactively = (conversationId: string, logic: (context: TurnContext) => Promise<void>) =>
  adapter.continueConversationAsync('', referenceTo(conversationId), logic);

describe('the fake connector, driven by botbuilder', () => {
  test('captures a proactive post to a channel thread, with the conversation id decoded', async () => {
    const team = buildTeam();
    const thread = `${team.teamId};messageid=1712345678901`;
    let id: string | undefined;

    await proactively(thread, async (context) => {
      id = (await context.sendActivity(MessageFactory.text('Pairs are out')))?.id;
    });

    // continueConversation posts as a reply to its own made-up activity id, which Teams accepts.
    expect(connector.sentTo(thread)).toEqual([
      expect.objectContaining({ id, activity: expect.objectContaining({ text: 'Pairs are out' }) }),
    ]);
  });

  test('captures a card update by the id it gave the post', async () => {
    const conversationId = buildTeam().teamId;
    await proactively(conversationId, async (context) => {
      const sent = await context.sendActivity(MessageFactory.text('Claimed by nobody'));
      await context.updateActivity({ ...MessageFactory.text('Claimed by Ana'), id: sent!.id });
    });

    const [posted] = connector.sentTo(conversationId);
    expect(connector.updated.filter((u) => u.conversationId === conversationId)).toEqual([
      expect.objectContaining({
        activityId: posted!.id,
        activity: expect.objectContaining({ text: 'Claimed by Ana' }),
      }),
    ]);
  });

  test('opens a 1:1 chat and captures the first message in it', async () => {
    const person = buildAccount();
    const tenantId = buildTeam().tenantId;
    let chatId: string | undefined;

    await adapter.createConversationAsync(
      '',
      'msteams',
      connector.url,
      '',
      {
        isGroup: false,
        bot: { ...BOT },
        members: [{ id: person.id, name: person.name }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      },
      async (context) => {
        chatId = context.activity.conversation.id;
        await context.sendActivity('Your partner this round is Ben');
      },
    );

    expect(connector.created.at(-1)?.parameters).toMatchObject({ members: [{ id: person.id }] });
    expect(chatId).toBe(connector.created.at(-1)?.id);
    expect(connector.sentTo(chatId!).map((s) => s.activity.text)).toEqual([
      'Your partner this round is Ben',
    ]);
  });

  test('pages a roster with continuation tokens and looks members up by id', async () => {
    const team = buildTeam();
    const roster = Array.from({ length: 5 }, () => buildAccount());
    connector.setRoster(team.teamId, roster);
    connector.setPageSize(2);
    const pages: string[][] = [];
    let found: string | undefined;

    try {
      await proactively(team.teamId, async (context) => {
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedTeamMembers(context, team.teamId, 500, token);
          pages.push(page.members.map((m) => m.id));
          token = page.continuationToken || undefined;
        } while (token);
        found = (await TeamsInfo.getTeamMember(context, team.teamId, roster[4]!.id)).aadObjectId;
      });
    } finally {
      connector.setPageSize(Number.POSITIVE_INFINITY);
    }

    expect(pages).toEqual([
      [roster[0]!.id, roster[1]!.id],
      [roster[2]!.id, roster[3]!.id],
      [roster[4]!.id],
    ]);
    expect(found).toBe(roster[4]!.aadObjectId);
  });

  test('answers the failures it is told to, in order, then recovers', async () => {
    const conversationId = buildTeam().teamId;
    connector.failNext(1, { status: 403 });
    connector.failNext(1, { status: 429 });
    const outcomes: unknown[] = [];

    await proactively(conversationId, async (context) => {
      for (let i = 0; i < 3; i++) {
        outcomes.push(
          await context.sendActivity(`try ${i}`).then(
            () => 'sent',
            (error: { statusCode?: number }) => error.statusCode,
          ),
        );
      }
    });

    expect(outcomes).toEqual([403, 429, 'sent']);
    expect(connector.sentTo(conversationId).map((s) => s.activity.text)).toEqual(['try 2']);
  });

  test('botbuilder itself retries a 429 that carries Retry-After (the notifier must not retry twice)', async () => {
    const conversationId = buildTeam().teamId;
    connector.failNext(1, { status: 429, retryAfter: 0 });

    await proactively(conversationId, async (context) => {
      await context.sendActivity('once');
    });

    const attempts = connector.requests.filter((r) => r.conversationId === conversationId);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(connector.sentTo(conversationId)).toHaveLength(1);
  });
});
