import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PersonalDataSchema } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { deactivateTeam } from '../../src/services/team/register-installation';
import { createTableStorage } from '../../src/store';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';
import { tablePorts } from '../support/storage';

const { server, browser } = useLocalModeTab();
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner') ?? DEMO_PEOPLE[0]!;
const member = DEMO_PEOPLE.find((p) => p.userId !== owner.userId)!;

describe('Your data on My profile', () => {
  it('downloads the member’s own data as a file, and deletes it after a keyboard-operable confirmation', async () => {
    await page.goto(server.url);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    await page.getByRole('tab', { name: 'My profile' }).click();
    const section = page.getByRole('group', { name: 'Your data' });
    await section.waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mutual-data-.+-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = PersonalDataSchema.parse(
      JSON.parse(await readFile(await download.path(), 'utf8')),
    );
    expect(saved.member).toMatchObject({ userId: member.userId, name: member.name });
    expect(saved.team.id).toBe(DEMO_TEAM.teamId);
    await section.getByText(`Your browser saves it as ${download.suggestedFilename()}.`).waitFor();
    await saveScreenshot(page, 'personal-data-section');

    // The dialog says what goes and what stays; Escape keeps everything.
    await section.getByRole('button', { name: 'Delete my data' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Delete your data in ${DEMO_TEAM.name}?` });
    await dialog.getByText('Kept, without your name').waitFor();
    await saveScreenshot(page, 'personal-data-confirm');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    const token = await server.tokenFor(member.userId);
    const still = await fetch(
      `${server.url}/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/me/data`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(
      PersonalDataSchema.parse(((await still.json()) as { data: unknown }).data).member.name,
    ).toBe(member.name);

    await section.getByRole('button', { name: 'Delete my data' }).click();
    await dialog.getByRole('button', { name: 'Delete my data' }).click();
    await page.getByText(`Your data in ${DEMO_TEAM.name} was deleted`).waitFor();
    const after = await fetch(
      `${server.url}/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/me/data`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(
      PersonalDataSchema.parse(((await after.json()) as { data: unknown }).data).member,
    ).toMatchObject({ name: '', active: false, department: '', teaches: [] });
    await saveScreenshot(page, 'personal-data-deleted');
    expect(browser.pageErrors).toEqual([]);
  });

  it('lets an owner remove the data of a team Mutual was removed from, after typing its name', async () => {
    // Mutual uninstalled from the demo team, recorded by the use case the bot calls, on the
    // server's clock (only an owner from before the uninstall may remove the data).
    const ports = tablePorts(createTableStorage(server.storage), server.clock);
    const ref = { tenantId: DEMO_TEAM.tenantId, teamId: DEMO_TEAM.teamId };
    expect(await deactivateTeam(ref, ports)).toBe(true);

    await page.goto(`${server.url}/#/me`);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), owner.name);
    const list = page.getByRole('list', { name: 'Teams Mutual was removed from' });
    await list.getByText(DEMO_TEAM.name, { exact: true }).waitFor();
    await list.getByRole('button', { name: `Remove the data of ${DEMO_TEAM.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Remove the data of ${DEMO_TEAM.name}?` });
    await dialog.getByRole('button', { name: 'Remove its data' }).click();
    await dialog.getByText('Type the team’s name to confirm.').waitFor();
    const confirm = dialog.getByLabel(`Type “${DEMO_TEAM.name}” to confirm`);
    await confirm.fill('Not the name');
    await dialog.getByRole('button', { name: 'Remove its data' }).click();
    await dialog.getByText('Type the team’s name exactly as it is shown to confirm.').waitFor();
    expect((await ports.teams.get(ref))?.value.active).toBe(false);
    await saveScreenshot(page, 'removed-team-confirm');

    await confirm.fill(DEMO_TEAM.name);
    await dialog.getByRole('button', { name: 'Remove its data' }).click();
    await page.getByText(`Mutual’s data for ${DEMO_TEAM.name} is gone`, { exact: false }).waitFor();
    expect(await ports.teams.get(ref)).toBeUndefined();
    expect(await ports.members.list(ref)).toEqual([]);
    expect(await list.count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
