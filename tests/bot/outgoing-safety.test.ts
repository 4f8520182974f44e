import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { helpRequestId } from '../../src/core/help/help-request';
import { startBotHarness, refOf, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import {
  buildAccount,
  buildTeam,
  messageActionSubmit,
  type MessagePayloadFixture,
  type TeamFixture,
} from '../support/teams-activities';
import { until } from '../support/wait';

/** A display name (and team name) that would be a link and a mention if Teams read it as markdown. */
const HOSTILE = 'Mal [Reset password](https://evil.example) <at>x</at>';

let h: BotHarness;
let team: TeamFixture;
let owner: ConnectorAccount;
let mal: ConnectorAccount;

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam({ name: `${HOSTILE} team` });
  owner = buildAccount({ name: 'Olga Owner' });
  mal = buildAccount({ name: HOSTILE });
  expect((await h.install(team, [owner, mal])).status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

let count = 0;
async function ask(link: string | undefined, data: Record<string, unknown> = {}) {
  const message: MessagePayloadFixture = {
    id: `18000${String(++count).padStart(8, '0')}`,
    html: '<p>The build is red.</p>',
    authorName: 'Someone',
    ...(link ? { link } : {}),
  };
  const res = await h.send(
    messageActionSubmit({
      serviceUrl: h.connector.url,
      team,
      from: mal,
      message,
      data: {
        action: 'createHelpRequest',
        messageId: message.id,
        blocker: 'Stuck',
        urgency: 'high',
        ...data,
      },
    }),
  );
  expect(res.status).toBe(200);
  const id = helpRequestId(team.teamId, message.id!, mal.aadObjectId!);
  await until(
    () => h.connector.sentTo(team.teamId).some((s) => JSON.stringify(s.activity).includes(id)),
    'the channel card',
  );
  const post = h.connector.sentTo(team.teamId).find((s) => JSON.stringify(s.activity).includes(id))!
    .activity as {
    text: string;
    attachments: { content: unknown }[];
  };
  const stored = (await h.server.ports.help.get(refOf(team), id))!.value;
  return { post, stored, card: JSON.stringify(post.attachments[0]!.content) };
}

describe('what the bot sends Teams, as Teams receives it', () => {
  test('a hostile display name is escaped in the activity text (the preview) as in the card', async () => {
    const { post, card } = await ask(undefined);
    expect(post.text).toBe(
      'Mal \\[Reset password\\]\\(https://evil.example\\) <\u200bat>x<\u200b/at> asks for help.',
    );
    expect(post.text).not.toContain('[Reset password](');
    expect(card).not.toContain('[Reset password](');
    expect(card).not.toContain('<at>');
  });

  test('a link to the message that is not a Teams message link is dropped; the request is still made', async () => {
    for (const link of [
      'https://evil.example/l/message/1',
      'https://teams.microsoft.com.evil.example/l/message/1',
    ]) {
      const fromPayload = await ask(link);
      expect(fromPayload.stored.source.link).toBe('');
      expect(fromPayload.stored.status).toBe('open');
      expect(fromPayload.card).not.toContain('Open the message');
      expect(fromPayload.card).not.toContain('evil.example/l/message');
      // The task module's own data is the fallback when Teams sends no link: the same list.
      const fromData = await ask(undefined, { messageLink: link });
      expect(fromData.stored.source.link).toBe('');
      expect(fromData.card).not.toContain('Open the message');
    }
    const board = await h.apiAs<{ data: { requests: { source: { link: string } }[] } }>(
      team,
      mal,
      '/help',
    );
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).not.toContain('evil.example/l/message');
  });

  test('a Teams message link is kept and offered as "Open the message"', async () => {
    const link = `https://teams.microsoft.com/l/message/${encodeURIComponent(team.teamId)}/1`;
    const { stored, card } = await ask(link);
    expect(stored.source.link).toBe(link);
    expect(card).toContain('Open the message');
  });
});
