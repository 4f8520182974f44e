import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../src/local/demo-team';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const person = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;
const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);

describe('kudos in the tab', () => {
  it('gives kudos to two teammates, shows it in the feed and in the recipient’s profile', async () => {
    const story = 'Ben and Chen stayed on the call until the release was out. Thank you!';
    await page.goto(`${server.url}/#/kudos`);
    await signInAs('Ana Souza');
    await page.getByRole('heading', { level: 1, name: 'Kudos' }).waitFor();
    await page.getByRole('heading', { name: 'No kudos yet' }).waitFor();

    await page.getByRole('button', { name: 'Give kudos' }).click();
    const dialog = page.getByRole('dialog', { name: 'Give kudos' });
    const storyBox = dialog.getByRole('textbox', { name: /What did they do/ });
    await storyBox.fill(story);
    await dialog.getByText(`${story.length} of 500 characters`, { exact: false }).waitFor();

    // Nobody chosen: the error is shown by the teammates field, and the story is kept.
    await dialog.getByRole('button', { name: 'Give kudos' }).click();
    const fieldError = dialog.getByText('Choose at least one teammate to thank.');
    await fieldError.waitFor();
    // By the field, not in the dialog's general failure message.
    expect(await dialog.getByText('The kudos were not given').count()).toBe(0);
    expect(await storyBox.inputValue()).toBe(story);
    await saveScreenshot(page, 'kudos-field-error');

    // Choose two teammates by typing and picking; oneself is not offered.
    const find = dialog.getByRole('combobox', { name: 'Find a teammate' });
    await find.click();
    await page.getByRole('option', { name: /Ben Okafor/ }).waitFor();
    expect(await page.getByRole('option', { name: /Ana Souza/ }).count()).toBe(0);
    await find.pressSequentially('Ben');
    await page.getByRole('option', { name: /Ben Okafor/ }).click();
    await find.pressSequentially('Chen');
    await page.getByRole('option', { name: /Chen Wei/ }).click();
    await expect.poll(() => fieldError.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Give kudos' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const feed = page.getByRole('list', { name: 'The team’s kudos' });
    const item = feed
      .getByRole('group', { name: 'Kudos from Ana Souza' })
      .filter({ hasText: story });
    await item.getByText('Ana Souza thanked Ben Okafor and Chen Wei').waitFor();
    expect(await feed.getByText(story).count()).toBe(1);
    await saveScreenshot(page, 'kudos-feed');

    // Ben finds it in My profile, under Received; nothing under Given.
    await signInAs(person('Ben Okafor').name);
    await page.goto(`${server.url}/#/me`);
    const kudos = page.getByRole('region', { name: 'Kudos', exact: true });
    await kudos.getByRole('tab', { name: 'Received' }).waitFor();
    await kudos.getByRole('list', { name: 'Kudos you received' }).getByText(story).waitFor();
    await kudos.getByRole('tab', { name: 'Given' }).click();
    await kudos.getByRole('heading', { name: 'No kudos given yet' }).waitFor();
    await saveScreenshot(page, 'kudos-my-profile');
    expect(browser.pageErrors).toEqual([]);
  });
});
