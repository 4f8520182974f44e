import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CompactResSchema, LocalTokenResSchema } from '../../src/api/contract';
import { loadConfig } from '../../src/config';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES } from '../../src/local/demo-team';
import { start, type RunningServer } from '../../src/main';
import { launchBrowser, type TestBrowser } from '../support/browser';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results');

let server: RunningServer;
let dataDir: string;
let browser: TestBrowser;
let page: Page;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'tab', 'index.html'))) {
    throw new Error('The tab is not built: run `npm run build:tab` before the e2e tests.');
  }
  await mkdir(SCREENSHOTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'mutual-e2e-'));
  server = await start(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      AZURE_STORAGE_CONNECTION_STRING: inject('storageConnectionString'),
      STORAGE_TABLE_PREFIX: `e2e${randomBytes(4).toString('hex')}`,
    }),
    { log: () => undefined },
  );
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  browser = await launchBrowser();
  page = browser.page;
  page.setDefaultTimeout(15_000);
});

afterEach(async () => {
  await browser?.close();
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner') ?? DEMO_PEOPLE[0]!;
const someoneElse = DEMO_PEOPLE.find((p) => p.userId !== owner.userId)!;

/** What the API itself says the compact is, asked as the owner (the page must show exactly this). */
async function compactFromApi() {
  const minted = await fetch(`${server.url}/api/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: owner.userId }),
  });
  const { token } = LocalTokenResSchema.parse(await minted.json()).data;
  const res = await fetch(
    `${server.url}/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/compact`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const compact = CompactResSchema.parse(await res.json()).data;
  if (!compact) throw new Error('the demo team has no compact');
  return compact;
}

async function choose(combobox: Locator, option: string) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

/** Saves what the page looks like once its open / theme transitions have finished. */
async function screenshot(name: string) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `tab-${name}.png`), fullPage: true });
}

/** The page's own background, as the person sees it (0 = black, 255 = white). */
const mainBrightness = () =>
  page.locator('main').evaluate((main) => {
    const [r = 0, g = 0, b = 0] = getComputedStyle(main.parentElement!)
      .backgroundColor.match(/\d+/g)!
      .map(Number);
    return (r + g + b) / 3;
  });

describe('the tab in local mode', () => {
  it('shows the demo team, the compact, and follows the user switcher and the theme picker', async () => {
    await page.goto(server.url);

    // Pairings is the start page: the honest empty rotation, then every member of the demo team.
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    await page.getByRole('banner').getByText(DEMO_TEAM.name).waitFor();
    await page.getByText('No rotation yet. When the team owner sets up').waitFor();
    const members = page.getByRole('list', { name: 'Team members' });
    await members.waitFor();
    expect(await members.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(
      DEMO_PEOPLE.map((p) => p.name).sort((a, b) => a.localeCompare(b)),
    );
    for (const person of DEMO_PEOPLE) {
      const card = members.getByRole('listitem', { name: person.name, exact: true });
      await card.getByRole('heading', { name: person.name }).waitFor();
      await card.getByText(person.department, { exact: true }).waitFor();
      for (const skill of person.teaches) {
        await card.getByRole('list', { name: 'Can teach' }).getByText(skill.name).waitFor();
      }
    }
    const ownerCard = members.getByRole('listitem', { name: owner.name, exact: true });
    await ownerCard.getByText('Owner', { exact: true }).waitFor();
    await ownerCard.getByText('You', { exact: true }).waitFor();
    expect(page.url()).toContain('#/pairings');
    await screenshot('pairings-light');

    // Compact: the version, its origin, the response commitment and every clause.
    await page.getByRole('tab', { name: 'Compact' }).click();
    await page.getByRole('heading', { level: 1, name: 'Team Support Compact' }).waitFor();
    const compact = await compactFromApi();
    await page.getByText(`Version ${compact.version}`, { exact: true }).waitFor();
    await page
      .getByText(
        compact.adoptedBy ? `by ${compact.adoptedBy.name}` : 'Started from the Mutual template',
      )
      .waitFor();
    await page
      .getByRole('note', { name: 'Response commitment' })
      .getByText(`We respond to help requests within ${compact.responseHours} hours`)
      .waitFor();
    const clauses = page.getByRole('list', { name: 'Clauses' }).getByRole('listitem');
    expect(await clauses.allInnerTexts()).toEqual(compact.clauses.map((c) => c.text));
    await screenshot('compact-light');

    // Switching user re-signs-in as them: My profile shows their own row.
    const switcher = page.getByRole('combobox', { name: 'Signed in as' });
    expect(await switcher.textContent()).toContain(owner.name);
    await choose(switcher, someoneElse.name);
    await page.getByRole('tab', { name: 'My profile' }).click();
    const profile = page.getByRole('group', { name: 'Your profile' });
    await profile.getByRole('heading', { level: 2, name: someoneElse.name }).waitFor();
    await profile.getByText(someoneElse.department, { exact: false }).first().waitFor();
    await page.getByRole('list', { name: 'My teams' }).getByText(DEMO_TEAM.name).waitFor();

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: someoneElse.name }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Signed in as' }).textContent()).toContain(
      someoneElse.name,
    );

    // Themes: light by default here, then dark and high contrast, remembered across reloads.
    await expect.poll(mainBrightness).toBeGreaterThan(200);
    await screenshot('profile-light');
    const themes = page.getByRole('combobox', { name: 'Theme' });
    await choose(themes, 'Dark');
    await expect.poll(mainBrightness).toBeLessThan(60);
    await page.getByRole('tab', { name: 'Pairings' }).click();
    await page.getByRole('list', { name: 'Team members' }).waitFor();
    await screenshot('pairings-dark');
    await choose(themes, 'High contrast');
    await expect.poll(mainBrightness).toBeLessThan(10);
    await page.getByRole('tab', { name: 'Compact' }).click();
    await page.getByRole('list', { name: 'Clauses' }).waitFor();
    await screenshot('compact-high-contrast');
    await page.reload();
    await page.getByRole('list', { name: 'Clauses' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Theme' }).textContent()).toContain(
      'High contrast',
    );

    expect(browser.pageErrors).toEqual([]);
  });

  it('moves between pages with the keyboard', async () => {
    await page.goto(`${server.url}/#/pairings`);
    await page.getByRole('list', { name: 'Team members' }).waitFor();
    await page.getByRole('tab', { name: 'Pairings' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Help board' }).waitFor();
    expect(page.url()).toContain('#/help');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();

    // Back goes to the previous page, like any web page.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Help board' }).waitFor();
  });

  it('shows an API failure with its message, and Retry recovers', async () => {
    let failures = 1;
    await page.route('**/api/teams/*/compact', async (route) => {
      if (failures-- > 0) {
        await route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'unavailable', message: 'Storage is not answering right now.' },
          }),
        });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${server.url}/#/compact`);
    const alert = page.getByRole('alert');
    await alert.getByText('Storage is not answering right now.').waitFor();
    await screenshot('compact-error');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('list', { name: 'Clauses' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('falls back to local mode when framed by a page that is not Teams', async () => {
    // Inside an iframe teams-js waits for a host that never answers: the tab must not hang. The
    // framing page is on the server's origin, which its frame-ancestors policy allows.
    const host = `${server.url}/e2e-frame-host`;
    await page.route(host, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<iframe title="Mutual" src="${server.url}/#/compact" style="width:1200px;height:800px"></iframe>`,
      }),
    );
    await page.goto(host);
    const tab = page.frameLocator('iframe[title="Mutual"]');
    await tab.getByRole('list', { name: 'Clauses' }).waitFor();
    await tab.getByRole('combobox', { name: 'Signed in as' }).waitFor();
  });

  it('says so honestly when it runs neither in Teams nor against a local-mode server', async () => {
    await page.route('**/api/local/users', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_found', message: 'There is no API route.' } }),
      }),
    );
    await page.goto(server.url);
    await page
      .getByRole('heading', { level: 1, name: 'Open Mutual inside Microsoft Teams' })
      .waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
  });
});

describe('the sandbox', () => {
  it('runs "Ask for help" on a sample message and shows the task module pre-filled', async () => {
    const sample = SAMPLE_MESSAGES[0]!;
    await page.goto(`${server.url}/#/sandbox`);
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).waitFor();
    const samples = page.getByRole('list', { name: 'Sample messages' });
    expect(await samples.getByRole('listitem').count()).toBe(SAMPLE_MESSAGES.length);

    await samples
      .getByRole('listitem', { name: `Message from ${sample.authorName}` })
      .getByRole('button', { name: 'Ask for help' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // The bot's card quotes the message, as Teams would show it in the task module.
    await dialog.getByText(sample.text, { exact: true }).waitFor();
    await dialog.getByText(sample.authorName, { exact: true }).waitFor();
    await screenshot('sandbox-task-module');

    // Its submit is previewed, not sent.
    await dialog
      .getByRole('textbox')
      .first()
      .fill('The retry job times out and I do not know why.');
    await dialog.getByRole('button', { name: 'Ask for help' }).click();
    const preview = dialog
      .getByRole('status')
      .filter({ hasText: 'Preview of what would be submitted' });
    await preview
      .getByText('The retry job times out and I do not know why.', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(browser.pageErrors).toEqual([]);
  });

  it("renders what the bot sends as Adaptive Cards, newest first, without running the card's text as HTML", async () => {
    await page.goto(`${server.url}/#/sandbox`);
    const botMessages = page.getByRole('region', { name: 'Bot messages' });
    await botMessages.getByText('The bot has not sent anything yet').waitFor();

    // What the bot would post through the Bot Connector (the local connector stores it).
    const hostile = '<img src=x onerror="window.__injected = true"> **Ana** needs help';
    const posted = await fetch(
      `${server.url}/local/connector/v3/conversations/${encodeURIComponent(DEMO_TEAM.teamId)}/activities`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: {
                type: 'AdaptiveCard',
                version: '1.5',
                body: [{ type: 'TextBlock', text: hostile, wrap: true }],
                actions: [{ type: 'Action.Execute', title: 'I can help', verb: 'claim' }],
              },
            },
          ],
        }),
      },
    );
    expect(posted.ok).toBe(true);

    // Polling picks it up without a reload.
    const card = botMessages.getByRole('listitem');
    await card.first().waitFor({ timeout: 12_000 });
    await card
      .getByText('<img src=x onerror="window.__injected = true">', { exact: false })
      .waitFor();
    expect(await card.locator('strong').innerText()).toBe('Ana');
    expect(
      await page.evaluate(() => (window as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    await card.getByRole('button', { name: 'I can help' }).click();
    await card.getByText('Preview of what would be submitted').waitFor();
    await screenshot('sandbox-bot-messages');
  });
});
