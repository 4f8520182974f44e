import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CompactResSchema, type DeadLetterDto } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES } from '../../src/local/demo-team';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';
import { parkTestNotification } from '../support/notify';

const { server, browser } = useLocalModeTab();
// Every step below reads `page`: point it at this test's own browser.
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner') ?? DEMO_PEOPLE[0]!;
const someoneElse = DEMO_PEOPLE.find((p) => p.userId !== owner.userId)!;

/** What the API itself says the compact is, asked as the owner (the page must show exactly this). */
async function compactFromApi() {
  const token = await server.tokenFor(owner.userId);
  const res = await fetch(
    `${server.url}/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/compact`,
    { headers: { authorization: `Bearer ${token}` } },
  );
  const compact = CompactResSchema.parse(await res.json()).data;
  if (!compact) throw new Error('the demo team has no compact');
  return compact;
}

const screenshot = (name: string) => saveScreenshot(page, `tab-${name}`);

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

    // Pairings is the start page: skill share with no round yet, then every member of the team.
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    await page.getByRole('banner').getByText(DEMO_TEAM.name).waitFor();
    await page
      .getByRole('tablist', { name: 'Programs' })
      .getByRole('tab', { name: 'Skill share' })
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'No round yet' }).waitFor();
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
    // Help board → Compact → Kudos.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await page.getByRole('heading', { level: 1, name: 'Kudos' }).waitFor();
    expect(page.url()).toContain('#/kudos');

    // Back goes to the previous page, like any web page.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Help board' }).waitFor();
  });

  it('shows an API failure with its message, and Retry recovers', async () => {
    let failures = 1;
    await page.route('**/api/teams/*/compact/overview', async (route) => {
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
    let lookups = 0;
    await page.route('**/api/local/users', (route) => {
      lookups += 1;
      return route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_found', message: 'There is no API route.' } }),
      });
    });

    // The manifest's privacy and terms links open here in a plain browser: no sign-in, no API.
    await page.goto(`${server.url}/#/terms`);
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    await page.goto(`${server.url}/#/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    expect(lookups).toBe(0);

    await page.goto(server.url);
    await page
      .getByRole('heading', { level: 1, name: 'Open Mutual inside Microsoft Teams' })
      .waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(lookups).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Terms of use' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows the privacy and terms pages without signing in, and links to them from the tab', async () => {
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    await page.goto(`${server.url}/#/privacy`);
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    for (const section of [
      'What Mutual keeps',
      'Where it is kept',
      'Who can see what',
      'Keeping and deleting',
      'What Mutual never does',
    ]) {
      await page.getByRole('heading', { level: 2, name: section }).waitFor();
    }
    expect(await page.title()).toBe('Privacy · Mutual');
    await screenshot('privacy');
    await page
      .getByRole('navigation', { name: 'About Mutual' })
      .getByRole('link', { name: 'Terms of use' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'No guarantees' }).waitFor();
    expect(page.url()).toContain('#/terms');
    await screenshot('terms');
    expect(apiCalls).toEqual([]);

    // Into the tab (local mode starts only now), and back to the privacy page from its footer.
    await page.getByRole('link', { name: 'Open Mutual' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    expect(apiCalls.length).toBeGreaterThan(0);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Pairings' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('the sandbox', () => {
  it('runs "Ask for help" on a sample message: the task module pre-filled, and its submit answered by the bot', async () => {
    const sample = SAMPLE_MESSAGES[0]!;
    await page.goto(`${server.url}/#/sandbox`);
    await page.getByRole('heading', { level: 1, name: 'Sandbox' }).waitFor();
    const samples = page.getByRole('list', { name: 'Sample messages' });
    // The samples load after the heading shows: wait for the last before counting.
    await samples
      .getByRole('listitem')
      .nth(SAMPLE_MESSAGES.length - 1)
      .waitFor();
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

    // The submit goes to the bot. Only spaces pass the card's own check, not the bot's: the form
    // comes back with what was typed and what to fix.
    const blocker = dialog.getByRole('textbox', { name: /What blocks you/ });
    await blocker.fill('   ');
    await dialog.getByRole('button', { name: 'Ask for help' }).click();
    await dialog.getByText('The bot sent the form back', { exact: false }).waitFor();
    expect(await dialog.getByText('Help request made').count()).toBe(0);
    await screenshot('sandbox-task-module-refused');

    await blocker.fill('The retry job times out and I do not know why.');
    await dialog.getByRole('button', { name: 'Ask for help' }).click();
    await dialog.getByText('Help request made').waitFor();
    expect(await dialog.getByRole('button', { name: 'Ask for help' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(browser.pageErrors).toEqual([]);
  });

  it("renders what the bot sends as Adaptive Cards, newest first, without running the card's text as HTML", async () => {
    await page.goto(`${server.url}/#/sandbox`);
    const botMessages = page.getByRole('region', { name: 'Bot messages' });
    // Loaded (the test above may have left the bot's answer to its help request here).
    await botMessages
      .getByRole('list', { name: 'Bot messages' })
      .or(botMessages.getByText('The bot has not sent anything yet'))
      .waitFor();

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
    const card = botMessages.getByRole('listitem').filter({ hasText: 'needs help' });
    await card.waitFor({ timeout: 12_000 });
    await card
      .getByText('<img src=x onerror="window.__injected = true">', { exact: false })
      .waitFor();
    expect(await card.locator('strong').innerText()).toBe('Ana');
    expect(
      await page.evaluate(() => (window as { __injected?: boolean }).__injected),
    ).toBeUndefined();
    // Its button goes to the bot, which does not know it: said under the card, as Teams does.
    await card.getByRole('button', { name: 'I can help' }).click();
    await card.getByRole('alert').getByText('Mutual does not know that button.').waitFor();
    await screenshot('sandbox-bot-messages');
  });
});

describe('the Settings page', () => {
  const member = DEMO_PEOPLE.find((p) => p.name === 'Ben Okafor')!;
  const SECTION = 'Notifications that could not be delivered';
  const deadLettersUrl = /\/api\/teams\/[^/]+\/dead-letters(\/[^?]*)?(\?.*)?$/;
  const json = (status: number, body: unknown) => ({
    status,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });

  /** Ids as the notifier makes them hold `~`, `:` and `@`: the tab must encode them in the path. */
  const buildLetter = (
    notificationId: string,
    recipient: string,
    summary: string,
    over: Partial<DeadLetterDto> = {},
  ): DeadLetterDto => ({
    notificationId,
    recipient,
    summary,
    reason: 'The bot was removed from this chat (403).',
    attempts: 5,
    failedAt: '2025-11-21T09:30:00.000Z',
    ...over,
  });

  const rowOf = (summary: string) => page.getByRole('row').filter({ hasText: summary });

  it('lets an owner send an undelivered notification again or discard it, and undoes what failed', async () => {
    const stored = [
      buildLetter('rotation~r7:ben@contoso', 'Ben Okafor', 'Your skill-share partner is Chen Wei'),
      buildLetter('help~h42:19:general@thread', 'Team channel', 'Dana needs help with SQL plans', {
        reason: 'Teams kept answering 429 (throttled).',
        attempts: 8,
        failedAt: '2025-11-20T16:05:00.000Z',
      }),
      buildLetter('nudge~n3:dana@contoso', 'Dana Levi', 'A help request waits for an answer', {
        reason: 'Teams answered 502 Bad Gateway.',
        attempts: 6,
        failedAt: '2025-11-19T08:00:00.000Z',
      }),
    ];
    const calls: string[] = [];
    // The next action call waits for this, then fails with it (when set).
    let hold: { release: Promise<void>; answer: { status: number; body: unknown } } | null = null;
    await page.route(deadLettersUrl, async (route) => {
      const request = route.request();
      const path = new URL(request.url()).pathname;
      calls.push(`${request.method()} ${path}`);
      const id = /\/dead-letters\/([^/]+)/.exec(path)?.[1];
      if (id === undefined) return route.fulfill(json(200, { data: stored }));
      if (hold) {
        const { release, answer } = hold;
        hold = null;
        await release;
        return route.fulfill(json(answer.status, answer.body));
      }
      const index = stored.findIndex((l) => l.notificationId === decodeURIComponent(id));
      if (index < 0) {
        return route.fulfill(
          json(404, {
            error: {
              code: 'not_found',
              message: 'That undelivered notification is no longer in the list.',
            },
          }),
        );
      }
      stored.splice(index, 1);
      return route.fulfill(json(200, { data: { notificationId: decodeURIComponent(id) } }));
    });
    const team = encodeURIComponent(DEMO_TEAM.teamId);
    const [first, second, third] = stored.map((l) => ({ ...l }));

    await page.goto(`${server.url}/#/settings`);
    const grid = page.getByRole('grid', { name: /Undelivered notifications, newest first/ });
    await grid.waitFor();
    expect(await grid.getByRole('columnheader').allInnerTexts()).toEqual([
      'Recipient',
      'What it was',
      'Why it failed',
      'Attempts',
      'When',
      'Actions',
    ]);
    expect(await grid.getByRole('row').count()).toBe(4);
    const firstCells = await rowOf(first!.summary).getByRole('gridcell').allInnerTexts();
    expect(firstCells.slice(0, 4)).toEqual([
      first!.recipient,
      first!.summary,
      first!.reason,
      String(first!.attempts),
    ]);
    await screenshot('settings-owner');

    // Keyboard: the arrow keys walk the row to its Retry button; Enter sends it again.
    await rowOf(first!.summary).getByRole('gridcell').first().focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Retry');
    await page.keyboard.press('Enter');
    await rowOf(first!.summary).waitFor({ state: 'detached' });
    await page.getByText('Queued to send again').waitFor();
    expect(calls).toContain(
      `POST /api/teams/${team}/dead-letters/rotation~r7%3Aben%40contoso/retry`,
    );
    // Focus stays in the section instead of falling off the removed row.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(SECTION);

    // A failure: the row goes at once, then comes back with the reason.
    let release!: () => void;
    hold = {
      release: new Promise<void>((resolve) => (release = resolve)),
      answer: {
        status: 503,
        body: { error: { code: 'unavailable', message: 'Storage is not answering right now.' } },
      },
    };
    await rowOf(second!.summary)
      .getByRole('button', { name: /^Retry/ })
      .click();
    await rowOf(second!.summary).waitFor({ state: 'detached' });
    release();
    const alert = page.getByRole('alert');
    await alert.getByText('The notification could not be sent again').waitFor();
    await alert.getByText('Storage is not answering right now.').waitFor();
    await rowOf(second!.summary).waitFor();
    await screenshot('settings-owner-failure');
    await alert.getByRole('button', { name: 'Dismiss' }).click();

    // Discard asks first; "Keep it" keeps it.
    const discard = rowOf(third!.summary).getByRole('button', { name: /^Discard/ });
    await discard.click();
    const dialog = page.getByRole('dialog', { name: 'Discard this notification?' });
    await dialog
      .getByText(`“${third!.summary}” to ${third!.recipient} will not be sent.`)
      .waitFor();
    await screenshot('settings-discard-dialog');
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rowOf(third!.summary).waitFor();
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
    await discard.click();
    await dialog.getByRole('button', { name: 'Discard' }).click();
    await rowOf(third!.summary).waitFor({ state: 'detached' });
    await page.getByText('Discarded', { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(SECTION);
    expect(calls).toContain(`DELETE /api/teams/${team}/dead-letters/nudge~n3%3Adana%40contoso`);

    // Another owner got there first: the server's message, and the list as it is now.
    stored.length = 0;
    const listed = calls.filter((c) => c.startsWith('GET')).length;
    await rowOf(second!.summary)
      .getByRole('button', { name: /^Retry/ })
      .click();
    await page.getByText('That undelivered notification is no longer in the list.').waitFor();
    await page.getByText('Every notification was delivered.').waitFor();
    expect(calls.filter((c) => c.startsWith('GET')).length).toBeGreaterThan(listed);
    expect(browser.pageErrors).toEqual([]);
  });

  it('tells a member that only owners manage settings, without the undelivered notifications', async () => {
    const deadLetterCalls: string[] = [];
    page.on('request', (request) => {
      if (deadLettersUrl.test(request.url())) deadLetterCalls.push(request.url());
    });
    await page.goto(`${server.url}/#/settings`);
    await page.getByRole('heading', { level: 2, name: SECTION }).waitFor();
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    await page.getByText('Only team owners manage settings.', { exact: false }).waitFor();
    // The programs in words, with nothing to change.
    await page.getByRole('heading', { level: 3, name: 'Skill share' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Culture Guardian' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save skill share' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Rotate now' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: SECTION }).count()).toBe(0);
    expect(await page.getByRole('grid').count()).toBe(0);
    await screenshot('settings-member');
    // Only the owner's visit asked for the list.
    expect(deadLetterCalls).toHaveLength(1);
  });

  it('shows the owner a notification the server parked; Retry sends it again', async () => {
    const summary = `Your skill-share partner this round (${randomBytes(3).toString('hex')})`;
    const id = await parkTestNotification(server.storage, { summary, userId: member.userId });

    await page.goto(`${server.url}/#/settings`);
    const row = rowOf(summary);
    await row.waitFor();
    expect((await row.getByRole('gridcell').first().innerText()).trim()).toBe(member.name);
    await screenshot('settings-owner-parked');
    const retried = page.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        new URL(r.url()).pathname ===
          `/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/dead-letters/${encodeURIComponent(id)}/retry`,
    );
    await row.getByRole('button', { name: /^Retry/ }).click();
    expect((await retried).status()).toBe(200);
    await row.waitFor({ state: 'detached' });
    await page.getByText('Queued to send again').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: SECTION }).waitFor();
    // Loaded again from the server: the row is gone there too.
    await page
      .getByRole('grid')
      .or(page.getByText('Every notification was delivered.'))
      .first()
      .waitFor();
    expect(await rowOf(summary).count()).toBe(0);

    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    await page.getByText('Only team owners manage settings.', { exact: false }).waitFor();
    expect(await page.getByRole('heading', { name: SECTION }).count()).toBe(0);
  });
});
