import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBotHarness, type BotHarness } from '../support/bot-harness';
import {
  buildAccount,
  buildTeam,
  messageActionFetchTask,
  type MessagePayloadFixture,
} from '../support/teams-activities';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});

afterAll(async () => {
  await h?.stop();
});

interface CardElement {
  type: string;
  id?: string;
  text?: string;
  items?: CardElement[];
  isRequired?: boolean;
  value?: string;
  choices?: { title: string; value: string }[];
  maxLength?: number;
}

interface TaskAnswer {
  task: {
    type: string;
    value:
      | string
      | {
          title: string;
          card: {
            contentType: string;
            content: {
              type: string;
              body: CardElement[];
              actions: { type: string; data: unknown }[];
            };
          };
        };
  };
}

const team = buildTeam();
const asker = buildAccount();

async function askForHelp(message: MessagePayloadFixture, commandId = 'askForHelp') {
  const res = await h.send(
    messageActionFetchTask({ serviceUrl: h.connector.url, team, from: asker, commandId, message }),
  );
  return { status: res.status, body: res.body as TaskAnswer };
}

/** Text as Teams shows it: a backslash before a character shows the character itself. */
const asShown = (text: string | undefined) => (text ?? '').replace(/\\(.)/g, '$1');

/** The card of a `continue` task, and the quoted author and text as the member sees them. */
function cardOf(answer: TaskAnswer) {
  expect(answer.task.type).toBe('continue');
  const value = answer.task.value;
  if (typeof value === 'string') throw new Error('expected a card task');
  expect(value.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = value.card.content;
  const quote = card.body.find((e) => e.type === 'Container');
  const inputs = card.body.filter((e) => e.type.startsWith('Input.'));
  return {
    title: value.title,
    card,
    author: quote?.items?.[0]?.text,
    quoted: quote?.items?.[1]?.text,
    inputs: Object.fromEntries(inputs.map((i) => [i.id ?? '', i])) as Record<
      string,
      CardElement | undefined
    >,
  };
}

describe('"Ask for help" on a message', () => {
  test('opens a task module pre-filled with the message and its author, asking what blocks, which skills and how urgent', async () => {
    const { status, body } = await askForHelp({
      id: '1712345678901',
      html: '<p>The nightly export fails again.</p>',
      authorName: 'Gustav Berg',
      link: 'https://teams.microsoft.com/l/message/19%3Ax%40thread.tacv2/1712345678901',
    });

    expect(status).toBe(200);
    const task = cardOf(body);
    expect(task.title).toBe('Ask for help');
    expect(task.card.type).toBe('AdaptiveCard');
    expect(task.author).toBe('Gustav Berg');
    expect(task.quoted).toBe('The nightly export fails again.');
    expect(Object.keys(task.inputs).sort()).toEqual(['blocker', 'skills', 'urgency']);
    expect(task.inputs.blocker).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(task.inputs.skills).toMatchObject({ type: 'Input.Text' });
    expect(task.inputs.urgency).toMatchObject({ type: 'Input.ChoiceSet', value: 'normal' });
    expect(task.inputs.urgency?.choices?.map((c) => c.value)).toEqual(['low', 'normal', 'high']);
    expect(task.card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Submit',
        data: {
          action: 'createHelpRequest',
          messageId: '1712345678901',
          messageLink: 'https://teams.microsoft.com/l/message/19%3Ax%40thread.tacv2/1712345678901',
        },
      }),
    ]);
  });

  test('shows the message as typed: HTML stripped, entities decoded, markdown characters escaped', async () => {
    const { body } = await askForHelp({
      html:
        '<div><p>Deploy to <b>prod</b> fails: <code>npm ci</code> says *EINTEGRITY* &amp; ' +
        'the_lock_file is [stale](https://x.example)</p>' +
        '<p>- tried clearing the cache<br>1. reran &lt;script&gt; &#39;twice&#39; &#x1F600;</p></div>',
      authorName: 'Ana *the* Souza',
    });

    const task = cardOf(body);

    expect(task.quoted).toBe(
      'Deploy to prod fails: npm ci says \\*EINTEGRITY\\* & the\\_lock\\_file is ' +
        '\\[stale\\]\\(https://x.example\\)\n' +
        "\\- tried clearing the cache\n1\\. reran <script> 'twice' 😀",
    );
    expect(task.author).toBe('Ana \\*the\\* Souza');
    expect(asShown(task.quoted)).toBe(
      'Deploy to prod fails: npm ci says *EINTEGRITY* & the_lock_file is [stale](https://x.example)\n' +
        "- tried clearing the cache\n1. reran <script> 'twice' 😀",
    );
  });

  test('a message with no text says so instead of showing an empty quote', async () => {
    const { body } = await askForHelp({
      html: '<p><img src="x.png"></p>',
      authorName: 'Hana Sato',
    });

    expect(asShown(cardOf(body).quoted)).toBe('(The message has no text.)');
  });

  test('a very long message is quoted up to 2000 characters and marked as cut', async () => {
    const { body } = await askForHelp({ html: `<p>${'a'.repeat(2500)}</p>`, authorName: 'Ivan' });

    const quoted = cardOf(body).quoted ?? '';
    expect(quoted).toBe(`${'a'.repeat(2000)}…`);
  });

  test('answers inline: nothing is posted to the channel while the form is open', async () => {
    await askForHelp({ html: '<p>Help?</p>', authorName: 'Lena' });

    expect(h.connector.sentTo(team.teamId)).toEqual([]);
    expect(h.connector.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  test('an unknown command answers a message task, not a form', async () => {
    const { status, body } = await askForHelp(
      { html: '<p>Help?</p>', authorName: 'Lena' },
      'somethingElse',
    );

    expect(status).toBe(200);
    expect(body.task.type).toBe('message');
    expect(body.task.value).toEqual(expect.any(String));
    expect(body.task.value).toMatch(/does not know that command/);
  });
});
