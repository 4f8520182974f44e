// `npm run bench:tab`: what the tab costs a person opening it. The built tab (`npm run build:tab`
// first) served by the real server in local mode (`start()` of src/main.ts, compression on) over
// the emulator in a process of its own, opened in Debian's headless Chromium.
//
// - firstLoadJs: the scripts index.html loads before the first paint (its entry script and every
//   modulepreload), in bytes raw, gzip (zlib's default level, what the server sends for gzip) and
//   brotli (at the quality the compression library uses), against the 150 kB gzip goal.
// - mainContentMs: from asking for the page to the default page's main content (the team's
//   member list on Pairings) being visible, over BENCH_LOADS cold loads (a new browser profile
//   each, so nothing is cached): median, min, max.
//
// Prints one JSON object on stdout; progress goes to stderr.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { loadConfig } from '../../src/config';
import { start } from '../../src/main';
import { launchBrowser } from '../support/browser';
import { emulatorProcess } from './emulator-child';

const TAB = resolve(import.meta.dirname, '..', '..', 'dist', 'tab');
const loads = Number(process.env.BENCH_LOADS ?? 5);
const GOAL_GZIP = 150 * 1024;
const progress = (message: string) => process.stderr.write(`[bench:tab] ${message}\n`);

function firstLoadJs() {
  const html = readFileSync(join(TAB, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(TAB, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4 },
    }).length;
  }
  return {
    files: files.length,
    raw,
    gzip,
    brotli,
    goalGzip: GOAL_GZIP,
    withinGoal: gzip <= GOAL_GZIP,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const emulator = await emulatorProcess();
const dataDir = mkdtempSync(join(tmpdir(), 'mutual-bench-tab-'));
const server = await start(
  loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    AZURE_STORAGE_CONNECTION_STRING: emulator.connectionString,
    STORAGE_TABLE_PREFIX: `bt${process.pid}`,
  }),
  { log: () => undefined },
);
try {
  const js = firstLoadJs();
  progress(`first load: ${js.files} scripts, ${js.gzip} B gzip`);
  const times: number[] = [];
  for (let i = 0; i < loads + 1; i++) {
    const browser = await launchBrowser();
    try {
      const began = performance.now();
      await browser.page.goto(server.url);
      await browser.page.getByRole('list', { name: 'Team members' }).waitFor({ timeout: 60_000 });
      const ms = performance.now() - began;
      // The first load warms the server and the emulator; it is not counted.
      if (i > 0) times.push(ms);
      progress(`load ${i}: ${Math.round(ms)} ms${i === 0 ? ' (warm-up)' : ''}`);
    } finally {
      await browser.close();
    }
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'tab',
        firstLoadJs: js,
        mainContentMs: {
          loads: times.length,
          median: Math.round(median(times)),
          min: Math.round(Math.min(...times)),
          max: Math.round(Math.max(...times)),
        },
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await server.stop();
  await emulator.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
