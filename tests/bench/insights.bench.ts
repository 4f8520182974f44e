// `npm run bench:insights`: the time to compute and serve the Insights page (GET
// /api/teams/:teamId/insights?period=12w, over real HTTP with a verified token) for a team of 50
// members with 5,000 help requests, a quarter of weekly rounds and their check-ins, and the number
// of storage requests one page load makes, measured with 0, then 5, then 20 other teams in the same
// tables (each with its own requests), to show neither grows with them. The server is the real one
// (`start()` of src/main.ts, local mode) on the emulator, which runs in a process of its own.
// Rows are seeded with batch transactions of 100 (one partition each).
//
// Storage requests are counted per page load through Node's HTTP diagnostics channels: the server
// request is bound to the async context when it starts, and every outgoing request made in that
// context is counted; the background worker and scheduler belong to no page load.
//
// Prints one JSON object on stdout: per number of other teams, n, median, p95 and max (ms), the
// storage requests per load (min and max), and whether the median is within 300 ms with storage
// requests unchanged as other teams are added. Progress goes to stderr.
//
// Knobs (environment): BENCH_LOADS (timed loads per step, default 30), BENCH_REQUESTS (the team's
// help requests, default 5000), BENCH_OTHER_REQUESTS (per other team, default 1000),
// BENCH_OTHER_TEAMS (comma-separated steps, default 0,5,20), BENCH_PERIOD (default 12w).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import { InsightsResSchema } from '../../src/api/contract';
import { loadConfig } from '../../src/config';
import { emulatorProcess } from './emulator-child';
import type { Clock } from '../../src/core/ports';
import type { TeamRef } from '../../src/core/team/team';
import { DEFAULT_BOUNDARIES } from '../../src/core/team/boundaries';
import { start } from '../../src/main';
import { createTablePorts, createTableStorage } from '../../src/store';
import { teamPartition } from '../../src/store/keys';
import { devIssuerKey, signToken } from '../support/tokens';

const env = process.env;
const num = (name: string, fallback: number) =>
  env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
const settings = {
  loads: num('BENCH_LOADS', 30),
  warmup: 3,
  members: 50,
  requests: num('BENCH_REQUESTS', 5000),
  otherRequests: num('BENCH_OTHER_REQUESTS', 1000),
  otherTeams: (env.BENCH_OTHER_TEAMS ?? '0,5,20').split(',').map(Number),
  period: env.BENCH_PERIOD ?? '12w',
  weeks: 12,
};
const TARGET_MS = 300;
const HOUR = 3_600_000;
const progress = (message: string) => process.stderr.write(`[bench:insights] ${message}\n`);
const systemClock: Clock = { now: () => new Date() };
const tenantId = '5b1c0a7e-0000-4000-8000-00000000be9c';

/** Counts the storage requests made while serving each tagged page load. */
class StorageCounter {
  private readonly context = new AsyncLocalStorage<{ calls: number; done: boolean }>();
  private readonly loads = new Map<string, { calls: number; done: boolean }>();
  constructor() {
    diagnostics.subscribe('http.server.request.start', (message) => {
      const { request } = message as { request: IncomingMessage };
      const tag = request.headers['x-bench-id'];
      if (typeof tag !== 'string') return;
      const load = { calls: 0, done: false };
      this.loads.set(tag, load);
      this.context.enterWith(load);
    });
    diagnostics.subscribe('http.server.response.finish', (message) => {
      const { request } = message as { request: IncomingMessage };
      const tag = request.headers['x-bench-id'];
      const load = typeof tag === 'string' ? this.loads.get(tag) : undefined;
      if (load) load.done = true;
    });
    diagnostics.subscribe('http.client.request.start', () => {
      const load = this.context.getStore();
      if (load && !load.done) load.calls++;
    });
  }
  calls(tag: string) {
    return this.loads.get(tag)?.calls ?? -1;
  }
}

async function main() {
  const began = performance.now();
  const counter = new StorageCounter();
  const emulator = await emulatorProcess();
  const dataDir = mkdtempSync(join(os.tmpdir(), 'mutual-bench-'));
  const tablePrefix = `b${randomBytes(5).toString('hex')}`;
  let server: Awaited<ReturnType<typeof start>> | undefined;
  try {
    server = await start(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        AZURE_STORAGE_CONNECTION_STRING: emulator.connectionString,
        STORAGE_TABLE_PREFIX: tablePrefix,
      }),
      { log: () => {} },
    );
    const storage = createTableStorage({
      connectionString: emulator.connectionString,
      tablePrefix,
    });
    const ports = createTablePorts(storage, systemClock);
    const now = Date.now();

    const team: TeamRef = { tenantId, teamId: '19:bench-insights@thread.tacv2' };
    const ids = Array.from({ length: settings.members }, (_, i) => memberId(0, i));
    progress(`seeding the team: ${settings.members} members, ${settings.requests} requests`);
    const t0 = performance.now();
    await seedTeam(ports, team, ids, now);
    await seedRequests(storage.table('help'), team, ids, settings.requests, now);
    await seedRotation(storage, team, ids, now);
    progress(`seeded in ${Math.round(performance.now() - t0)} ms`);

    const key = await devIssuerKey(dataDir);
    const token = await signToken(key, { tenantId, userId: ids[0]!, name: 'Owner' });
    let seq = 0;
    const load = async () => {
      const tag = `i${++seq}`;
      const start = performance.now();
      const res = await fetch(
        `${server!.url}/api/teams/${encodeURIComponent(team.teamId)}/insights?period=${settings.period}`,
        { headers: { authorization: `Bearer ${token}`, 'x-bench-id': tag } },
      );
      const text = await res.text();
      const ms = performance.now() - start;
      if (res.status !== 200)
        throw new Error(`insights answered ${res.status}: ${text.slice(0, 200)}`);
      const data = InsightsResSchema.parse(JSON.parse(text)).data;
      return { ms, calls: counter.calls(tag), bytes: text.length, requestCount: data.requestCount };
    };

    const steps = [];
    let seededOthers = 0;
    for (const others of settings.otherTeams) {
      if (others > seededOthers) {
        progress(`seeding other teams ${seededOthers + 1}..${others}`);
        for (let t = seededOthers + 1; t <= others; t++) {
          const ref = { tenantId, teamId: `19:bench-other-${t}@thread.tacv2` };
          const otherIds = Array.from({ length: settings.members }, (_, i) => memberId(t, i));
          await seedTeam(ports, ref, otherIds, now);
          await seedRequests(storage.table('help'), ref, otherIds, settings.otherRequests, now);
          await seedRotation(storage, ref, otherIds, now);
        }
        seededOthers = others;
      }
      for (let i = 0; i < settings.warmup; i++) await load();
      const runs = [];
      for (let i = 0; i < settings.loads; i++) runs.push(await load());
      const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
      const calls = runs.map((r) => r.calls);
      const step = {
        otherTeams: others,
        n: runs.length,
        medianMs: round1(quantile(sorted, 0.5)),
        p95Ms: round1(quantile(sorted, 0.95)),
        maxMs: round1(sorted.at(-1)!),
        storageRequestsPerLoad: { min: Math.min(...calls), max: Math.max(...calls) },
        responseBytes: runs[0]!.bytes,
        requestsInPeriod: runs[0]!.requestCount,
      };
      progress(
        `${others} other teams: median ${step.medianMs} ms, p95 ${step.p95Ms} ms, ` +
          `${step.storageRequestsPerLoad.max} storage requests per load`,
      );
      steps.push(step);
    }
    const first = steps[0]!;
    const result = {
      bench: 'insights',
      period: settings.period,
      team: {
        members: settings.members,
        helpRequests: settings.requests,
        weeklyRounds: settings.weeks,
      },
      otherTeamRequests: settings.otherRequests,
      steps,
      target: {
        medianMs: TARGET_MS,
        met: steps.every((s) => s.medianMs <= TARGET_MS),
        storageRequestsFlat: steps.every(
          (s) => s.storageRequestsPerLoad.max === first.storageRequestsPerLoad.max,
        ),
      },
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
        node: process.version,
      },
      elapsedMs: Math.round(performance.now() - began),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.target.storageRequestsFlat) process.exitCode = 1;
  } finally {
    await server?.stop();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const memberId = (team: number, i: number) =>
  `b${String(team).padStart(7, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The team row and its roster, through the real stores (50 members: one by one is quick). */
async function seedTeam(
  ports: ReturnType<typeof createTablePorts>,
  ref: TeamRef,
  ids: readonly string[],
  now: number,
) {
  const at = new Date(now - 200 * 24 * HOUR).toISOString();
  await ports.teams.create({
    ...ref,
    name: 'Bench team',
    active: true,
    installedAt: at,
    updatedAt: at,
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: ref.teamId },
    supportChannel: null,
  });
  const departments = ['Engineering', 'Design', 'Product', 'Data', 'Support', ''];
  await Promise.all(
    ids.map((userId, i) =>
      ports.members.create(ref, {
        userId,
        name: `Member ${String(i).padStart(2, '0')}`,
        email: `m${i}@bench.example`,
        role: i === 0 ? 'owner' : 'member',
        botUserId: `29:${userId}`,
        active: true,
        joinedAt: at,
        department: departments[i % departments.length]!,
        teaches: [],
        learns: [],
        ...DEFAULT_BOUNDARIES,
        optedIn: i % 5 !== 0,
      }),
    ),
  );
}

/** `count` requests spread over the last 16 weeks, as the help store writes them, 100 a batch. */
async function seedRequests(
  help: TableClient,
  ref: TeamRef,
  ids: readonly string[],
  count: number,
  now: number,
) {
  const partitionKey = teamPartition(ref);
  const span = 16 * 7 * 24 * HOUR;
  const rows = Array.from({ length: count }, (_, i) => {
    const made = now - Math.floor((((i * 7919) % count) / count) * span) - HOUR;
    const requester = ids[(i * 13) % ids.length]!;
    // A few helpers carry more: helper i % 7 for most, otherwise spread out.
    const helper = i % 3 === 0 ? ids[i % 7]! : ids[(i * 17 + 1) % ids.length]!;
    const state = i % 10 === 0 ? 'open' : i % 10 === 1 ? 'claimed' : 'resolved';
    const helperId = state === 'open' || helper === requester ? '' : helper;
    const respondedMs = ((i * 37) % 12) * HOUR + 10 * 60_000;
    const id = `h${i.toString(16).padStart(16, '0')}`;
    return {
      partitionKey,
      rowKey: id,
      id,
      requesterId: requester,
      source: JSON.stringify({
        id: `m${i}`,
        text: 'The nightly export fails and the retry times out. '.repeat(6),
        authorName: 'Someone',
        link: '',
      }),
      blocker: 'I cannot tell whether the warehouse or the job is at fault; logs attached. '.repeat(
        4,
      ),
      skills: JSON.stringify(['SQL', 'data pipelines']),
      urgency: 'normal',
      status: helperId ? state : state === 'resolved' ? 'resolved' : 'open',
      helperId,
      buddyId: '',
      createdAt: new Date(made).toISOString(),
      responseHours: 4,
      dueAt: new Date(made + 4 * HOUR).toISOString(),
      firstResponseAt: helperId ? new Date(made + respondedMs).toISOString() : '',
      resolvedAt: state === 'resolved' ? new Date(made + respondedMs + HOUR).toISOString() : '',
      resolvedBy: state === 'resolved' ? helperId || requester : '',
      thankedAt: '',
      revision: 2,
    };
  });
  await inBatches(help, rows);
}

/** A weekly blocker-buddy round for the last 12 weeks, everyone paired, most answering. */
async function seedRotation(
  storage: ReturnType<typeof createTableStorage>,
  ref: TeamRef,
  ids: readonly string[],
  now: number,
) {
  const ports = createTablePorts(storage, systemClock);
  const checkIns = [];
  for (let w = 0; w < settings.weeks; w++) {
    const at = new Date(now - (w * 7 + 1) * 24 * HOUR);
    at.setUTCMinutes(0, 0, 0);
    const id = `blocker_buddy-${at.toISOString().slice(0, 16).replace(/[-T:]/g, '')}`;
    const groups = Array.from({ length: ids.length / 2 }, (_, g) => ({
      members: [ids[2 * g]!, ids[2 * g + 1]!],
      reason: { kind: 'text' as const, text: 'buddies' },
      weight: 1,
    }));
    await ports.rounds.create(ref, {
      id,
      program: 'blocker_buddy',
      status: 'published',
      scheduledFor: at.toISOString(),
      createdAt: at.toISOString(),
      createdBy: '',
      publishedAt: at.toISOString(),
      publishedBy: '',
      revision: 1,
      groups,
      unplaced: [],
      totalWeight: groups.length,
      method: 'exact',
      seed: 1,
    });
    for (let i = 0; i < ids.length; i++)
      if (i % 4 !== 3)
        checkIns.push({
          partitionKey: teamPartition(ref),
          rowKey: `${id}|${encodeURIComponent(ids[i]!)}`,
          roundId: id,
          userId: ids[i]!,
          answer: i % 3 === 0 ? 'not_yet' : 'met',
          answeredAt: new Date(at.getTime() + 5 * 24 * HOUR).toISOString(),
        });
  }
  await inBatches(storage.table('checkins'), checkIns);
}

/** Inserts rows of one partition in transactions of at most 100. */
async function inBatches(client: TableClient, rows: { partitionKey: string; rowKey: string }[]) {
  const batches = [];
  for (let at = 0; at < rows.length; at += 100) batches.push(rows.slice(at, at + 100));
  // A few transactions at a time.
  for (let at = 0; at < batches.length; at += 4)
    await Promise.all(
      batches
        .slice(at, at + 4)
        .map((batch) =>
          client.submitTransaction(batch.map((row): TransactionAction => ['create', row])),
        ),
    );
}

/** Nearest rank. */
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
const round1 = (n: number) => Math.round(n * 10) / 10;

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
