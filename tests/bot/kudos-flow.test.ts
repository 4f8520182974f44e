import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KudosResSchema, MyKudosResSchema } from '../../src/api/contract';
import { helpRequestId } from '../../src/core/help/help-request';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import {
  buildAccount,
  buildTeam,
  messageActionSubmit,
  type TeamFixture,
} from '../support/teams-activities';
import { until } from '../support/wait';

/** Kudos reach each person they thank as one 1:1 card, through the outbox and the Bot Connector. */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OLGA, ANA, BEN, CARLA] = [0, 1, 2, 3];
const p = (i: number) => people[i]!;
const idOf = (i: number) => p(i).aadObjectId!;

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

/** The 1:1 chat the bot opened with someone, if it did. */
const chatWith = (account: ConnectorAccount) =>
  h.connector.created.find((c) => (c.parameters.members as { id: string }[])[0]!.id === account.id)
    ?.id;
const cardsTo = (account: ConnectorAccount, containing: string) => {
  const chat = chatWith(account);
  return chat
    ? h.connector.sentTo(chat).filter((s) => JSON.stringify(s.activity).includes(containing))
    : [];
};
const allSent = async (prefix: string, count: number) => {
  const records = await h.server.ports.notifications.listByPrefix(refOf(team), prefix);
  return records.length === count && records.every((r) => r.status === 'sent');
};

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam({ name: 'Platform' });
  people = ['Olga Owner', 'Ana Souza', 'Ben Okafor', 'Carla Cruz'].map((name) =>
    buildAccount({ name }),
  );
  expect((await h.install(team, people, p(OLGA))).status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

describe('kudos notifications', () => {
  test('each recipient gets one card with who thanked them and the story, escaped', async () => {
    const body = {
      toIds: [idOf(BEN), idOf(CARLA)],
      story: 'You **saved** the demo <at>Olga</at> {{DATE(2026-01-01T00:00:00Z)}}',
      requestKey: 'bot-flow-give-1',
    };
    const res = await api(p(ANA), 'POST', '/kudos', body);
    expect(res.status).toBe(201);
    const kudos = KudosResSchema.parse(res.body).data;
    await until(() => allSent(`kudos~${kudos.id}~`, 2), 'both kudos cards sent');
    // Sent again (a double click): nothing new is sent.
    expect((await api(p(ANA), 'POST', '/kudos', body)).status).toBe(200);
    await until(() => allSent(`kudos~${kudos.id}~`, 2), 'still two kudos cards');

    for (const [who, other] of [
      [p(BEN), 'Carla Cruz'],
      [p(CARLA), 'Ben Okafor'],
    ] as const) {
      const cards = cardsTo(who, 'Kudos from Ana Souza');
      expect(cards, who.name).toHaveLength(1);
      const card = JSON.stringify(cards[0]!.activity);
      expect(card).toContain('\\\\*\\\\*saved\\\\*\\\\*');
      expect(card).not.toContain('<at>');
      expect(card).not.toContain('{{DATE(2026');
      expect(card).toContain(`Also thanked: ${other}`);
      expect(card).toContain('/#/kudos');
    }
    expect(cardsTo(p(ANA), 'Kudos from')).toEqual([]);
  });

  test('a Thank on a resolved help request tells the helper once, with the story', async () => {
    const message = {
      id: '1700000000777',
      html: '<p>The nightly export fails.</p>',
      authorName: 'Ana Souza',
      link: `https://teams.microsoft.com/l/message/${encodeURIComponent(team.teamId)}/777`,
    };
    const asked = await h.send(
      messageActionSubmit({
        serviceUrl: h.connector.url,
        team,
        from: p(ANA),
        message,
        data: { action: 'createHelpRequest', messageId: message.id, blocker: 'Export fails' },
      }),
    );
    expect(asked.status).toBe(200);
    const id = helpRequestId(team.teamId, message.id, idOf(ANA));
    expect((await api(p(BEN), 'POST', `/help/${id}/claim`)).status).toBe(200);
    expect((await api(p(ANA), 'POST', `/help/${id}/resolve`)).status).toBe(200);
    const thanked = await api(p(ANA), 'POST', `/help/${id}/thank`, { story: 'Found the bad row' });
    expect(thanked.status).toBe(200);

    const mine = MyKudosResSchema.parse((await api(p(BEN), 'GET', '/me/kudos')).body).data;
    const thank = mine.received.find((k) => k.helpRequestId === id)!;
    expect(thank).toMatchObject({ story: 'Found the bad row', from: { name: 'Ana Souza' } });
    await until(() => allSent(`kudos~${thank.id}~`, 1), 'the thank card sent');
    const cards = cardsTo(p(BEN), 'Found the bad row');
    expect(cards).toHaveLength(1);
    expect(JSON.stringify(cards[0]!.activity)).toContain('for helping with their request');
  });
});
