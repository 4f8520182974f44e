import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PULSE_QUESTIONS } from '../../src/core/pulse/questions';
import { DEMO_PEOPLE } from '../../src/local/demo-team';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
const screenshot = (name: string) => saveScreenshot(page, `pulse-${name}`);
const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);
const statements = PULSE_QUESTIONS.filter((q) => q.kind === 'scale');

async function startPulse(minAnswers: string) {
  await signInAs(owner.name);
  await page.getByRole('button', { name: 'Start a pulse' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a pulse' });
  const minimum = dialog.getByRole('spinbutton', { name: /Minimum answers/ });
  // Below the floor of 3 is refused by the field, and nothing starts.
  await minimum.fill('2');
  await dialog.getByRole('button', { name: 'Start and send' }).click();
  await dialog.getByText(/at least 3 answers/).waitFor();
  await minimum.fill(minAnswers);
  await screenshot('start-dialog');
  await dialog.getByRole('button', { name: 'Start and send' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Close now' }).waitFor();
}

async function answerAs(name: string, choice: string, text = '') {
  await signInAs(name);
  const form = page.getByRole('form', { name: 'Answer the pulse' });
  await form.waitFor();
  for (const statement of statements)
    await form
      .getByRole('radiogroup', { name: statement.text })
      .getByRole('radio', { name: choice, exact: true })
      .check();
  if (text) await form.getByRole('textbox').fill(text);
  await form.getByRole('button', { name: 'Send anonymously' }).click();
  await page.getByText(/You answered; results appear after it closes on/).waitFor();
}

async function closeNow() {
  await signInAs(owner.name);
  await page.getByRole('button', { name: 'Close now' }).click();
  await page
    .getByRole('dialog', { name: 'Close the pulse now?' })
    .getByRole('button', { name: 'Close now' })
    .click();
  await page.getByRole('button', { name: 'Start a pulse' }).waitFor();
}

describe('the anonymous pulse in the tab', () => {
  it('the owner starts a pulse, members answer it, the owner closes it and everyone sees the results', async () => {
    await page.goto(`${server.url}/#/pulse`);
    await page.getByRole('heading', { level: 1, name: 'Team pulse' }).waitFor();
    await startPulse('3');
    await answerAs('Ben Okafor', 'Agree', 'A shared help hour each week.');
    await screenshot('answered');
    await answerAs('Chen Wei', 'Strongly agree');
    await answerAs('Dana Levi', 'Disagree');
    // A fourth: a reader's own answer never counts, so 3 answers release nothing at a minimum of 3.
    await answerAs('Gustav Berg', 'Agree');
    await closeNow();

    await signInAs('Emeka Nwosu');
    await page.getByText('4 people answered.').waitFor();
    const table = page.getByRole('table', { name: 'Results per statement' });
    const row = table.getByRole('row').filter({ hasText: statements[0]!.text });
    // Agree (4), strongly agree (5), disagree (2), agree (4): 15 / 4.
    await row.getByText('3.75').waitFor();
    await row
      .getByRole('img', { name: /Disagree: 1, Neither: 0, Agree: 2, Strongly agree: 1/ })
      .waitFor();
    // Four answered, under the eleven written answers need: the text is not shown.
    await page
      .getByText('Written answers are shown only when at least 11 people answered.')
      .waitFor();
    expect(await page.getByText('A shared help hour each week.').count()).toBe(0);
    await screenshot('results');
  });

  it('below the minimum a closed pulse says, in words, that its results are withheld', async () => {
    await page.goto(`${server.url}/#/pulse`);
    await page.getByRole('heading', { level: 1, name: 'Team pulse' }).waitFor();
    await startPulse('4');
    await answerAs('Fatima Rahman', 'Neither');
    await closeNow();
    await page
      .getByText(
        'Withheld: only 1 person answered, and results need 5. Nothing more will be shown for this pulse.',
      )
      .waitFor();
    await screenshot('withheld');
  });
});
