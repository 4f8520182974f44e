import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  GuardianResSchema,
  ProfileResSchema,
  RoundResSchema,
  RoundsResSchema,
  type RoundDto,
} from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM, type DemoPerson } from '../../src/local/demo-team';
import { apiRequests, choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
// Every step below reads `page`: point it at this test's own browser.
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const owner = DEMO_PEOPLE.find((p) => p.role === 'owner') ?? DEMO_PEOPLE[0]!;
const team = encodeURIComponent(DEMO_TEAM.teamId);

/** Calls the API directly, as a demo user: what the page shows must match it. */
async function api<S extends z.ZodType>(userId: string, path: string, schema: S, body?: unknown) {
  const token = await server.tokenFor(userId);
  const res = await fetch(`${server.url}/api/teams/${team}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return schema.parse(await res.json()) as z.output<S>;
}

const screenshot = (name: string) => saveScreenshot(page, `pairings-${name}`);

/** The groups a list on the page shows, each as its members' names in order. */
async function groupsShown(list: Locator): Promise<string[][]> {
  const groups = list.getByRole('listitem', { name: /^Group \d+$/ });
  const count = await groups.count();
  const shown: string[][] = [];
  for (let i = 0; i < count; i++) {
    const members = list.getByRole('list', { name: `Members of group ${i + 1}` });
    // Each member: the avatar, then their name above their department.
    const names = await members
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map(
          (item) =>
            item.querySelector(':scope > span:last-child > :first-child')?.textContent ?? '',
        ),
      );
    shown.push(names);
  }
  return shown;
}

const personOf = (p: DemoPerson) => ({ id: p.userId, name: p.name, department: p.department });

function buildRound(over: Partial<RoundDto> & Pick<RoundDto, 'id' | 'createdAt'>): RoundDto {
  return {
    program: 'skill_share',
    status: 'published',
    publishedAt: over.createdAt,
    revision: 1,
    groups: [],
    unplaced: [],
    totalWeight: 1,
    myGroup: null,
    myCheckIn: null,
    progress: null,
    checkIns: { met: 0, not_yet: 0, skipped: 0 },
    ...over,
  };
}

const namesOf = (round: RoundDto) => round.groups.map((g) => g.members.map((m) => m.name));
const sorted = (groups: string[][]) =>
  groups.map((g) => [...g].sort()).sort((a, b) => a.join().localeCompare(b.join()));

describe('pairings in local mode', () => {
  it('lets the owner set up skill share, review and adjust a draft, publish it, and a member check in', async () => {
    // Settings: skill share on, every 2 weeks, with a preview.
    await page.goto(`${server.url}/#/settings`);
    const form = page.getByRole('form', { name: 'Skill share settings' });
    await form.waitFor();
    await form.getByRole('switch', { name: 'Run skill share' }).check();
    await form.getByLabel('How often').selectOption({ label: 'Every 2 weeks' });
    await form.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday' });
    await form.getByLabel('Hour', { exact: true }).selectOption({ label: '10:00' });
    await form.getByRole('switch', { name: 'Preview before publishing' }).check();
    await form.getByRole('button', { name: 'Save skill share' }).click();
    await form.getByText('Skill share saved').waitFor();
    await form.getByText(/^Next round:/).waitFor();
    expect(await form.getByText(/^Next round:/).innerText()).toContain('Tuesday');
    await screenshot('settings-owner');

    // Make a round now: with the preview on, it waits as a draft.
    await form.getByRole('button', { name: 'Make a round now' }).click();
    await form.getByText('Draft round ready').waitFor();
    await form.getByRole('link', { name: 'Review it on Pairings' }).click();

    await page.getByRole('heading', { level: 2, name: 'Draft round' }).waitFor();
    expect(page.url()).toContain('#/pairings?program=skill_share');
    const draftList = page.getByRole('list', { name: 'Groups in this draft' });
    await draftList.waitFor();
    const before = await groupsShown(draftList);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const { current: draft } = (
      await api(owner.userId, '/rounds?program=skill_share', RoundsResSchema)
    ).data;
    expect(draft?.status).toBe('draft');
    expect(before).toEqual(namesOf(draft!));
    // Every group says why it was made.
    for (const group of draft!.groups) await draftList.getByText(group.reason).first().waitFor();
    await screenshot('draft');

    // Swap the first person of group 1 with the first of group 2, with the keyboard-friendly form.
    const a = before[0]![0]!;
    const b = before[1]![0]!;
    await page.getByLabel('First person').selectOption({ label: a });
    await page.getByLabel('Second person').selectOption({ label: b });
    await page.getByRole('button', { name: 'Swap', exact: true }).click();
    await page.getByText(`${a} and ${b} swapped groups.`).waitFor();
    const expected = before.map((group) =>
      group.map((name) => (name === a ? b : name === b ? a : name)),
    );
    await expect.poll(async () => sorted(await groupsShown(draftList))).toEqual(sorted(expected));
    const swapped = (await api(owner.userId, `/rounds/${draft!.id}`, RoundResSchema)).data;
    expect(sorted(namesOf(swapped))).toEqual(sorted(expected));
    expect(swapped.revision).toBeGreaterThan(draft!.revision);
    await screenshot('draft-swapped');

    // Two people from one group cannot be swapped: said by the form, nothing sent.
    const swapCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/swap')) swapCalls.push(request.url());
    });
    const together = expected.find((g) => g.length >= 2)!;
    await page.getByLabel('First person').selectOption({ label: together[0]! });
    await page.getByLabel('Second person').selectOption({ label: together[1]! });
    await page.getByRole('button', { name: 'Swap', exact: true }).click();
    await page.getByRole('alert').getByText('are already in the same group').waitFor();
    expect(swapCalls).toEqual([]);

    // Another owner swaps first: this page's revision is stale, so the server refuses, the page
    // says so and keeps the groups it showed, and Reload shows the draft as it is now.
    const elsewhere = (
      await api(owner.userId, `/rounds/${draft!.id}/swap`, RoundResSchema, {
        a: swapped.groups[0]!.members[1]!.id,
        b: swapped.groups[1]!.members[1]!.id,
        revision: swapped.revision,
      })
    ).data;
    await page.getByLabel('First person').selectOption({ label: expected[0]![0]! });
    await page
      .getByLabel('Second person')
      .selectOption({ label: expected[2]?.[0] ?? expected[1]![0]! });
    await page.getByRole('button', { name: 'Swap', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'This draft changed; reload' });
    await conflict.waitFor();
    expect(sorted(await groupsShown(draftList))).toEqual(sorted(expected));
    await screenshot('draft-conflict');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect
      .poll(async () => sorted(await groupsShown(draftList)))
      .toEqual(sorted(namesOf(elsewhere)));

    // The rest of the journey in the dark theme (the screenshots show it there).
    await choose(page.getByRole('combobox', { name: 'Theme' }), 'Dark');

    // Publish asks first, then shows the notifications going out.
    await page.getByRole('button', { name: 'Publish round' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish this round?' });
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const sent = page.getByText(/^Sent (\d+) of \1$/);
    await sent.waitFor({ timeout: 45_000 });
    const total = Number(/of (\d+)/.exec(await sent.innerText())![1]);
    expect(total).toBeGreaterThan(0);
    await page.getByText('Everyone in this round was told').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Draft round' }).waitFor({
      state: 'detached',
    });
    await screenshot('published');

    // A member in the round sees their partner and checks in.
    const published = (await api(owner.userId, `/rounds/${draft!.id}`, RoundResSchema)).data;
    expect(published.status).toBe('published');
    const group = published.groups.find((g) => g.members.some((m) => m.id !== owner.userId))!;
    const member = group.members.find((m) => m.id !== owner.userId)!;
    const partners = group.members.filter((m) => m.id !== member.id);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    const partnerList = page.getByRole('list', { name: /^Your skill-share (partner|group)$/ });
    await partnerList.waitFor();
    for (const partner of partners) {
      await partnerList.getByRole('heading', { name: partner.name }).waitFor();
      await partnerList.getByText(partner.department, { exact: true }).waitFor();
    }
    await page.getByText(group.reason).first().waitFor();
    // Members never see a draft, nor the owner's controls.
    expect(await page.getByRole('button', { name: 'Publish round' }).count()).toBe(0);

    const checkIn = page.getByRole('group', { name: 'Did you meet?' });
    const met = checkIn.getByRole('button', { name: 'Met' });
    expect(await met.getAttribute('aria-pressed')).toBe('false');
    await met.click();
    await checkIn.getByText('Saved: You met.').waitFor();
    expect(await met.getAttribute('aria-pressed')).toBe('true');
    const answered = (await api(member.id, `/rounds/${published.id}`, RoundResSchema)).data;
    expect(answered.myCheckIn).toBe('met');
    await screenshot('member-partner');

    // The answer is kept: it is there after a reload too.
    await page.reload();
    await page.getByRole('group', { name: 'Did you meet?' }).getByText('Saved: You met.').waitFor();
    expect(browser.pageErrors).toEqual([]);
  });

  it('shows past rounds latest first, folded, with their check-in tally, and why someone was left out', async () => {
    const [ana, ben, chen, dana] = DEMO_PEOPLE;
    const pair = (x: DemoPerson, y: DemoPerson, reason: string) => ({
      members: [personOf(x), personOf(y)],
      reason,
      weight: 0.5,
    });
    const older = buildRound({
      id: 'skill_share-202509010900',
      createdAt: '2025-09-01T09:00:00.000Z',
      groups: [
        pair(ana!, chen!, 'Ana teaches Chen SQL.'),
        pair(ben!, dana!, 'Ben and Dana differ.'),
      ],
      myGroup: 0,
      checkIns: { met: 1, not_yet: 2, skipped: 1 },
    });
    const newer = buildRound({
      id: 'skill_share-202510010900',
      createdAt: '2025-10-01T09:00:00.000Z',
      groups: [pair(ana!, ben!, 'Ana teaches Ben SQL; Ben teaches Ana design reviews.')],
      myGroup: 0,
      checkIns: { met: 3, not_yet: 1, skipped: 0 },
    });
    const current = buildRound({
      id: 'skill_share-202511010900',
      createdAt: '2025-11-01T09:00:00.000Z',
      groups: [pair(ben!, chen!, 'Ben and Chen work in different departments.')],
      unplaced: [
        {
          id: ana!.userId,
          name: ana!.name,
          reason: 'The count was odd and you were paired last time.',
        },
      ],
    });
    await page.route('**/api/teams/*/rounds?program=skill_share', (route) =>
      route.fulfill({
        contentType: 'application/json',
        // Out of order on purpose: the page sorts them.
        body: JSON.stringify({ data: { current, past: [older, newer] } }),
      }),
    );
    await page.goto(`${server.url}/#/pairings`);
    expect(ana!.userId).toBe(owner.userId);
    await page
      .getByText('You are not in this round: The count was odd and you were paired last time.')
      .waitFor();
    await page
      .getByRole('list', { name: 'Not placed in this round' })
      .getByText('The count was odd and you were paired last time.')
      .waitFor();

    const dates = await page.evaluate(
      (isos) =>
        isos.map((iso) =>
          new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date(iso)),
        ),
      [newer.createdAt, older.createdAt],
    );
    const section = page.getByRole('region', { name: 'Past rounds' });
    const headers = section.getByRole('button');
    expect(await headers.allInnerTexts()).toEqual([
      expect.stringContaining(`${dates[0]} · 1 group`),
      expect.stringContaining(`${dates[1]} · 2 groups`),
    ]);
    expect(await headers.nth(0).innerText()).toContain('3 met · 1 not yet · 0 skipped');
    expect(await headers.nth(1).innerText()).toContain('1 met · 2 not yet · 1 skipped');
    // Folded until opened, from the keyboard.
    const olderGroups = section.getByRole('list', { name: `Groups of the round of ${dates[1]}` });
    expect(await olderGroups.count()).toBe(0);
    expect(await headers.nth(1).getAttribute('aria-expanded')).toBe('false');
    await headers.nth(1).focus();
    await page.keyboard.press('Enter');
    await olderGroups.waitFor();
    expect(await groupsShown(olderGroups)).toEqual([
      [ana!.name, chen!.name],
      [ben!.name, dana!.name],
    ]);
    await olderGroups.getByText('Ana teaches Chen SQL.').waitFor();
    await screenshot('past-rounds');
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('the Culture Guardian', () => {
  it('lets the owner switch the rotation on and rotate now; members read it', async () => {
    await page.goto(`${server.url}/#/settings`);
    const form = page.getByRole('form', { name: 'Culture Guardian settings' });
    await form.waitFor();
    const rotate = form.getByRole('button', { name: 'Rotate now' });
    await form.getByRole('switch', { name: 'Rotate a Culture Guardian' }).check();
    await form.getByLabel('Each term lasts').selectOption({ label: '2 months' });
    await form.getByRole('button', { name: 'Save Culture Guardian' }).click();
    await form.getByText('The role rotates every 2 months.').waitFor();
    expect((await api(owner.userId, '/guardian', GuardianResSchema)).data).toMatchObject({
      enabled: true,
      everyMonths: 2,
    });

    // Rotating asks first; Cancel changes nothing.
    await rotate.click();
    const dialog = page.getByRole('dialog', { name: 'Rotate the Culture Guardian now?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rotate.click();
    await dialog.getByRole('button', { name: 'Rotate now' }).click();
    await form.getByText(/is the Culture Guardian now/).waitFor();
    const guardian = (await api(owner.userId, '/guardian', GuardianResSchema)).data;
    expect(guardian.current).not.toBeNull();
    const current = page.getByRole('group', { name: 'Current Culture Guardian' });
    await current.getByText(guardian.current!.name, { exact: true }).waitFor();
    await screenshot('guardian-owner');

    const member = DEMO_PEOPLE.find((p) => p.role !== 'owner')!;
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    await page.getByText('Only team owners manage settings.', { exact: false }).waitFor();
    await page
      .getByRole('group', { name: 'Current Culture Guardian' })
      .getByText(guardian.current!.name, { exact: true })
      .waitFor();
    await page.getByText('The role rotates every 2 months.').waitFor();
    expect(await page.getByRole('button', { name: 'Rotate now' }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});

describe('my profile', () => {
  const member = DEMO_PEOPLE.find((p) => p.userId !== owner.userId && p.role !== 'owner')!;

  it('saves the profile with one request, the PUT, and the card above shows the change', async () => {
    const other = DEMO_PEOPLE.filter((p) => p.role !== 'owner' && p.userId !== member.userId)[0]!;
    await page.goto(`${server.url}/#/me`);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), other.name);
    const form = page.getByRole('form', { name: 'Edit your profile' });
    await form.waitFor();

    const requests = apiRequests(page);
    await form.getByLabel('Department').fill('Field research');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText('Profile saved').waitFor();
    await page
      .getByLabel('Your profile', { exact: true })
      .getByText('Field research · Member')
      .waitFor();
    expect(await requests.after()).toEqual([`PUT /api/teams/${team}/profile`]);
    expect(browser.pageErrors).toEqual([]);
  });

  it('saves skills, a pause and quiet hours, and shows them again after a reload', async () => {
    await page.goto(`${server.url}/#/me`);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    const form = page.getByRole('form', { name: 'Edit your profile' });
    await form.waitFor();
    await expect
      .poll(() =>
        form.getByRole('switch', { name: 'Take part in pairings and help nudges' }).isChecked(),
      )
      .toBe(true);

    // Add a skill to teach: the new row takes focus, so it can be typed straight away.
    await form.getByRole('button', { name: 'Add a skill to teach' }).click();
    await page.keyboard.type('Pottery');
    await form.getByLabel('Level of Pottery').selectOption({ label: 'Expert' });
    await form.getByLabel('Pause until').fill('2030-06-30');
    await form.getByRole('switch', { name: 'Keep quiet hours' }).check();
    await form.getByLabel('Quiet from').fill('21:30');
    await form.getByLabel('Quiet until').fill('07:15');
    // The time zone list narrows as you type; the keyboard picks from it.
    const zone = form.getByRole('combobox', { name: 'Time zone' });
    await zone.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('lisbon');
    const zones = page.getByRole('listbox');
    await zones.getByRole('option', { name: 'Europe/Lisbon' }).waitFor();
    await expect.poll(() => zones.getByRole('option').count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => zone.inputValue()).toBe('Europe/Lisbon');
    await form.getByText('You have unsaved changes.').waitFor();
    await screenshot('profile-editing');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await form.getByText('Profile saved').waitFor();
    await form.getByText('Everything is saved.').waitFor();

    const saved = (await api(member.userId, '/profile', ProfileResSchema)).data;
    expect(saved.teaches).toContainEqual({ name: 'Pottery', level: 'expert' });
    expect(saved.pausedUntil).toBe('2030-06-30');
    expect(saved.quietHours).toEqual({ start: '21:30', end: '07:15' });
    expect(saved.timeZone).toBe('Europe/Lisbon');

    // Loaded again from the server.
    await page.reload();
    await form.waitFor();
    const teaches = form.getByRole('list', { name: 'Skills you can teach' });
    await expect
      .poll(() =>
        teaches
          .getByRole('textbox')
          .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value)),
      )
      .toContain('Pottery');
    expect(await form.getByLabel('Level of Pottery').inputValue()).toBe('expert');
    expect(await form.getByLabel('Pause until').inputValue()).toBe('2030-06-30');
    expect(await form.getByLabel('Quiet from').inputValue()).toBe('21:30');
    expect(await form.getByLabel('Quiet until').inputValue()).toBe('07:15');
    expect(await form.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe(
      'Europe/Lisbon',
    );
    await form.getByText('You are paused until').waitFor();
    // The card at the top shows the new skill too.
    await page
      .getByRole('group', { name: 'Your profile' })
      .getByRole('list', { name: 'Can teach' })
      .getByText('Pottery')
      .waitFor();
    await screenshot('profile-saved');
    await choose(page.getByRole('combobox', { name: 'Theme' }), 'High contrast');
    await screenshot('profile-high-contrast');

    // Resume now ends the pause at once.
    await form.getByRole('button', { name: 'Resume now' }).click();
    await form.getByText('Pause ended').waitFor();
    expect(await form.getByLabel('Pause until').inputValue()).toBe('');
    expect((await api(member.userId, '/profile', ProfileResSchema)).data.pausedUntil).toBeNull();
    expect(browser.pageErrors).toEqual([]);
  });

  it('keeps what was typed when a save fails, and shows the error by the field it names', async () => {
    await page.goto(`${server.url}/#/me`);
    await choose(page.getByRole('combobox', { name: 'Signed in as' }), member.name);
    const form = page.getByRole('form', { name: 'Edit your profile' });
    await form.waitFor();
    await page.route('**/api/teams/*/profile', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: {
                code: 'invalid',
                message: 'Keep the department under 80 characters.',
                field: 'department',
              },
            }),
          })
        : route.continue(),
    );
    const department = form.getByLabel('Department');
    await department.fill('Research and Development');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('alert').getByText('Your profile was not saved').waitFor();
    // The message sits by the field, the field is marked invalid and has focus, and the text stays.
    await expect.poll(() => department.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await department.getAttribute('aria-describedby')) ?? '';
    const descriptions = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(descriptions.join(' ')).toContain('Keep the department under 80 characters.');
    expect(await department.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await department.inputValue()).toBe('Research and Development');
    await form.getByText('You have unsaved changes.').waitFor();
    await screenshot('profile-error');

    // Client-side checks catch the obvious before a round trip.
    await page.unroute('**/api/teams/*/profile');
    await form.getByRole('switch', { name: 'Keep quiet hours' }).check();
    await form.getByLabel('Quiet from').fill('09:00');
    await form.getByLabel('Quiet until').fill('09:00');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Quiet hours need different start and end times.').first().waitFor();
    expect(browser.pageErrors).toEqual([]);
  });
});
