import { afterAll, beforeAll, expect, test } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import { BOT, buildAccount, personalMessage } from '../support/teams-activities';
import { guid } from '../support/tokens';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.stop();
});

test('a message in a 1:1 chat gets a reply in that chat pointing to the tab and the message action', async () => {
  const activity = personalMessage({
    serviceUrl: h.connector.url,
    tenantId: guid(),
    from: buildAccount(),
    text: 'hi',
  });

  const res = await h.send(activity);

  expect(res.status).toBe(200);
  const replies = h.connector.sentTo(activity.conversation.id);
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({
    replyToId: activity.id,
    activity: { type: 'message', from: { id: BOT.id } },
  });
  const text = String(replies[0]!.activity.text);
  expect(text).toMatch(/Mutual tab/);
  expect(text).toMatch(/Ask for help/);
});

test('malformed JSON to the bot endpoint is a JSON 400, and the bot sends nothing', async () => {
  const before = h.connector.requests.length;

  const res = await fetch(`${h.server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type": "message",',
  });

  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: { code: 'invalid' } });
  expect(h.connector.requests.length).toBe(before);
});

test('an activity without a type is a 400, not a server error', async () => {
  const res = await h.send({ text: 'no type' });

  expect(res.status).toBe(400);
});
