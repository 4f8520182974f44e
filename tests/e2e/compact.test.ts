import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  CompactOverviewResSchema,
  CompactSettingsResSchema,
  ProposalResSchema,
} from '../../src/api/contract';
import { diffWords } from '../../src/core/compact/diff';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { apiRequests, choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
// Every step below reads `page`: point it at this test's own browser.
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const person = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;
const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
const team = encodeURIComponent(DEMO_TEAM.teamId);
const screenshot = (name: string) => saveScreenshot(page, `compact-${name}`);

/** Calls the team's API directly as a demo user: what the page shows must match it. */
async function call<S extends z.ZodType>(
  userId: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<{ status: number; data: z.output<S> | undefined; raw: unknown }> {
  const res = await fetch(`${server.url}/api/teams/${team}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${await server.tokenFor(userId)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw: unknown = await res.json();
  const parsed = schema.safeParse(raw);
  return { status: res.status, data: parsed.success ? parsed.data : undefined, raw };
}

async function overview(userId: string) {
  const answer = await call(userId, '/compact/overview', CompactOverviewResSchema);
  expect(answer.status, JSON.stringify(answer.raw)).toBe(200);
  return answer.data!.data;
}

/** A new clause proposed through the API, as a member would in the tab. */
async function proposeClause(userId: string, text: string, reason: string) {
  const made = await call(userId, '/compact/proposals', ProposalResSchema, {
    kind: 'add',
    clauseId: '',
    text,
    commitmentHours: null,
    reason,
  });
  expect(made.status, JSON.stringify(made.raw)).toBe(201);
  return made.data!.data;
}

const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);

/** Waits until the Compact page has loaded for whoever is signed in now. */
async function compactLoaded() {
  await page.getByRole('heading', { level: 2, name: 'Current version' }).waitFor();
  await page.getByRole('list', { name: 'Clauses' }).waitFor();
}

const openProposal = (title: string, reason: string): Locator =>
  page
    .getByRole('list', { name: 'Open proposals' })
    .getByRole('listitem', { name: title })
    .filter({ hasText: reason });

const section = (name: string) => page.getByRole('region', { name, exact: true });

describe('the Support Compact in the tab', () => {
  it('proposes a change as one member, endorses it as another, adopts it as the owner, and shows the new version and its diff', async () => {
    const proposer = person('Ben Okafor');
    const endorser = person('Chen Wei');
    const before = await overview(owner.userId);
    const base = before.current!;
    // The clause that states the response time: the change rewords it and moves it to 6 hours.
    const clause = base.clauses.find((c) => c.commitment)!;
    const hours = clause.commitment!.hours;
    expect(clause.text).toContain(`within ${hours} working hours`);
    const rewritten = `${clause.text.replace(`within ${hours} working`, 'within 6 working')} We say so in the team channel.`;
    const reason = 'Say out loud that the team shares this, and where we say it.';

    await page.goto(`${server.url}/#/compact`);
    await signInAs(proposer.name);
    await compactLoaded();
    await page.getByText(`Version ${base.version}`, { exact: true }).waitFor();

    // The proposer changes the second clause: the dialog starts from its current text.
    await page.getByRole('button', { name: 'Propose a change' }).click();
    const dialog = page.getByRole('dialog', { name: 'Propose a change' });
    await dialog.getByRole('radio', { name: 'Change a clause' }).check();
    await dialog.getByRole('combobox', { name: 'Clause' }).selectOption(clause.id);
    const text = dialog.getByRole('textbox', { name: 'The clause as it would read' });
    expect(await text.inputValue()).toBe(clause.text);
    await text.fill(rewritten);
    const responseTime = dialog.getByRole('spinbutton', {
      name: /Respond to help requests within/,
    });
    expect(await responseTime.inputValue()).toBe(String(hours));
    await responseTime.fill('6');
    await dialog.getByRole('textbox', { name: 'Why?' }).fill(reason);
    await screenshot('propose-dialog');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Your proposal is open: the team can endorse it or object.').waitFor();

    const title = `Change a clause, proposed by ${proposer.name}`;
    const card = openProposal(title, reason);
    await card.waitFor();
    const change = card.getByRole('definition');
    expect(await change.allInnerTexts()).toEqual([
      clause.text,
      rewritten,
      `From ${hours} hours to 6 hours.`,
    ]);
    await card.getByText(`Why: ${reason}`).waitFor();
    // Whoever proposes it endorses it; they may withdraw it, not adopt it.
    await card
      .getByRole('list', { name: /Endorsed by/ })
      .getByText(proposer.name)
      .waitFor();
    await card.getByRole('button', { name: 'Withdraw' }).waitFor();
    expect(await card.getByRole('button', { name: 'Adopt' }).count()).toBe(0);
    expect(await card.getByRole('button', { name: 'Endorse' }).count()).toBe(0);

    // Another member endorses it.
    await signInAs(endorser.name);
    await card.waitFor();
    expect(await card.getByRole('button', { name: 'Adopt' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Endorse' }).click();
    await page.getByText('You endorsed the proposal.').waitFor();
    const endorsers = card.getByRole('list', { name: /Endorsed by/ }).getByRole('listitem');
    await expect.poll(() => endorsers.allInnerTexts()).toEqual([proposer.name, endorser.name]);
    await card.getByText('You endorsed it.').waitFor();
    await screenshot('endorsed');

    // The owner adopts it: a new version, with the changed clause.
    await signInAs(owner.name);
    await card.waitFor();
    await card.getByRole('button', { name: 'Adopt' }).click();
    const confirm = page.getByRole('dialog', { name: 'Adopt this proposal?' });
    await confirm.getByRole('button', { name: 'Adopt' }).click();
    const next = base.version + 1;
    await page.getByText(`Adopted: the compact is now version ${next}.`).waitFor();
    await page.getByText(`Version ${next}`, { exact: true }).waitFor();
    await card.waitFor({ state: 'detached' });
    const clauses = page.getByRole('list', { name: 'Clauses' }).getByRole('listitem');
    await expect.poll(() => clauses.allInnerTexts()).toContain(rewritten);
    await page.getByText(new RegExp(`^Adopted on .+ by ${owner.name}$`)).waitFor();
    await page
      .getByRole('note', { name: 'Response commitment' })
      .getByText('We respond to help requests within 6 hours')
      .waitFor();
    expect((await overview(owner.userId)).current?.version).toBe(next);

    // Decided proposals are folded away, with what became of them.
    await page.getByRole('button', { name: 'Decided proposals (1)' }).click();
    const decided = page
      .getByRole('list', { name: 'Decided proposals' })
      .getByRole('listitem', { name: title });
    await decided.getByText('Adopted', { exact: true }).first().waitFor();
    await decided.getByText(`version ${next}`, { exact: true }).waitFor();

    // History: both versions, and the diff of the latest two, word by word.
    const history = section('History');
    const versions = history.getByRole('list', { name: 'Versions, latest first' });
    await expect.poll(() => versions.getByRole('listitem').count()).toBe(next);
    await versions
      .getByRole('listitem')
      .first()
      .getByText(`adopted by ${owner.name}`, { exact: false })
      .waitFor();
    // An earlier version reads as it did when it was adopted.
    await history.getByRole('button', { name: `Read version ${base.version}` }).click();
    const earlier = page.getByRole('dialog', { name: `The compact at version ${base.version}` });
    const earlierClauses = earlier
      .getByRole('list', { name: `Clauses of version ${base.version}` })
      .getByRole('listitem');
    await expect
      .poll(() => earlierClauses.allInnerTexts())
      .toEqual(base.clauses.map((c) => c.text));
    await earlier.getByRole('button', { name: 'Close' }).click();
    await earlier.waitFor({ state: 'hidden' });

    const diff = history.getByRole('list', {
      name: `Changes from version ${base.version} to version ${next}`,
    });
    await diff.waitFor();
    const parts = diffWords(clause.text, rewritten);
    const added = parts.filter((p) => p.kind === 'added').map((p) => p.text);
    const removed = parts.filter((p) => p.kind === 'removed').map((p) => p.text);
    expect(removed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    expect(await diff.locator('ins').allTextContents()).toEqual(added);
    expect(await diff.locator('del').allTextContents()).toEqual(removed);
    const changed = diff.getByRole('listitem').filter({ has: page.locator('ins') });
    await changed.getByText('Changed', { exact: true }).waitFor();
    await changed.getByText(`Response time: ${hours} hours → 6 hours`).waitFor();
    expect(await diff.getByText('Unchanged', { exact: true }).count()).toBe(
      base.clauses.length - 1,
    );
    await screenshot('history-diff');

    // Hiding the unchanged clauses leaves the change alone.
    await history.getByRole('switch', { name: 'Show unchanged clauses' }).uncheck();
    await expect.poll(() => diff.getByRole('listitem').count()).toBe(1);

    // Any two versions compare: the other way round, the same words swap sides.
    await history.getByRole('combobox', { name: 'From' }).selectOption(String(next));
    await history.getByRole('combobox', { name: 'To' }).selectOption(String(base.version));
    const back = history.getByRole('list', {
      name: `Changes from version ${next} to version ${base.version}`,
    });
    await back.waitFor();
    const reversed = diffWords(rewritten, clause.text);
    expect(await back.locator('ins').allTextContents()).toEqual(
      reversed.filter((p) => p.kind === 'added').map((p) => p.text),
    );
    expect(await back.locator('del').allTextContents()).toEqual(
      reversed.filter((p) => p.kind === 'removed').map((p) => p.text),
    );
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('shows a refused proposal beside its field, and a stale endorsement as a conflict it recovers from', async () => {
    const member = person('Dana Levi');
    const other = person('Emeka Nwosu');
    await page.goto(`${server.url}/#/compact`);
    await signInAs(member.name);
    await compactLoaded();

    // An empty clause: the server's message goes under the clause field; nothing is made.
    await page.getByRole('button', { name: 'Propose a change' }).click();
    const dialog = page.getByRole('dialog', { name: 'Propose a change' });
    await dialog.getByRole('radio', { name: 'Add a clause' }).check();
    await dialog.getByRole('textbox', { name: 'Why?' }).fill('We keep forgetting this.');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    const clauseField = dialog.getByRole('textbox', { name: 'The new clause' });
    await dialog.getByText('Write the clause: it cannot be empty.').waitFor();
    expect(await clauseField.getAttribute('aria-invalid')).toBe('true');

    // Only one clause states the response time: a new clause is not offered one.
    await clauseField.fill('We answer within a day.');
    const setsTime = dialog.getByRole('checkbox', {
      name: 'This clause sets the team’s response time',
    });
    await dialog.getByText('Write the clause: it cannot be empty.').waitFor({ state: 'detached' });
    expect(await setsTime.count()).toBe(0);

    // Changing the clause that states it offers it; beyond two weeks is refused before sending.
    const current = (await overview(member.userId)).current!;
    const timed = current.clauses.find((c) => c.commitment)!;
    await dialog.getByRole('radio', { name: 'Change a clause' }).check();
    await dialog.getByRole('combobox', { name: 'Clause' }).selectOption(timed.id);
    expect(await setsTime.isChecked()).toBe(true);
    const responseTime = dialog.getByRole('spinbutton', {
      name: /Respond to help requests within/,
    });
    expect(await responseTime.inputValue()).toBe(String(timed.commitment!.hours));
    await responseTime.fill('10000');
    await dialog.getByRole('textbox', { name: 'Why?' }).fill('We keep forgetting this.');
    await dialog.getByRole('button', { name: 'Propose' }).click();
    await dialog
      .getByText('A response time is a whole number of hours from 1 to 336', { exact: false })
      .waitFor();
    expect(await responseTime.getAttribute('aria-invalid')).toBe('true');
    await screenshot('propose-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const open = (await overview(member.userId)).proposals.filter((p) => p.status === 'open');
    expect(open.filter((p) => p.proposedBy.id === member.userId)).toEqual([]);

    // Someone else's proposal, endorsed by a third person after this page loaded it.
    const reason = 'Reviews go faster when nobody waits a whole day.';
    const made = await proposeClause(
      other.userId,
      'We look at a review request before the end of the working day.',
      reason,
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    const card = openProposal(`Add a clause, proposed by ${other.name}`, reason);
    await card.waitFor();
    const third = person('Fatima Rahman');
    const stance = await call(
      third.userId,
      `/compact/proposals/${made.id}/stance`,
      ProposalResSchema,
      { stance: 'endorse', comment: '', revision: made.revision },
    );
    expect(stance.status, JSON.stringify(stance.raw)).toBe(200);

    // This page still holds the older revision: the server refuses, and the page reloads it.
    await card.getByRole('button', { name: 'Endorse' }).click();
    const alert = card.getByRole('alert');
    await alert.getByText('This proposal changed since you loaded it', { exact: false }).waitFor();
    const endorsers = card.getByRole('list', { name: /Endorsed by/ }).getByRole('listitem');
    await expect.poll(() => endorsers.allInnerTexts()).toContain(third.name);
    await screenshot('conflict');

    // With the proposal as it is now, the endorsement goes through.
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await card.getByRole('button', { name: 'Endorse' }).click();
    await page.getByText('You endorsed the proposal.').waitFor();
    await expect.poll(() => endorsers.allInnerTexts()).toContain(member.name);
    expect(await card.getByRole('alert').count()).toBe(0);

    // An objection needs a comment, and shows it.
    await signInAs(person('Gustav Berg').name);
    await card.waitFor();
    await card.getByRole('button', { name: 'Object' }).click();
    const objecting = page.getByRole('dialog', { name: 'Object to this proposal' });
    await objecting.getByRole('button', { name: 'Object' }).click();
    await objecting.getByText('Say what you object to', { exact: false }).waitFor();
    await objecting.getByRole('textbox').fill('Support has on-call days when this cannot hold.');
    await objecting.getByRole('button', { name: 'Object' }).click();
    await objecting.waitFor({ state: 'hidden' });
    await card
      .getByRole('list', { name: /Objections/ })
      .getByText('Gustav Berg: “Support has on-call days when this cannot hold.”')
      .waitFor();
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('endorses with one request, the POST, and the proposal shows the endorsement', async () => {
    const proposer = person('Hana Sato');
    const endorser = person('Ivan Petrov');
    const reason = 'A handover note saves the next person an hour.';
    const made = await proposeClause(
      proposer.userId,
      'We leave a short handover note when we pass work on.',
      reason,
    );

    await page.goto(`${server.url}/#/compact`);
    await signInAs(endorser.name);
    await compactLoaded();
    const card = openProposal(`Add a clause, proposed by ${proposer.name}`, reason);
    await card.waitFor();

    const requests = apiRequests(page);
    await card.getByRole('button', { name: 'Endorse' }).click();
    await page.getByText('You endorsed the proposal.').waitFor();
    await card.getByText('You endorsed it.').waitFor();
    const endorsers = card.getByRole('list', { name: /Endorsed by/ }).getByRole('listitem');
    await expect.poll(() => endorsers.allInnerTexts()).toEqual([proposer.name, endorser.name]);
    expect(await card.getByRole('button', { name: 'Endorse' }).count()).toBe(0);
    expect(await requests.after()).toEqual([
      `POST /api/teams/${team}/compact/proposals/${made.id}/stance`,
    ]);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('records "I commit to this" for the current version, and says so after a reload', async () => {
    const member = person('Hana Sato');
    const current = (await overview(member.userId)).current!;
    await page.goto(`${server.url}/#/compact`);
    await signInAs(member.name);
    await compactLoaded();
    const committed = page.getByRole('list', { name: `Committed to version ${current.version}` });
    const notYet = page.getByRole('list', { name: 'Not yet' });
    await notYet.getByText(member.name, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'I commit to this' }).click();
    await page.getByText(`You committed to version ${current.version} on`).waitFor();
    await committed.getByText(member.name, { exact: true }).waitFor();
    await expect.poll(() => notYet.getByText(member.name, { exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'I commit to this' }).count()).toBe(0);
    const after = await overview(member.userId);
    expect(after.myAcknowledgedAt).not.toBeNull();
    expect(after.acknowledged.map((a) => a.person.id)).toContain(member.userId);
    await screenshot('committed');

    await page.reload();
    await compactLoaded();
    await page.getByText(`You committed to version ${current.version} on`).waitFor();
    // Someone else has not committed yet, and is asked to.
    await signInAs(person('Ivan Petrov').name);
    await compactLoaded();
    await page.getByRole('button', { name: 'I commit to this' }).waitFor();
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('lets an owner record a review and set the review cadence; members read the settings', async () => {
    const member = person('Julia Costa');
    await page.goto(`${server.url}/#/compact`);
    await signInAs(owner.name);
    await compactLoaded();

    const review = section('Review');
    await review.getByText('No review has been recorded yet.').waitFor();
    await review.getByRole('button', { name: 'Record a review' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a review' });
    const today = await dialog.getByLabel('Held on').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await dialog.getByRole('checkbox', { name: owner.name }).check();
    await dialog.getByRole('checkbox', { name: member.name }).check();
    await dialog.getByRole('textbox', { name: /What did the team conclude/ }).fill('We keep it.');
    await dialog.getByRole('button', { name: 'Record review' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const past = review.getByRole('list', { name: 'Past reviews, latest first' });
    const recorded = past.getByRole('listitem').first();
    await recorded.getByText('We keep it.').waitFor();
    const names = [owner.name, member.name].sort((a, b) => a.localeCompare(b));
    await recorded.getByText(`Took part (2): ${names.join(', ')}`).waitFor();

    // Settings: the owner changes the cadence and the next review day.
    await page.getByRole('tab', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Compact settings' });
    await form.waitFor();
    await form.getByRole('combobox', { name: 'Review the compact every' }).selectOption('6');
    const day = new Date(server.clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Next review').fill(day);
    await form.getByRole('button', { name: 'Save compact settings' }).click();
    await form.getByText('Compact settings saved').waitFor();
    const saved = await call(owner.userId, '/compact-settings', CompactSettingsResSchema);
    expect(saved.data?.data).toMatchObject({ reviewEveryMonths: 6, nextReviewOn: day });
    await form
      .getByText(`Reminders go out at 9:00 in ${saved.data!.data.reviewTimeZone}`, { exact: false })
      .waitFor();
    await screenshot('settings-owner');

    // A member reads them and cannot change them.
    await signInAs(member.name);
    const settings = page.getByRole('region', { name: 'Support Compact' });
    await settings.getByRole('definition').filter({ hasText: 'Every 6 months' }).waitFor();
    expect(await page.getByRole('form', { name: 'Compact settings' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);

  it('adopts a proposal by itself once a majority of the members taking part endorse it', async () => {
    await page.goto(`${server.url}/#/settings`);
    await signInAs(owner.name);
    const form = page.getByRole('form', { name: 'Compact settings' });
    await form.getByRole('radio', { name: 'A majority of the members taking part' }).check();
    await form.getByRole('button', { name: 'Save compact settings' }).click();
    await form.getByText('Compact settings saved').waitFor();

    const proposer = person('Kofi Mensah');
    const reason = 'Nobody should have to guess whether a question was seen.';
    const made = await proposeClause(
      proposer.userId,
      'We react to a question in the channel, even before we have the answer.',
      reason,
    );
    const before = await overview(owner.userId);
    expect(before.settings.adoptionRule).toBe('majority');
    const { needed, takingPart } = before.majority;
    expect(needed).toBe(Math.floor(takingPart / 2) + 1);
    // Everyone but the last endorser needed, the proposer (who endorses their own) included.
    const last = person('Lena Fischer');
    const others = DEMO_PEOPLE.filter(
      (p) => p.userId !== proposer.userId && p.userId !== last.userId,
    ).slice(0, needed - 2);
    let revision = made.revision;
    for (const endorser of others) {
      const answer = await call(
        endorser.userId,
        `/compact/proposals/${made.id}/stance`,
        ProposalResSchema,
        { stance: 'endorse', comment: '', revision },
      );
      expect(answer.status, JSON.stringify(answer.raw)).toBe(200);
      expect(answer.data!.data.status).toBe('open');
      revision = answer.data!.data.revision;
    }

    await page.getByRole('tab', { name: 'Compact' }).click();
    await signInAs(last.name);
    await compactLoaded();
    await page.getByText(`once ${needed} of the ${takingPart} members taking part`).waitFor();
    const card = openProposal(`Add a clause, proposed by ${proposer.name}`, reason);
    await card.getByText(`Endorsements: ${needed - 1} of ${needed} needed`).waitFor();
    expect(await card.getByRole('button', { name: 'Adopt' }).count()).toBe(0);
    await screenshot('majority');

    // The endorsement that makes the majority adopts it: a new version, with the new clause.
    await card.getByRole('button', { name: 'Endorse' }).click();
    const next = before.current!.version + 1;
    await page.getByText(`Adopted: the compact is now version ${next}.`).waitFor();
    await page.getByText(`Version ${next}`, { exact: true }).waitFor();
    await page
      .getByRole('list', { name: 'Clauses' })
      .getByText('We react to a question in the channel, even before we have the answer.')
      .waitFor();
    const diff = section('History').getByRole('list', {
      name: `Changes from version ${next - 1} to version ${next}`,
    });
    // The comparison loads after the page redraws with the new version: wait for it.
    await diff.waitFor();
    expect(await diff.locator('ins').allTextContents()).toEqual([
      'We react to a question in the channel, even before we have the answer.',
    ]);
    expect(await diff.locator('del').count()).toBe(0);

    // The diff stays readable in the dark and high-contrast themes.
    const themes = page.getByRole('combobox', { name: 'Theme' });
    for (const theme of ['Dark', 'High contrast']) {
      await choose(themes, theme);
      await diff.locator('ins').first().scrollIntoViewIfNeeded();
      await screenshot(`history-${theme.toLowerCase().replace(' ', '-')}`);
    }
    expect(browser.pageErrors).toEqual([]);
  }, 120_000);
});
