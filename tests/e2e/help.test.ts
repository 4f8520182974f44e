import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  HelpBoardResSchema,
  HelpRequestResSchema,
  HelpSettingsResSchema,
  SandboxSubmitResSchema,
  type HelpRequestDto,
} from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES } from '../../src/local/demo-team';
import { apiRequests, choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
// Every step below reads `page`: point it at this test's own browser.
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const person = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;
const team = encodeURIComponent(DEMO_TEAM.teamId);
// The channel card goes out through the notification queue: give a slow machine time.
const DELIVERY_MS = 45_000;

const screenshot = (name: string) => saveScreenshot(page, `help-${name}`);

/** Calls the API directly as a demo user, and answers the status and the parsed body. */
async function call<S extends z.ZodType>(
  userId: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<{ status: number; data: z.output<S> | undefined; raw: unknown }> {
  const token = await server.tokenFor(userId);
  const res = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw: unknown = await res.json();
  const parsed = schema.safeParse(raw);
  return { status: res.status, data: parsed.success ? parsed.data : undefined, raw };
}

async function board(userId: string): Promise<HelpRequestDto[]> {
  const answer = await call(userId, `/api/teams/${team}/help`, HelpBoardResSchema);
  expect(answer.status, JSON.stringify(answer.raw)).toBe(200);
  return answer.data!.data.requests;
}

/** A request made as the sandbox's task module makes it, without the browser. */
async function askForHelp(
  userId: string,
  messageId: string,
  blocker: string,
  extra: Record<string, unknown> = {},
) {
  const answer = await call(
    userId,
    '/api/local/sandbox/message-action/submit',
    SandboxSubmitResSchema,
    {
      userId,
      messageId,
      data: {
        blocker,
        skills: '',
        urgency: 'normal',
        action: 'createHelpRequest',
        messageId,
        ...extra,
      },
    },
  );
  expect(answer.status, JSON.stringify(answer.raw)).toBe(200);
  expect(answer.data?.data.kind, JSON.stringify(answer.raw)).toBe('message');
  const made = (await board(userId)).find((r) => r.blocker === blocker);
  expect(made).toBeDefined();
  return made!;
}

const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);

/** The board's card for a request, found by its requester in one status section. */
function boardCard(
  section: 'Open' | 'Claimed' | 'Resolved recently',
  requester: string,
  text: string,
) {
  return page
    .getByRole('list', { name: `${section} help requests` })
    .getByRole('listitem', { name: requester })
    .filter({ hasText: text });
}

/** The bot's message in a channel of the demo team (`General` …) that holds `text`. */
const channelMessage = (channel: string, text: string): Locator =>
  page
    .getByRole('region', { name: 'Bot messages' })
    .getByRole('listitem', { name: `${DEMO_TEAM.name} · ${channel},` })
    .filter({ hasText: text });

describe('asking for help in local mode', () => {
  it('runs from a message to a claim on the channel card, then resolve and thanks on the board', async () => {
    const requester = person('Ana Souza');
    const helper = person('Chen Wei');
    const sample = SAMPLE_MESSAGES[0];
    const blocker = 'The retry job times out after 20 minutes and I cannot see why in the logs.';

    // The requester runs "Ask for help" on a channel message in the sandbox.
    await page.goto(`${server.url}/#/sandbox`);
    await signInAs(requester.name);
    const samples = page.getByRole('list', { name: 'Sample messages' });
    await samples
      .getByRole('listitem', { name: `Message from ${sample.authorName}` })
      .getByRole('button', { name: 'Ask for help' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(sample.text, { exact: true }).waitFor();
    await dialog.getByRole('textbox', { name: /What blocks you/ }).fill(blocker);
    await dialog
      .getByRole('textbox', { name: /Skills that would help/ })
      .fill('SQL, Data pipelines');
    await dialog.getByRole('radio', { name: 'I am blocked right now' }).check();
    await screenshot('task-module');
    await dialog.getByRole('button', { name: 'Ask for help' }).click();
    await dialog.getByText('Help request made').waitFor({ timeout: 30_000 });
    await screenshot('task-module-sent');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const [made] = (await board(requester.userId)).filter((r) => r.blocker === blocker);
    expect(made).toMatchObject({
      status: 'open',
      urgency: 'high',
      requester: { id: requester.userId, name: requester.name },
      source: { text: sample.text, authorName: sample.authorName },
    });
    expect(made!.skills).toEqual(['SQL', 'Data pipelines']);

    // The bot posts the request in the team's channel; the sandbox shows the card.
    const channelCard = channelMessage('General', blocker);
    await channelCard.waitFor({ timeout: DELIVERY_MS });
    await channelCard.getByText(`${requester.name} is blocked and asks for help`).waitFor();
    await channelCard.getByText('Nobody yet').first().waitFor();
    // Times are Adaptive Card DATE / TIME functions, drawn in the reader's zone, never raw.
    expect(await channelCard.innerText()).not.toContain('{{');

    // Someone else says "I can help" on the card: it changes in place to show them helping.
    await signInAs(helper.name);
    await channelCard.waitFor({ timeout: DELIVERY_MS });
    await channelCard.getByRole('button', { name: 'I can help' }).click();
    await channelCard.getByText(`${helper.name} is helping.`).waitFor({ timeout: 30_000 });
    expect(await channelCard.getByRole('alert').count()).toBe(0);
    await screenshot('channel-card-claimed');

    // The help board shows it claimed by them.
    await page.getByRole('tab', { name: 'Help board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Help board' }).waitFor();
    const claimed = boardCard('Claimed', requester.name, blocker);
    await claimed.waitFor();
    const facts = claimed.getByRole('definition');
    await expect.poll(() => facts.allInnerTexts()).toContain(helper.name);
    await claimed.getByText('You are helping', { exact: true }).waitFor();
    await claimed.getByText(sample.text, { exact: true }).waitFor();
    await claimed.getByText('Blocked right now', { exact: true }).waitFor();
    for (const skill of ['SQL', 'Data pipelines']) {
      await claimed
        .getByRole('list', { name: 'Skills that would help' })
        .getByText(skill)
        .waitFor();
    }
    const link = claimed.getByRole('link', { name: 'Open message in Teams' });
    expect(await link.getAttribute('href')).toBe(made!.source.link);
    expect(await link.getAttribute('rel')).toContain('noopener');
    await screenshot('board-claimed');

    // Filters: it is the helper's own; it is not overdue (a claimed request never is).
    const filters = page.getByRole('group', { name: 'Filter help requests' });
    await filters.getByRole('radio', { name: /^Mine/ }).check();
    await claimed.waitFor();
    expect(page.url()).toContain('show=mine');
    await filters.getByLabel('Skill').selectOption({ label: 'SQL' });
    await claimed.waitFor();
    await filters.getByRole('radio', { name: /^Overdue/ }).check();
    await page.getByRole('heading', { level: 2, name: 'Nothing matches these filters' }).waitFor();
    await claimed.waitFor({ state: 'detached' });
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await claimed.waitFor();
    expect(await filters.getByRole('radio', { name: /^All/ }).isChecked()).toBe(true);

    // The helper marks it resolved from the board: it moves to "Resolved recently".
    await claimed.getByRole('button', { name: 'Resolved' }).click();
    const resolved = boardCard('Resolved recently', requester.name, blocker);
    await resolved.getByText('Marked as resolved.').waitFor();
    await claimed.waitFor({ state: 'detached' });
    expect(await resolved.getByRole('button', { name: 'Thank' }).count()).toBe(0);
    await screenshot('board-resolved');

    // The requester thanks the helper, with a short story.
    await signInAs(requester.name);
    await resolved.waitFor();
    await resolved.getByText('You asked', { exact: true }).waitFor();
    await resolved.getByRole('button', { name: 'Thank' }).click();
    const thanks = page.getByRole('dialog', { name: `Thank ${helper.name}` });
    await thanks.getByRole('textbox').fill('We found the lock on the staging table together.');
    await screenshot('thank-dialog');
    await thanks.getByRole('button', { name: 'Send thanks' }).click();
    await thanks.waitFor({ state: 'hidden' });
    await resolved.getByText('Your thanks were sent.').waitFor();
    await resolved.getByRole('term').filter({ hasText: 'Thanked' }).waitFor();
    await expect.poll(() => resolved.getByRole('button', { name: 'Thank' }).count()).toBe(0);

    const [done] = (await board(requester.userId)).filter((r) => r.id === made!.id);
    expect(done).toMatchObject({ status: 'resolved', helper: { id: helper.userId } });
    expect(done!.resolvedAt).not.toBeNull();
    expect(done!.thankedAt).not.toBeNull();
    await screenshot('board-thanked');
    expect(browser.pageErrors).toEqual([]);
  }, 240_000);

  it('says who has a request when someone else claimed it first, and shows it claimed', async () => {
    const requester = person('Dana Levi');
    const first = person('Ivan Petrov');
    const late = person('Hana Sato');
    const blocker = 'Which query gives monthly cohorts? Mine double-counts people who churn twice.';
    const request = await askForHelp(requester.userId, SAMPLE_MESSAGES[1].id, blocker);

    await page.goto(`${server.url}/#/help`);
    await signInAs(late.name);
    const open = boardCard('Open', requester.name, blocker);
    await open.waitFor();
    // Plain text: what someone typed is never read as markup.
    expect(await open.getByText(blocker, { exact: true }).count()).toBe(1);

    // Someone else claims it while this board is on screen.
    const claim = await call(
      first.userId,
      `/api/teams/${team}/help/${request.id}/claim`,
      HelpRequestResSchema,
      {},
    );
    expect(claim.status, JSON.stringify(claim.raw)).toBe(200);

    await open.getByRole('button', { name: 'I can help' }).click();
    const claimedCard = boardCard('Claimed', requester.name, blocker);
    const alert = claimedCard.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`${first.name} is already helping`);
    await expect
      .poll(() => claimedCard.getByRole('definition').allInnerTexts())
      .toContain(first.name);
    expect(await claimedCard.getByRole('button', { name: 'I can help' }).count()).toBe(0);
    await screenshot('board-conflict');
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('says in words which requests are overdue, and filters them', async () => {
    const hour = 3_600_000;
    const at = (hours: number) =>
      new Date(server.clock.now().getTime() + hours * hour).toISOString();
    const build = (over: Partial<HelpRequestDto> & Pick<HelpRequestDto, 'id' | 'blocker'>) => ({
      status: 'open',
      requester: { id: 'r', name: 'Gustav Berg' },
      helper: null,
      buddy: null,
      skills: [],
      urgency: 'normal',
      source: { text: 'Has anyone seen this before?', authorName: 'Gustav Berg', link: '' },
      createdAt: at(-6),
      dueAt: at(-2),
      responseHours: 4,
      firstResponseAt: null,
      resolvedAt: null,
      thankedAt: null,
      overdue: false,
      mine: null,
      can: { claim: true, release: false, resolve: false, thank: false },
      revision: 1,
      ...over,
    });
    const late = build({ id: 'h00000000000000a1', blocker: 'Late one', overdue: true });
    const fresh = build({
      id: 'h00000000000000a2',
      blocker: 'Fresh one',
      createdAt: at(-1),
      dueAt: at(3),
      skills: ['Kubernetes'],
    });
    await page.route('**/api/teams/*/help', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ data: { requests: [fresh, late], resolvedSinceDays: 30 } }),
      }),
    );
    await page.goto(`${server.url}/#/help`);
    const open = page.getByRole('list', { name: 'Open help requests' });
    await open.waitFor();
    // Due soonest first; the late one says so in words, the other when it is due.
    await expect
      .poll(() => open.locator(':scope > [role=listitem]').allInnerTexts())
      .toEqual([expect.stringContaining('Late one'), expect.stringContaining('Fresh one')]);
    const lateCard = open.getByRole('listitem').filter({ hasText: 'Late one' });
    await lateCard.getByText('Overdue', { exact: true }).waitFor();
    await lateCard.getByText('Overdue: it was due 2 hours ago').waitFor();
    const freshCard = open.getByRole('listitem').filter({ hasText: 'Fresh one' });
    await freshCard.getByText('An answer is due in 3 hours', { exact: false }).waitFor();
    expect(await freshCard.getByText('Overdue', { exact: true }).count()).toBe(0);
    // No link to a message Teams did not give one for.
    expect(await lateCard.getByRole('link').count()).toBe(0);

    const filters = page.getByRole('group', { name: 'Filter help requests' });
    await filters.getByRole('radio', { name: 'Overdue (1)' }).check();
    await freshCard.waitFor({ state: 'detached' });
    await lateCard.waitFor();
    expect(page.url()).toContain('show=overdue');
    // The filters live in the address: a reload keeps them.
    await page.reload();
    await lateCard.waitFor();
    expect(await freshCard.count()).toBe(0);
    expect(await filters.getByRole('radio', { name: /^Overdue/ }).isChecked()).toBe(true);
    await filters.getByRole('radio', { name: /^All/ }).check();
    await filters.getByLabel('Skill').selectOption({ label: 'Kubernetes' });
    await freshCard.waitFor();
    await lateCard.waitFor({ state: 'detached' });
    await screenshot('board-overdue');
    expect(browser.pageErrors).toEqual([]);
  });

  it('claims with one request, the POST, and the board shows the request claimed', async () => {
    const requester = person('Ben Okafor');
    const helper = person('Chen Wei');
    const blocker = 'The staging deploy hangs at the migration step: where is its log?';
    const request = await askForHelp(requester.userId, SAMPLE_MESSAGES[1].id, blocker);

    await page.goto(`${server.url}/#/help`);
    await signInAs(helper.name);
    const open = boardCard('Open', requester.name, blocker);
    await open.waitFor();

    const requests = apiRequests(page);
    await open.getByRole('button', { name: 'I can help' }).click();
    const claimed = boardCard('Claimed', requester.name, blocker);
    await claimed.getByText('You are helping', { exact: true }).waitFor();
    await expect.poll(() => claimed.getByRole('definition').allInnerTexts()).toContain(helper.name);
    expect(await claimed.getByRole('button', { name: 'Resolved' }).count()).toBe(1);
    expect(await requests.after()).toEqual([`POST /api/teams/${team}/help/${request.id}/claim`]);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('shows an empty board honestly', async () => {
    await page.route('**/api/teams/*/help', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ data: { requests: [], resolvedSinceDays: 30 } }),
      }),
    );
    await page.goto(`${server.url}/#/help`);
    await page.getByRole('heading', { level: 2, name: 'No open requests' }).waitFor();
    await page
      .getByText('Use “Ask for help” from any message’s … menu', { exact: false })
      .waitFor();
    expect(await page.getByRole('group', { name: 'Filter help requests' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });

  it('lets an owner choose the support channel: the next request is posted there, and members read it', async () => {
    const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
    const member = person('Ben Okafor');
    await page.goto(`${server.url}/#/settings`);
    await signInAs(owner.name);
    const form = page.getByRole('form', { name: 'Help request settings' });
    await form.waitFor();
    const channel = form.getByRole('combobox', { name: 'Support channel' });
    await choose(channel, 'Help desk');
    await form.getByRole('button', { name: 'Save support channel' }).click();
    await form.getByText('Help requests are posted in Help desk from now on.').waitFor();
    const saved = await call(
      owner.userId,
      `/api/teams/${team}/help-settings`,
      HelpSettingsResSchema,
    );
    expect(saved.data?.data.supportChannel.name).toBe('Help desk');
    await screenshot('settings-owner');

    // Members see where requests go, and cannot change it.
    await signInAs(member.name);
    const section = page.getByRole('region', { name: 'Help requests' });
    await section.getByText('Help requests are posted in Help desk.', { exact: false }).waitFor();
    expect(await page.getByRole('form', { name: 'Help request settings' }).count()).toBe(0);
    const refused = await fetch(`${server.url}/api/teams/${team}/help-settings`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await server.tokenFor(member.userId)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ channelId: saved.data!.data.supportChannel.id }),
    });
    expect(refused.status).toBe(403);

    // The next request's card goes to that channel.
    const blocker =
      'The hero banner fails the contrast check and I do not know which colour to change.';
    await askForHelp(member.userId, SAMPLE_MESSAGES[2].id, blocker);
    await page.getByRole('tab', { name: 'Sandbox' }).click();
    const card = channelMessage('Help desk', blocker);
    await card.waitFor({ timeout: DELIVERY_MS });
    await card.getByText(`${member.name} is blocked and asks for help`).waitFor();
    expect(await channelMessage('General', blocker).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
