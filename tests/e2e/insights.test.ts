import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  HelpBoardResSchema,
  HelpRequestResSchema,
  InsightSettingsResSchema,
  InsightsResSchema,
  SandboxSubmitResSchema,
  type InsightsDto,
} from '../../src/api/contract';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES } from '../../src/local/demo-team';
import { choose, saveScreenshot, useLocalModeTab } from '../support/e2e-server';

const { server, browser } = useLocalModeTab();
let page: Page;
beforeEach(() => {
  page = browser.page;
});

const person = (name: string) => DEMO_PEOPLE.find((p) => p.name === name)!;
const owner = DEMO_PEOPLE.find((p) => p.role === 'owner')!;
const team = encodeURIComponent(DEMO_TEAM.teamId);
const screenshot = (name: string) => saveScreenshot(page, `insights-${name}`);

/** Calls the API directly as a demo user: the status and the parsed body. */
async function call<S extends z.ZodType>(
  userId: string,
  path: string,
  schema: S,
  options: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown } = {},
): Promise<{ status: number; data: z.output<S> | undefined; raw: unknown }> {
  const token = await server.tokenFor(userId);
  const res = await fetch(`${server.url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      authorization: `Bearer ${token}`,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const raw: unknown = await res.json();
  const parsed = schema.safeParse(raw);
  return { status: res.status, data: parsed.success ? parsed.data : undefined, raw };
}

/** A help request made as the sandbox's "Ask for help" makes it; answers its id. */
async function askForHelp(requester: string, messageId: string, blocker: string) {
  const userId = person(requester).userId;
  const made = await call(
    userId,
    '/api/local/sandbox/message-action/submit',
    SandboxSubmitResSchema,
    {
      body: {
        userId,
        messageId,
        data: {
          blocker,
          skills: '',
          urgency: 'normal',
          action: 'createHelpRequest',
          messageId,
        },
      },
    },
  );
  expect(made.status, JSON.stringify(made.raw)).toBe(200);
  const board = await call(userId, `/api/teams/${team}/help`, HelpBoardResSchema);
  const request = board.data?.data.requests.find((r) => r.blocker === blocker);
  expect(request, JSON.stringify(board.raw)).toBeDefined();
  return request!.id;
}

async function act(helper: string, requestId: string, action: 'claim' | 'resolve') {
  const done = await call(
    person(helper).userId,
    `/api/teams/${team}/help/${requestId}/${action}`,
    HelpRequestResSchema,
    { body: {} },
  );
  expect(done.status, JSON.stringify(done.raw)).toBe(200);
}

async function insights(period: string): Promise<InsightsDto> {
  const answer = await call(
    owner.userId,
    `/api/teams/${team}/insights?period=${period}`,
    InsightsResSchema,
  );
  expect(answer.status, JSON.stringify(answer.raw)).toBe(200);
  return answer.data!.data;
}

const signInAs = (name: string) =>
  choose(page.getByRole('combobox', { name: 'Signed in as' }), name);

const section = (title: string) => page.getByRole('region', { name: title });

/** A table's body rows as text cells. */
const rowsOf = (table: Locator) =>
  table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
    );

/** How many drawn marks (bars, arcs, lines) a section's chart holds. */
const marksIn = (region: Locator) =>
  region.locator('figure svg').evaluateAll(
    (svgs) =>
      svgs
        .flatMap((svg) => [...svg.querySelectorAll('rect, path')])
        .filter((mark) => {
          const box = (mark as SVGGraphicsElement).getBBox();
          return box.width > 0 && box.height > 0;
        }).length,
  );

const byName = (data: InsightsDto) =>
  [...data.members].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

/** A minimal RFC 4180 reader, enough for the file the page exports. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      i++;
    } else field += ch;
  }
  return records;
}

describe('insights', () => {
  it('draws the team’s help as charts with tables that match the API, by period, and exports them', async () => {
    // Help flows through the team: Chen helps twice, Ana once, one request still waits.
    const r1 = await askForHelp(
      'Ben Okafor',
      SAMPLE_MESSAGES[0].id,
      'The design tokens build fails on CI.',
    );
    await act('Chen Wei', r1, 'claim');
    await act('Chen Wei', r1, 'resolve');
    const r2 = await askForHelp(
      'Dana Levi',
      SAMPLE_MESSAGES[1].id,
      'My notebook cannot reach the warehouse.',
    );
    await act('Chen Wei', r2, 'claim');
    const r3 = await askForHelp(
      'Emeka Nwosu',
      SAMPLE_MESSAGES[2].id,
      'Which SQL index fits this query?',
    );
    await act('Ana Souza', r3, 'claim');
    await act('Ana Souza', r3, 'resolve');
    await askForHelp(
      'Ivan Petrov',
      SAMPLE_MESSAGES[0].id,
      'The release notes script crashes on tags.',
    );

    const fourWeeks = await insights('4w');
    expect(fourWeeks.requestCount).toBeGreaterThanOrEqual(4);
    const chen = fourWeeks.members.find((m) => m.name === 'Chen Wei')!;
    expect(chen.given).toBeGreaterThanOrEqual(2);

    await page.goto(`${server.url}/#/insights`);
    await signInAs(owner.name);
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();

    // Give and receive: bars drawn, the table lists everyone by name with the API's numbers.
    const balance = section('Give and receive');
    const balanceTable = balance.getByRole('table', { name: 'Give and receive' });
    await balanceTable.waitFor();
    expect(await rowsOf(balanceTable)).toEqual(
      byName(fourWeeks).map((m) => [m.name, m.department, String(m.given), String(m.received)]),
    );
    await expect.poll(() => marksIn(balance)).toBeGreaterThan(0);
    await balance
      .getByRole('figure')
      .getByText(/members? helped others/)
      .waitFor();

    // Concentration in words and as a donut.
    const concentration = section('How concentrated helping is');
    const { topHelpers, helpers, topShare } = fourWeeks.concentration;
    await concentration
      .getByText(
        `${topHelpers} of ${helpers} helpers gave ${Math.round(topShare! * 100)}% of the help.`,
      )
      .waitFor();
    await expect.poll(() => marksIn(concentration)).toBeGreaterThan(0);

    // Breadth, per member by name.
    const breadth = section('Breadth of helping');
    expect(await rowsOf(breadth.getByRole('table', { name: 'Breadth of helping' }))).toEqual(
      byName(fourWeeks).map((m) => [
        m.name,
        m.department,
        String(m.peopleHelped),
        String(m.departmentsHelped),
      ]),
    );
    await expect.poll(() => marksIn(breadth)).toBeGreaterThan(0);

    // Time to first response per week, against the commitment.
    const response = section('Time to first response');
    const responseRows = await rowsOf(
      response.getByRole('table', { name: 'Time to first response' }),
    );
    expect(responseRows.map((row) => row.slice(1, 3))).toEqual(
      fourWeeks.response.weeks.map((w) => [String(w.responded), String(w.withinCommitment)]),
    );
    await response
      .getByText(
        `${fourWeeks.response.withinCommitment} of ${fourWeeks.response.responded} answered requests`,
        { exact: false },
      )
      .waitFor();
    await expect.poll(() => marksIn(response)).toBeGreaterThan(0);
    await response
      .getByText(/Commitment \(/)
      .first()
      .waitFor();

    // Open blockers by age.
    const blockers = section('Open blockers by age');
    expect(await rowsOf(blockers.getByRole('table', { name: 'Open blockers by age' }))).toEqual(
      fourWeeks.openBlockers.byAge.map((b) => [b.label, String(b.count)]),
    );
    await expect.poll(() => marksIn(blockers)).toBeGreaterThan(0);

    // Rotation and pulses say what they have, honestly.
    const rotation = section('Rotation participation and meetings');
    expect(await rowsOf(rotation.getByRole('table'))).toEqual([
      [
        'Members placed in a group',
        String(fourWeeks.rotation.participants),
        String(fourWeeks.rotation.eligible),
        expect.any(String),
      ],
      [
        'Groups that said they met',
        String(fourWeeks.rotation.met),
        String(fourWeeks.rotation.answered),
        expect.any(String),
      ],
    ]);
    if (fourWeeks.pulses.length === 0) {
      await section('Pulse trends')
        .getByText('No pulse results were released in this period.', { exact: false })
        .waitFor();
    }
    await screenshot('owner');

    // Another period: kept in the address, numbers from that period.
    await page.getByRole('radio', { name: 'Last 12 weeks' }).check();
    await page.getByText(/^Last 12 weeks: /).waitFor();
    expect(page.url()).toContain('period=12w');
    const twelveWeeks = await insights('12w');
    expect(await rowsOf(balanceTable)).toEqual(
      byName(twelveWeeks).map((m) => [m.name, m.department, String(m.given), String(m.received)]),
    );
    await page.reload();
    await page.getByText(/^Last 12 weeks: /).waitFor();
    expect(await page.getByRole('radio', { name: 'Last 12 weeks' }).isChecked()).toBe(true);

    // Export: one CSV of what is shown, named after the team, the period and the day.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^mutual-insights-northwind-product-team-12w-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const records = parseCsv(csv);
    expect(records.slice(0, 3)).toEqual([
      ['Mutual insights'],
      ['Team', DEMO_TEAM.name],
      ['Period', 'Last 12 weeks'],
    ]);
    const header = records.findIndex(
      (r) => r.join() === 'Member,Department,Helped others,Got help',
    );
    expect(header).toBeGreaterThan(0);
    expect(records.slice(header + 1, header + 1 + twelveWeeks.members.length)).toEqual(
      byName(twelveWeeks).map((m) => [m.name, m.department, String(m.given), String(m.received)]),
    );
    const ages = records.findIndex((r) => r.join() === 'Waiting for,Open requests');
    expect(records.slice(ages + 1, ages + 1 + twelveWeeks.openBlockers.byAge.length)).toEqual(
      twelveWeeks.openBlockers.byAge.map((b) => [b.label, String(b.count)]),
    );
    expect(records.filter((r) => r.length === 1 && r[0] === 'Pulse trends')).toHaveLength(1);

    // Readable in the dark and high-contrast themes.
    const themes = page.getByRole('combobox', { name: 'Theme' });
    for (const theme of ['Dark', 'High contrast']) {
      await choose(themes, theme);
      await expect.poll(() => marksIn(balance)).toBeGreaterThan(0);
      await screenshot(theme.toLowerCase().replace(' ', '-'));
    }
    expect(browser.pageErrors).toEqual([]);
  }, 180_000);

  it('explains to a member that insights are for owners and the Culture Guardian', async () => {
    const member = DEMO_PEOPLE.find((p) => p.role !== 'owner' && p.name === 'Lena Fischer')!;
    const refused = await call(
      member.userId,
      `/api/teams/${team}/insights?period=4w`,
      InsightsResSchema,
    );
    expect(refused.status).toBe(403);

    await page.goto(`${server.url}/#/insights`);
    await signInAs(member.name);
    await page.getByText('Insights are for team owners and the Culture Guardian').waitFor();
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(0);
    expect(await page.locator('figure').count()).toBe(0);
    await screenshot('member');
    expect(browser.pageErrors).toEqual([]);
  });

  it('draws pulse trends when pulses were released, and an honest page for a period without help', async () => {
    const real = await insights('quarter');
    const withPulses: InsightsDto = {
      ...real,
      requestCount: 0,
      members: real.members.map((m) => ({
        ...m,
        given: 0,
        received: 0,
        peopleHelped: 0,
        departmentsHelped: 0,
      })),
      concentration: { topShare: null, topHelpers: 0, helpers: 0, totalGiven: 0 },
      pulses: [
        {
          id: 'p1',
          closedAt: '2026-01-16T09:00:00.000Z',
          answered: 7,
          items: [
            { id: 'safe', text: 'I can ask for help without fear', average: 3.4 },
            { id: 'load', text: 'My workload is fair', average: 2.9 },
          ],
        },
        {
          id: 'p2',
          closedAt: '2026-02-13T09:00:00.000Z',
          answered: 8,
          items: [
            { id: 'safe', text: 'I can ask for help without fear', average: 4.1 },
            { id: 'load', text: 'My workload is fair', average: 3.25 },
          ],
        },
      ],
    };
    await page.route('**/api/teams/*/insights?period=quarter', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ data: withPulses }),
      }),
    );
    await page.goto(`${server.url}/#/insights?period=quarter`);
    await signInAs(owner.name);
    const pulses = section('Pulse trends');
    await pulses.getByText('across 2 released pulses', { exact: false }).waitFor();
    expect(await rowsOf(pulses.getByRole('table', { name: 'Pulse trends' }))).toEqual([
      [expect.any(String), '7', 'I can ask for help without fear', '3.4'],
      [expect.any(String), '7', 'My workload is fair', '2.9'],
      [expect.any(String), '8', 'I can ask for help without fear', '4.1'],
      [expect.any(String), '8', 'My workload is fair', '3.25'],
    ]);
    await expect.poll(() => marksIn(pulses)).toBeGreaterThan(0);
    await page.getByText('No help requests were made in this period.', { exact: false }).waitFor();
    await section('Give and receive')
      .getByText('Nobody asked for or gave help in this period', { exact: false })
      .waitFor();
    expect(await section('Give and receive').locator('figure svg').count()).toBe(0);
    await screenshot('pulses');
    expect(browser.pageErrors).toEqual([]);
  });

  it('lets an owner set the helper-load alert, with errors by the field', async () => {
    await page.goto(`${server.url}/#/settings`);
    await signInAs(owner.name);
    const form = page.getByRole('form', { name: 'Helper-load settings' });
    await form.waitFor();
    const percent = form.getByRole('spinbutton', { name: /percent of the help/ });
    const least = form.getByRole('spinbutton', { name: /helped with at least/ });
    await percent.fill('95');
    await form.getByRole('button', { name: 'Save helper-load settings' }).click();
    await form
      .getByText('The helper-load threshold is a whole percent from 10 to 90.', { exact: true })
      .waitFor();
    expect(await percent.getAttribute('aria-invalid')).toBe('true');
    // What was typed stays.
    expect(await percent.inputValue()).toBe('95');

    await percent.fill('30');
    await least.fill('3');
    await form.getByRole('button', { name: 'Save helper-load settings' }).click();
    await form.getByText('Helper-load settings saved').waitFor();
    const saved = await call(
      owner.userId,
      `/api/teams/${team}/insight-settings`,
      InsightSettingsResSchema,
    );
    expect(saved.data?.data).toEqual({ helperLoadPercent: 30, helperLoadMinRequests: 3 });
    await screenshot('settings');

    // A member cannot change it.
    const member = person('Ben Okafor');
    const refused = await call(
      member.userId,
      `/api/teams/${team}/insight-settings`,
      InsightSettingsResSchema,
      {
        method: 'PUT',
        body: { helperLoadPercent: 80, helperLoadMinRequests: 1 },
      },
    );
    expect(refused.status).toBe(403);
    await signInAs(member.name);
    const region = page.getByRole('region', { name: 'Helper load' });
    await region.getByText(/tells the Culture Guardian privately|30% of the help/).waitFor();
    expect(await page.getByRole('form', { name: 'Helper-load settings' }).count()).toBe(0);
    expect(browser.pageErrors).toEqual([]);
  });
});
