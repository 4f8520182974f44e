// `npm run bench:help`: how long Teams waits for Mutual's answer when someone asks for help
// (`composeExtension/submitAction` of the "Ask for help" message action, which stores a help
// request and queues its channel card) and when someone presses "I can help" (`adaptiveCard/action`
// with verb `help.claim`, which claims the request with its ETag and queues the card updates),
// over real HTTP against the real server (`start()` of src/main.ts, local mode) on the emulator.
// A "bare" invoke on the same server sets the floor: `composeExtension/fetchTask` with a command
// Mutual does not know, answered without touching storage, so it costs the HTTP round trip,
// botbuilder's turn and the JSON on both ends. Each kind runs at each concurrency level with
// exactly `c` requests in flight (a pool: the next starts when one finishes), after a warm-up
// that is not counted. Every submit is about a new message (a new request) and every claim is on
// a distinct open request made beforehand by one member, claimed by the others, so each does its
// real work. Each answer is checked; a failure is counted and makes the exit code 1.
//
// Prints one JSON object on stdout: per level and kind n, failures, mean, p50, p99 and max (ms,
// client-side, `performance.now()` around the POST), the ratio of submit's and claim's p50 and p99
// to the bare invoke's at the same level, and whether p99 at 20 in flight is within 150 ms.
// Progress goes to stderr. The client shares the server's process and event loop (as the tests
// do), the emulator has a process of its own; the server's notification worker and scheduler run
// in the background, sending the cards to a fake connector (rate-limited as in Teams).
//
// Knobs (environment): BENCH_REQUESTS (per kind and level, default 200), BENCH_WARMUP (per kind,
// default 30), BENCH_CONCURRENCY (comma-separated levels, default 1,20,50), BENCH_MEMBERS (team
// size, default 50), BENCH_BUDDIES=1 (everyone opted in and paired in a published blocker-buddy
// round, so a submit also finds the buddy, checks their capacity and queues their 1:1 card),
// BENCH_EMULATOR=inline (the emulator in this process rather than its own), BENCH_PROFILE=1
// (per kind and level on stderr: time inside the server, storage calls per invoke and the time
// spent waiting on them, the slowest storage operations, event-loop delay and utilisation, CPU).
import { randomBytes } from 'node:crypto';
import { AsyncLocalStorage } from 'node:async_hooks';
import diagnostics from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { ClientRequest, IncomingMessage } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { emulatorProcess } from './emulator-child';
import { helpRequestId } from '../../src/core/help/help-request';
import type { Clock } from '../../src/core/ports';
import type { Round } from '../../src/core/rotations/round';
import { startEmulator, type RunningEmulator } from '../../src/local/emulator';
import { start } from '../../src/main';
import { updateProfile } from '../../src/services/team/update-profile';
import { createTablePorts, createTableStorage } from '../../src/store';
import { startFakeConnector, type ConnectorAccount } from '../support/fake-connector';
import {
  botAddedToTeam,
  buildAccount,
  buildTeam,
  channelCardAction,
  messageActionFetchTask,
  messageActionSubmit,
  postActivity,
  type TeamFixture,
} from '../support/teams-activities';

const env = process.env;
const num = (name: string, fallback: number) => {
  const value = env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};
const settings = {
  requests: num('BENCH_REQUESTS', 200),
  warmup: num('BENCH_WARMUP', 30),
  warmupConcurrency: 5,
  concurrency: (env.BENCH_CONCURRENCY ?? '1,20,50').split(',').map(Number),
  members: num('BENCH_MEMBERS', 50),
  buddies: env.BENCH_BUDDIES === '1',
  emulator: env.BENCH_EMULATOR === 'inline' ? 'in this process' : 'own process',
  profile: env.BENCH_PROFILE === '1',
};
const TARGET_P99_MS_AT_20 = 150;
const CARD = 'application/vnd.microsoft.card.adaptive';
const UNKNOWN = 'Mutual does not know that command.';
const kinds = ['bare', 'submit', 'claim'] as const;
type Kind = (typeof kinds)[number];

const progress = (message: string) => process.stderr.write(`[bench:help] ${message}\n`);
const systemClock: Clock = { now: () => new Date() };

async function main() {
  const began = performance.now();
  const loadAtStart = os.loadavg();
  const emulator: RunningEmulator & { pid?: number } =
    settings.emulator === 'own process' ? await emulatorProcess() : await startEmulator();
  const connector = await startFakeConnector();
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
    const profile = settings.profile
      ? new Profile(emulator.pid, () => connector.requests.length)
      : undefined;
    const bench = new Bench(server.url, connector.url, profile);
    const storage = createTableStorage({
      connectionString: emulator.connectionString,
      tablePrefix,
    });
    const levels = await bench.run(async (team, roster) => {
      connector.setRoster(team.teamId, roster);
      const installed = await postActivity(
        server!.url,
        botAddedToTeam({ serviceUrl: connector.url, team, from: roster[0]! }),
      );
      if (installed.status !== 200) throw new Error(`install answered ${installed.status}`);
      if (settings.buddies)
        await pairEveryone(createTablePorts(storage, systemClock), team, roster);
    });
    const at20 = levels.find((l) => l.concurrency === 20);
    const failures = levels.reduce(
      (sum, l) => sum + kinds.reduce((s, k) => s + l[k].failures, 0),
      bench.warmupFailures,
    );
    const result = {
      bench: 'help',
      levels,
      target: {
        p99MsAt20: TARGET_P99_MS_AT_20,
        submitMet: at20 ? at20.submit.p99Ms <= TARGET_P99_MS_AT_20 : null,
        claimMet: at20 ? at20.claim.p99Ms <= TARGET_P99_MS_AT_20 : null,
      },
      /** What the notification worker delivered to the fake connector meanwhile. */
      background: {
        connectorRequests: connector.requests.length,
        cardsPosted: connector.sent.length,
        cardsUpdated: connector.updated.length,
      },
      /** Every failed request, warm-up included. */
      failures,
      failureSamples: bench.failureSamples,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '',
        loadavgAtStart: loadAtStart.map((x) => round2(x)),
        loadavgAtEnd: os.loadavg().map((x) => round2(x)),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      settings: {
        requestsPerKindAndLevel: settings.requests,
        warmupPerKind: settings.warmup,
        warmupConcurrency: settings.warmupConcurrency,
        concurrency: settings.concurrency,
        members: settings.members,
        buddies: settings.buddies,
        emulator: settings.emulator,
        profile: settings.profile,
        client: 'fetch (undici, keep-alive) in the server’s process',
      },
      elapsedMs: Math.round(performance.now() - began),
    };
    progress(`done in ${Math.round((performance.now() - began) / 1000)} s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (failures > 0) process.exitCode = 1;
  } finally {
    await server?.stop();
    await connector.close();
    await emulator.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Attempt {
  activity: object;
  /** Undefined when the answer is right, else what was wrong. */
  check(answer: { status: number; body: unknown }): string | undefined;
}

interface Stats {
  n: number;
  failures: number;
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

class Bench {
  readonly failureSamples: string[] = [];
  warmupFailures = 0;
  private messages = 0;

  constructor(
    private readonly serverUrl: string,
    private readonly serviceUrl: string,
    private readonly profile: Profile | undefined,
  ) {}

  async run(install: (team: TeamFixture, roster: ConnectorAccount[]) => Promise<void>) {
    // One tenant, two teams with the same people: submits go to one (its requests pile up),
    // claims to the other (its requests are made beforehand).
    const roster = Array.from({ length: settings.members }, () => buildAccount());
    const asked = buildTeam();
    const claimed = buildTeam({ tenantId: asked.tenantId });
    progress(`installing 2 teams of ${roster.length} members`);
    await install(asked, roster);
    await install(claimed, roster);

    // The requests to claim: made by one member, before anything is timed.
    const requester = roster[1]!;
    const helpers = roster.filter((m) => m !== requester);
    const total = settings.warmup + settings.concurrency.length * settings.requests;
    progress(`making ${total} help requests to claim`);
    const made = await this.pool(total, 10, () => this.submit(claimed, requester));
    if (made.failures > 0) throw new Error(`${made.failures} requests to claim were not made`);
    const toClaim = made.ids;

    let submits = 0;
    let claims = 0;
    const next: Record<Kind, () => Attempt & { id?: string }> = {
      bare: () => this.bare(asked, roster[submits % roster.length]!),
      submit: () => this.submit(asked, roster[submits++ % roster.length]!),
      claim: () => {
        const i = claims++;
        return this.claim(claimed, helpers[i % helpers.length]!, toClaim[i]!);
      },
    };

    progress(`warming up: ${settings.warmup} of each kind`);
    for (const kind of kinds) {
      const warm = await this.pool(settings.warmup, settings.warmupConcurrency, next[kind]);
      this.warmupFailures += warm.failures;
      if (warm.failures > 0) progress(`warm-up: ${warm.failures} ${kind} failed`);
    }

    const levels = [];
    for (const c of settings.concurrency) {
      const level = { concurrency: c } as { concurrency: number } & Record<Kind, Stats>;
      for (const kind of kinds) {
        this.profile?.begin();
        const run = await this.pool(settings.requests, c, next[kind]);
        level[kind] = run.stats;
        this.profile?.end(`${kind} at ${c}`, settings.requests);
        progress(
          `${kind} at ${c}: p50 ${run.stats.p50Ms} ms, p99 ${run.stats.p99Ms} ms` +
            (run.failures > 0 ? `, ${run.failures} failed` : ''),
        );
      }
      const ratio = (kind: 'submit' | 'claim') => ({
        p50: round2(level[kind].p50Ms / level.bare.p50Ms),
        p99: round2(level[kind].p99Ms / level.bare.p99Ms),
      });
      levels.push({ ...level, ratioToBare: { submit: ratio('submit'), claim: ratio('claim') } });
    }
    return levels;
  }

  private bare(team: TeamFixture, from: ConnectorAccount): Attempt {
    return {
      activity: messageActionFetchTask({
        serviceUrl: this.serviceUrl,
        team,
        from,
        commandId: 'benchUnknownCommand',
        message: { id: `${Date.now()}`, html: '<p>Anything</p>', authorName: 'Someone' },
      }),
      check: ({ status, body }) => {
        const task = (body as { task?: { type?: string; value?: unknown } } | undefined)?.task;
        return status === 200 && task?.type === 'message' && task.value === UNKNOWN
          ? undefined
          : `bare: ${status} ${JSON.stringify(body).slice(0, 200)}`;
      },
    };
  }

  private submit(team: TeamFixture, from: ConnectorAccount): Attempt & { id: string } {
    const messageId = `17${String(++this.messages).padStart(11, '0')}`;
    return {
      id: helpRequestId(team.teamId, messageId, from.aadObjectId!),
      activity: messageActionSubmit({
        serviceUrl: this.serviceUrl,
        team,
        from,
        message: {
          id: messageId,
          html: `<p>The nightly export ${messageId} fails and the retry times out.</p>`,
          authorName: 'Someone in the channel',
          link: `https://teams.microsoft.com/l/message/${encodeURIComponent(team.teamId)}/${messageId}`,
        },
        data: {
          action: 'createHelpRequest',
          messageId,
          blocker: 'I cannot tell whether the warehouse or the job is at fault.',
          skills: 'SQL, data pipelines',
          urgency: 'high',
        },
      }),
      check: ({ status, body }) => {
        const task = (body as { task?: { type?: string; value?: unknown } } | undefined)?.task;
        return status === 200 &&
          task?.type === 'message' &&
          String(task.value).startsWith('Your request is posted')
          ? undefined
          : `submit: ${status} ${JSON.stringify(body).slice(0, 200)}`;
      },
    };
  }

  private claim(team: TeamFixture, from: ConnectorAccount, requestId: string): Attempt {
    return {
      activity: channelCardAction({
        serviceUrl: this.serviceUrl,
        team,
        from,
        verb: 'help.claim',
        data: { teamId: team.teamId, requestId },
      }),
      check: ({ status, body }) => {
        const answer = body as { type?: string; value?: unknown } | undefined;
        return status === 200 &&
          answer?.type === CARD &&
          JSON.stringify(answer.value).includes(`${from.name} is helping.`)
          ? undefined
          : `claim: ${status} ${JSON.stringify(body).slice(0, 200)}`;
      },
    };
  }

  /** `n` attempts with exactly `c` in flight; latencies of the answered ones. */
  private async pool(n: number, c: number, make: () => Attempt & { id?: string }) {
    const latencies: number[] = [];
    const ids: string[] = [];
    let failures = 0;
    let started = 0;
    const lane = async () => {
      while (started < n) {
        started++;
        const attempt = make();
        const tag = this.profile?.tag();
        const headers: Record<string, string> = tag ? { 'x-bench-id': tag } : {};
        const t0 = performance.now();
        let problem: string | undefined;
        try {
          const answer = await postActivity(this.serverUrl, attempt.activity, headers);
          const ms = performance.now() - t0;
          latencies.push(ms);
          if (tag) this.profile?.client(tag, ms);
          problem = attempt.check(answer);
        } catch (error) {
          problem = error instanceof Error ? error.message : String(error);
        }
        if (problem) {
          failures++;
          if (this.failureSamples.length < 5) this.failureSamples.push(problem);
        } else if (attempt.id) ids.push(attempt.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(c, n) }, lane));
    return { ids, failures, stats: { ...summary(latencies), failures } };
  }
}

function summary(latencies: readonly number[]): Omit<Stats, 'failures'> {
  const sorted = [...latencies].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, meanMs: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 };
  return {
    n,
    meanMs: round1(sorted.reduce((a, b) => a + b, 0) / n),
    p50Ms: round1(quantile(sorted, 0.5)),
    p99Ms: round1(quantile(sorted, 0.99)),
    maxMs: round1(sorted[n - 1]!),
  };
}

/** Nearest rank: the smallest value with at least q of the sample at or below it. */
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

/**
 * With BENCH_BUDDIES=1: everyone opts in, and a published blocker-buddy round pairs them in
 * twos, so each submit has a buddy to check and tell.
 */
async function pairEveryone(
  ports: ReturnType<typeof createTablePorts>,
  team: TeamFixture,
  roster: readonly ConnectorAccount[],
) {
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  const ids = roster.map((m) => m.aadObjectId!);
  await Promise.all(
    ids.map((userId) =>
      updateProfile({ tenantId: team.tenantId, userId }, team.teamId, { optedIn: true }, ports),
    ),
  );
  const at = '2026-01-05T09:00:00.000Z';
  const round: Round = {
    id: 'blocker_buddy-202601050900',
    program: 'blocker_buddy',
    status: 'published',
    scheduledFor: at,
    createdAt: at,
    createdBy: '',
    publishedAt: at,
    publishedBy: '',
    revision: 1,
    groups: Array.from({ length: Math.floor(ids.length / 2) }, (_, i) => ({
      members: [ids[2 * i]!, ids[2 * i + 1]!],
      reason: { kind: 'text' as const, text: 'buddies' },
      weight: 1,
    })),
    unplaced: [],
    totalWeight: ids.length / 2,
    method: 'exact',
    seed: 1,
  };
  await ports.rounds.create(ref, round);
}

interface Invoke {
  serverStart: number;
  serverEnd: number;
  clientMs: number;
  calls: { op: string; start: number; end: number }[];
}

/**
 * BENCH_PROFILE=1: follows each timed invoke into the server through Node's HTTP diagnostics
 * channels (no change to the server): when the server starts on it, the invoke is bound to the
 * async context, so every storage request the handler makes is counted against it and timed.
 * Requests the background worker and scheduler make belong to no invoke and are left out.
 */
class Profile {
  private readonly context = new AsyncLocalStorage<Invoke>();
  private readonly invokes = new Map<string, Invoke>();
  private readonly calls = new WeakMap<ClientRequest, { op: string; start: number; end: number }>();
  private readonly delay = monitorEventLoopDelay({ resolution: 1 });
  private phase?: {
    elu: ReturnType<typeof performance.eventLoopUtilization>;
    cpu: NodeJS.CpuUsage;
    emulatorCpuMs: number | undefined;
    at: number;
  };
  private seq = 0;
  /** HTTP requests the server made outside any timed invoke (worker, scheduler). */
  private background = 0;
  private connectorAtBegin = 0;

  constructor(
    private readonly emulatorPid: number | undefined,
    private readonly connectorRequests: () => number,
  ) {
    diagnostics.subscribe('http.server.request.start', (message) => {
      const { request } = message as { request: IncomingMessage };
      const tag = request.headers['x-bench-id'];
      if (typeof tag !== 'string') return;
      const invoke: Invoke = {
        serverStart: performance.now(),
        serverEnd: 0,
        clientMs: 0,
        calls: [],
      };
      this.invokes.set(tag, invoke);
      this.context.enterWith(invoke);
    });
    diagnostics.subscribe('http.server.response.finish', (message) => {
      const { request } = message as { request: IncomingMessage };
      const tag = request.headers['x-bench-id'];
      const invoke = typeof tag === 'string' ? this.invokes.get(tag) : undefined;
      if (invoke) invoke.serverEnd = performance.now();
    });
    diagnostics.subscribe('http.client.request.start', (message) => {
      const { request } = message as { request: ClientRequest };
      const invoke = this.context.getStore();
      if (!invoke || invoke.serverEnd > 0) {
        this.background++;
        return;
      }
      const call = { op: operationOf(request), start: performance.now(), end: 0 };
      invoke.calls.push(call);
      this.calls.set(request, call);
    });
    diagnostics.subscribe('http.client.response.finish', (message) => {
      const { request } = message as { request: ClientRequest };
      const call = this.calls.get(request);
      if (call) call.end = performance.now();
    });
  }

  tag() {
    return `b${++this.seq}`;
  }

  client(tag: string, ms: number) {
    const invoke = this.invokes.get(tag);
    if (invoke) invoke.clientMs = ms;
  }

  begin() {
    this.invokes.clear();
    this.delay.reset();
    this.delay.enable();
    this.background = 0;
    this.connectorAtBegin = this.connectorRequests();
    this.phase = {
      elu: performance.eventLoopUtilization(),
      cpu: process.cpuUsage(),
      emulatorCpuMs: processCpuMs(this.emulatorPid),
      at: performance.now(),
    };
  }

  end(name: string, requests: number) {
    this.delay.disable();
    const phase = this.phase!;
    const wallMs = performance.now() - phase.at;
    const elu = performance.eventLoopUtilization(phase.elu).utilization;
    const cpu = process.cpuUsage(phase.cpu);
    const emulatorEnd = processCpuMs(this.emulatorPid);
    const emulatorMs =
      emulatorEnd === undefined || phase.emulatorCpuMs === undefined
        ? undefined
        : emulatorEnd - phase.emulatorCpuMs;
    const all = [...this.invokes.values()].filter((i) => i.serverEnd > 0);
    const field = (pick: (i: Invoke) => number) => {
      const sorted = all.map(pick).sort((a, b) => a - b);
      return sorted.length === 0
        ? '-'
        : `${quantile(sorted, 0.5).toFixed(1)}/${quantile(sorted, 0.99).toFixed(1)}`;
    };
    const server = (i: Invoke) => i.serverEnd - i.serverStart;
    const storage = (i: Invoke) => unionMs(i.calls);
    const ops = new Map<string, number[]>();
    for (const invoke of all)
      for (const call of invoke.calls)
        if (call.end > 0) {
          let list = ops.get(call.op);
          if (!list) ops.set(call.op, (list = []));
          list.push(call.end - call.start);
        }
    const opLines = [...ops]
      .map(([op, list]) => {
        const sorted = list.sort((a, b) => a - b);
        return {
          op,
          line: `${op}: ${(list.length / Math.max(1, all.length)).toFixed(1)}/invoke p50 ${quantile(sorted, 0.5).toFixed(1)} p99 ${quantile(sorted, 0.99).toFixed(1)} ms`,
          total: list.reduce((a, b) => a + b, 0),
        };
      })
      .sort((a, b) => b.total - a.total)
      .slice(0, 8)
      .map((o) => o.line);
    progress(
      [
        `profile ${name} (p50/p99 ms over ${all.length} invokes):`,
        `  client ${field((i) => i.clientMs)}  in server ${field(server)}  waiting on storage ${field(storage)}` +
          `  server minus storage ${field((i) => server(i) - storage(i))}  client minus server ${field((i) => i.clientMs - server(i))}`,
        `  storage calls per invoke ${field((i) => i.calls.length)}`,
        `  event loop: utilisation ${elu.toFixed(2)}, delay p50 ${(this.delay.percentile(50) / 1e6).toFixed(1)} p99 ${(this.delay.percentile(99) / 1e6).toFixed(1)} max ${(this.delay.max / 1e6).toFixed(1)} ms`,
        `  CPU per invoke: this process ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} ms` +
          (emulatorMs === undefined ? '' : `, emulator ${(emulatorMs / requests).toFixed(2)} ms`) +
          `; wall ${wallMs.toFixed(0)} ms, ${(requests / (wallMs / 1000)).toFixed(0)}/s`,
        `  background (worker, scheduler): ${this.background} HTTP requests (${this.connectorRequests() - this.connectorAtBegin} to the connector), ${(this.background / (wallMs / 1000)).toFixed(0)}/s`,
        ...opLines.map((l) => `  ${l}`),
      ].join('\n'),
    );
  }
}

/** A storage request named by verb, table or queue (without the prefix), and its kind. */
function operationOf(request: ClientRequest): string {
  const path = decodeURIComponent(request.path);
  const [, name = '', rest = ''] = /^\/[^/]+\/([A-Za-z0-9]+)(.*)$/.exec(path.split('?')[0]!) ?? [];
  const what = rest.startsWith('(PartitionKey=')
    ? 'entity'
    : rest.startsWith('()') || path.includes('$filter')
      ? 'query'
      : rest.startsWith('/messages')
        ? 'messages'
        : rest || 'table';
  const host = request.getHeader('host');
  return `${request.method} ${name.replace(/^b[0-9a-f]{10}/, '') || String(host)} ${what}`;
}

/** The time covered by any of the calls (overlapping calls count once). */
function unionMs(calls: readonly { start: number; end: number }[]) {
  const spans = calls.filter((c) => c.end > 0).sort((a, b) => a.start - b.start);
  let total = 0;
  let from = -1;
  let to = -1;
  for (const s of spans) {
    if (s.start > to) {
      total += to - from;
      from = s.start;
      to = s.end;
    } else to = Math.max(to, s.end);
  }
  return total + (to - from);
}

/** User and system CPU of another process from /proc (Linux), in ms. */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks / 100) * 1000;
  } catch {
    return undefined;
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
