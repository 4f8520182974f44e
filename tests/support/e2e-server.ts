import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { LocalTokenResSchema } from '../../src/api/contract';
import { loadConfig } from '../../src/config';
import { start, type RunningServer } from '../../src/main';
import { launchBrowser, type TestBrowser } from './browser';
import { runningClock, type TestClock } from './clock';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'test-results');

export interface E2eServer {
  readonly url: string;
  /** The server's tables, for arranging data the tab cannot create (a parked notification). */
  readonly storage: { connectionString: string; tablePrefix: string; clock: TestClock };
  /** The time the server runs on, from TEST_NOW; each test's browser is set to it too. */
  readonly clock: TestClock;
  /** A token for a demo user, minted as the local sign-in does, to ask the API directly. */
  tokenFor(userId: string): Promise<string>;
}

export interface E2eBrowser {
  readonly page: Page;
  /** What the page reported as errors during this test: a test can assert there are none. */
  readonly pageErrors: string[];
}

/**
 * Sets up an e2e test file: the real server in local mode (the built tab, the demo team, tables
 * of its own) for the whole file, and a fresh browser for each test.
 */
export function useLocalModeTab(): { server: E2eServer; browser: E2eBrowser } {
  let running: RunningServer | undefined;
  let dataDir: string | undefined;
  let storage: E2eServer['storage'] | undefined;
  let opened: TestBrowser | undefined;
  const clock = runningClock();

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'tab', 'index.html'))) {
      throw new Error('The tab is not built: run `npm run build:tab` before the e2e tests.');
    }
    await mkdir(SCREENSHOTS, { recursive: true });
    dataDir = await mkdtemp(join(tmpdir(), 'mutual-e2e-'));
    storage = {
      connectionString: inject('storageConnectionString'),
      tablePrefix: `e2e${randomBytes(4).toString('hex')}`,
      clock,
    };
    running = await start(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        AZURE_STORAGE_CONNECTION_STRING: storage.connectionString,
        STORAGE_TABLE_PREFIX: storage.tablePrefix,
      }),
      { log: () => undefined, clock },
    );
  });

  afterAll(async () => {
    await running?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    opened = await launchBrowser();
    opened.page.setDefaultTimeout(15_000);
    // The page's Date follows the server's clock (its timers still run on real time), so what
    // the tab says about "now" agrees with what the server decided.
    await opened.page.clock.setSystemTime(clock.now());
  });

  afterEach(async () => {
    await opened?.close();
  });

  // The hooks fill these in, so a test file can hold the handles from the start.
  const server = () => {
    if (!running || !storage) throw new Error('The e2e server runs only while tests do.');
    return { url: running.url, storage };
  };
  const browser = () => {
    if (!opened) throw new Error('The e2e browser is open only while a test runs.');
    return opened;
  };

  return {
    server: {
      get url() {
        return server().url;
      },
      get storage() {
        return server().storage;
      },
      clock,
      async tokenFor(userId) {
        const minted = await fetch(`${server().url}/api/local/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ userId }),
        });
        return LocalTokenResSchema.parse(await minted.json()).data.token;
      },
    },
    browser: {
      get page() {
        return browser().page;
      },
      get pageErrors() {
        return browser().pageErrors;
      },
    },
  };
}

/** Picks an option from a Fluent dropdown, as a person would: open it, then click the option. */
export async function choose(combobox: Locator, option: string) {
  await combobox.click();
  // The options of this combobox's own list: charts on the page draw their bars as options too.
  const list = await combobox.getAttribute('aria-controls');
  const scope = list
    ? combobox.page().locator(`[id="${list}"]`)
    : combobox.page().getByRole('listbox');
  await scope.getByRole('option', { name: option }).click();
}

/** Saves what the page looks like once its open / theme transitions have finished. */
export async function saveScreenshot(page: Page, name: string) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Counts the API requests the page makes from now on; `after()` waits a moment for any that would
 * follow an action (a reload after a save), then answers them as `METHOD /path`, in order. The
 * local sign-in's `POST /api/local/token` is left out: the tab fetches a token once and reuses it
 * (in Teams the token comes from teams-js, not from this server), so it is no part of what an
 * action costs.
 */
export function apiRequests(page: Page): { after(): Promise<string[]> } {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') && pathname !== '/api/local/token') {
      seen.push(`${request.method()} ${pathname}`);
    }
  });
  return {
    async after() {
      await page.waitForTimeout(1500);
      return seen;
    },
  };
}
