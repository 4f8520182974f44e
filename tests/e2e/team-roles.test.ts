import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { MemberRolesResSchema } from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM } from '../../src/local/demo-team';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
const member = DEMO_PEOPLE.find((p) => p.name === 'Ben Okafor')!;
const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);

async function rolesFromApi(userId: string) {
  const res = await fetch(`${server.url}/api/teams/${encodeURIComponent(DEMO_TEAM.teamId)}/roles`, {
    headers: { authorization: `Bearer ${await server.tokenFor(userId)}` },
  });
  return MemberRolesResSchema.parse(await res.json()).data;
}

describe('owners in Settings', () => {
  it('an owner promotes a member with the keyboard after confirming; the new owner can demote, members see no buttons', async () => {
    await page.goto(`${server.url}/#/settings`);
    await signInAs(member.name);
    const list = page.getByRole('list', { name: 'Members and their roles' });
    await list.waitFor();
    expect(await list.getByRole('button').count()).toBe(0);

    await signInAs(owner.name);
    await list.getByRole('listitem').filter({ hasText: member.name }).waitFor();
    // The last owner has no Demote button; every member has Promote.
    expect(await list.getByRole('button', { name: /a member, not an owner/ }).count()).toBe(0);
    const promote = list.getByRole('button', { name: `Make ${member.name} an owner` });
    await promote.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Make ${member.name} an owner?` });
    await dialog.waitFor();
    await saveScreenshot(page, 'settings-promote-confirm');
    await dialog.getByRole('button', { name: 'Promote' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${member.name} is an owner now.` })
      .waitFor();
    await list
      .getByRole('listitem')
      .filter({ hasText: member.name })
      .getByText('Owner · promoted by an owner')
      .waitFor();
    await list.getByRole('button', { name: `Make ${owner.name} a member, not an owner` }).waitFor();
    expect((await rolesFromApi(owner.userId)).find((r) => r.id === member.userId)).toMatchObject({
      role: 'owner',
      ownerGrant: 'promoted',
    });

    await signInAs(member.name);
    await list.getByRole('button', { name: `Make ${owner.name} a member, not an owner` }).waitFor();
    await saveScreenshot(page, 'settings-roles-new-owner');
  });
});
