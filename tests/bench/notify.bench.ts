// `npm run bench:notify`: 2,000 rotation notifications through the real worker, the real table and
// queue adapters on the in-memory emulator, and the real notifier over HTTP to a fake connector
// that enforces Teams' documented limits and throttles 10% of acceptable requests at random.
// Prints one JSON object on stdout; progress goes to stderr. Personal chats are opened beforehand
// (as after an earlier rotation), so every 1:1 notification is one request; the binding limit is
// then the tenant's 50 requests per second. The fake counts only the requests it accepts against
// its windows (Teams does not say whether throttled requests count).
//
// Knobs (environment): BENCH_RESTART=graceful|abandon (how the first worker goes after ~1,000
// sends: stopped, or left hanging mid-flight like a dead process), BENCH_CONCURRENCY (default:
// the server's), BENCH_CLAIM_MS and BENCH_IDLE_MS (default: main.ts's), BENCH_MEMBERS,
// BENCH_TEAMS, BENCH_SEED, BENCH_EMULATOR=inline (the emulator in this process rather than its
// own), BENCH_PROFILE=1 (latencies, rates per second and event-loop load on stderr).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../../src/config';
import { emulatorProcess } from './emulator-child';
import { notificationId, type Notification } from '../../src/core/notify/notification';
import { TEAMS_PER_CONVERSATION, TEAMS_PER_TENANT } from '../../src/core/notify/rate-limit';
import type { Clock, Notifier } from '../../src/core/ports';
import type { RosterEntry } from '../../src/core/team/member';
import type { TeamRef } from '../../src/core/team/team';
import { createNotificationWorker } from '../../src/jobs/notify/notification-worker';
import { startEmulator } from '../../src/local/emulator';
import { createServices } from '../../src/services';
import { createTablePorts, createTableStorage } from '../../src/store';
import { cardMessages } from '../../bot/cards/messages';
import { createTabLinks } from '../../bot/tab-links';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { localNotifier } from '../support/notify-harness';
import { teamsThrottle } from '../support/teams-throttle';
import { seededRandom } from '../support/seeded-random';

const env = process.env;
const num = (name: string, fallback: number) => {
  const value = env[name];
  return value === undefined || value === '' ? fallback : Number(value);
};
const restart = env.BENCH_RESTART === 'abandon' ? 'abandon' : 'graceful';
const serverDefaults = loadConfig({}).notify;
const settings = {
  members: num('BENCH_MEMBERS', 2_000),
  teams: num('BENCH_TEAMS', 4),
  concurrency: num('BENCH_CONCURRENCY', serverDefaults.concurrency),
  // main.ts's values.
  claimMs: num('BENCH_CLAIM_MS', 60_000),
  idleMs: num('BENCH_IDLE_MS', 1_000),
  maxAttempts: serverDefaults.maxAttempts,
  restart,
  restartAfterSends: num('BENCH_RESTART_AFTER', 1_000),
  randomShare: 0.1,
  randomRetryAfterSeconds: 1,
  seed: num('BENCH_SEED', 1),
  personalChats: 'pre-opened',
  timeoutMs: num('BENCH_TIMEOUT_MS', 150_000),
};
const TENANT = 'd4000000-0000-4000-8000-000000000001';
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const systemClock: Clock = { now: () => new Date() };

async function main() {
  const started = Date.now();
  const emulator =
    env.BENCH_EMULATOR === 'inline' ? await startEmulator() : await emulatorProcess();
  const connector = await startFakeConnector();
  try {
    const result = await run(emulator.connectionString, connector);
    progress(`done in ${Math.round((Date.now() - started) / 1000)} s`);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await connector.close();
    await emulator.stop();
  }
}

async function run(connectionString: string, connector: FakeConnector) {
  const storage = createTableStorage({
    connectionString,
    tablePrefix: `bench${randomBytes(3).toString('hex')}`,
  });
  await storage.ensureTables();
  const profile = env.BENCH_PROFILE === '1' ? new Profile() : undefined;
  const ports = {
    ...createTablePorts(storage, systemClock),
    messages: cardMessages,
    links: createTabLinks({ baseUrl: () => 'http://localhost', teamsAppId: '' }),
    channels: { list: async () => [] },
  };
  const services = createServices(ports);

  // Teams, members, and their personal chats (opened before, as after an earlier rotation).
  progress(`seeding ${settings.members} members in ${settings.teams} teams`);
  const teams: { ref: TeamRef; roster: RosterEntry[] }[] = [];
  const perTeam = Math.ceil(settings.members / settings.teams);
  for (let t = 0; t < settings.teams; t++) {
    const ref = { tenantId: TENANT, teamId: `19:bench-team-${t}@thread.tacv2` };
    const roster = Array.from(
      { length: Math.min(perTeam, settings.members - t * perTeam) },
      (_, i) => {
        const n = t * perTeam + i;
        const hex = n.toString(16).padStart(12, '0');
        return {
          userId: `e5000000-0000-4000-8000-${hex}`,
          name: `Person ${n}`,
          email: `person${n}@bench.test`,
          botUserId: `29:bench-${n}`,
        };
      },
    );
    teams.push({ ref, roster });
  }
  await Promise.all(
    teams.map(({ ref, roster }, t) =>
      services.registerInstallation({
        ref,
        name: `Team ${t}`,
        channel: { serviceUrl: connector.url, conversationId: ref.teamId },
        installedBy: roster[0]!.userId,
        roster,
      }),
    ),
  );
  const chats = teams.flatMap(({ ref, roster }) =>
    roster.map((m) => ({ ref, userId: m.userId, chat: `a:bench-chat-${m.botUserId.slice(3)}` })),
  );
  await inBatches(chats, 50, ({ ref, userId, chat }) =>
    ports.conversations
      .create({
        team: ref,
        key: `member:${userId}`,
        conversationId: chat,
        dead: false,
        deadReason: '',
        updatedAt: new Date().toISOString(),
      })
      .then(() => undefined),
  );

  // The rotation: a 1:1 to each member and a summary in each team's channel.
  const round = 'r2026-01-05';
  const notes: Notification[] = teams.flatMap(({ ref, roster }) => [
    ...roster.map((m) => ({
      id: notificationId('round', round, m.userId),
      team: ref,
      target: { kind: 'member' as const, userId: m.userId },
      message: { text: `bench ${notificationId('round', round, m.userId)}` },
      createdAt: new Date().toISOString(),
    })),
    {
      id: notificationId('round', round, 'summary'),
      team: ref,
      target: { kind: 'channel' as const },
      message: { text: `bench ${ref.teamId} ${notificationId('round', round, 'summary')}` },
      createdAt: new Date().toISOString(),
    },
  ]);
  progress(`enqueueing ${notes.length} notifications`);
  await inBatches(chunk(notes, 20), 10, (part) =>
    services.enqueueNotifications(part).then(() => undefined),
  );
  const expected = new Set(notes.map((n) => n.message.text));

  const random = seededRandom(settings.seed);
  const throttle = teamsThrottle({
    perConversation: TEAMS_PER_CONVERSATION,
    perTenant: TEAMS_PER_TENANT,
    randomShare: settings.randomShare,
    randomRetryAfter: settings.randomRetryAfterSeconds,
    random,
  });
  connector.clear();
  const throttledForLimit = new Set<unknown>();
  connector.failWhen((request) => {
    const before = throttle.limitViolations;
    const failure = throttle.rule(request);
    if (throttle.limitViolations > before) throttledForLimit.add(request);
    return failure;
  });

  let crashed = false;
  const makeWorker = (name: string, crashable: boolean) => {
    const wrap = <T extends object>(target: T, what: string): T =>
      instrument(target, what, profile, () => crashable && crashed);
    const workerPorts = {
      clock: systemClock,
      teams: wrap(ports.teams, 'teams'),
      members: wrap(ports.members, 'members'),
      notifications: wrap(ports.notifications, 'notifications'),
      deadLetters: wrap(ports.deadLetters, 'deadLetters'),
      conversations: wrap(ports.conversations, 'conversations'),
      queue: wrap(ports.queue, 'queue'),
    };
    return createNotificationWorker({
      ports: workerPorts,
      notifier: wrap<Notifier>(localNotifier(15_000), 'notifier'),
      limits: { perConversation: TEAMS_PER_CONVERSATION, perTenant: TEAMS_PER_TENANT },
      maxAttempts: settings.maxAttempts,
      concurrency: settings.concurrency,
      claimMs: settings.claimMs,
      idleMs: settings.idleMs,
      random: Math.random,
      log: (message, fields) => {
        if (message !== 'notify: handling failed' || !crashed)
          progress(`${name}: ${message} ${JSON.stringify(fields ?? {})}`);
      },
    });
  };

  const acceptedSends = () =>
    connector.requests.filter((r) => r.conversationId !== undefined && r.status === 200);
  const distinctSent = () => {
    const seen = new Set<string>();
    for (const s of connector.sent) {
      const text = String(s.activity.text ?? '');
      if (expected.has(text)) seen.add(text);
    }
    return seen.size;
  };

  progress(`sending (restart: ${settings.restart} after ${settings.restartAfterSends} sends)`);
  const start = performance.timeOrigin + performance.now();
  const eluStart = performance.eventLoopUtilization();
  const first = makeWorker('worker-1', true);
  first.start();
  let second: ReturnType<typeof makeWorker> | undefined;
  let restartedAt = 0;
  let timedOut = false;
  let lastReport = 0;
  for (;;) {
    await sleep(20);
    const sent = connector.sent.length;
    if (!second && sent >= settings.restartAfterSends) {
      restartedAt = sent;
      if (settings.restart === 'graceful') {
        progress(`stopping worker-1 gracefully at ${sent} sends`);
        await first.stop();
      } else {
        progress(`abandoning worker-1 at ${sent} sends`);
        crashed = true;
      }
      second = makeWorker('worker-2', false);
      second.start();
    }
    const now = Date.now();
    if (now - lastReport > 5_000) {
      lastReport = now;
      progress(
        `${sent} sends accepted, ${throttle.randomThrottled + throttle.limitViolations} 429`,
      );
    }
    if (distinctSent() === expected.size && (await ports.queue.depth()) === 0) break;
    if (performance.timeOrigin + performance.now() - start > settings.timeoutMs) {
      timedOut = true;
      break;
    }
  }
  const elu = performance.eventLoopUtilization(eluStart).utilization;
  await second?.stop();
  if (!second) await first.stop();

  const accepted = acceptedSends();
  const lastAt = Math.max(...accepted.map((r) => r.answeredAt));
  const elapsedMs = Math.round(lastAt - start);
  const sent = distinctSent();
  const ceilingPerSecond = TEAMS_PER_TENANT[0]!.limit / (TEAMS_PER_TENANT[0]!.windowMs / 1000);
  const achievedPerSecond = accepted.length / (elapsedMs / 1000);
  const statuses = new Map<string, number>();
  for (const n of notes) {
    const status = (await ports.notifications.get(n.team, n.id))?.value.status ?? 'missing';
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  if (profile) {
    progress(profile.report());
    const perSecond = (list: readonly { at: number }[]) => {
      const out: number[] = [];
      for (const r of list) {
        const i = Math.floor((r.at - start) / 1000);
        if (i >= 0) out[i] = (out[i] ?? 0) + 1;
      }
      return Array.from(out, (n) => n ?? 0).join(' ');
    };
    progress(`requests per second: ${perSecond(connector.requests)}`);
    progress(`accepted per second: ${perSecond(accepted)}`);
    progress(
      `limit 429s at (s): ${connector.requests
        .filter((r) => r.status === 429 && throttledForLimit.has(r))
        .map((r) => ((r.at - start) / 1000).toFixed(2))
        .join(' ')}`,
    );
    progress(`event loop utilisation while sending: ${elu.toFixed(2)}`);
  }
  return {
    notifications: notes.length,
    sent,
    lost: expected.size - sent,
    duplicated:
      connector.sent.filter((s) => expected.has(String(s.activity.text ?? ''))).length - sent,
    elapsedMs,
    ceilingPerSecond,
    achievedPerSecond: round2(achievedPerSecond),
    shareOfCeiling: round2(achievedPerSecond / ceilingPerSecond),
    throttled429: throttle.randomThrottled + throttle.limitViolations,
    limitViolations: throttle.limitViolations,
    throttledAtRandom: throttle.randomThrottled,
    requests: connector.requests.length,
    requestsPerSecond: round2(
      connector.requests.filter((r) => r.at <= lastAt).length / (elapsedMs / 1000),
    ),
    violatedLimits: summarize(
      throttle.violations.map((v) => `${v.scope} ${v.limit}/${v.windowMs}ms`),
    ),
    statuses: Object.fromEntries(statuses),
    restart: settings.restart,
    restartedAtSends: restartedAt,
    timedOut,
    settings: {
      concurrency: settings.concurrency,
      claimMs: settings.claimMs,
      idleMs: settings.idleMs,
      maxAttempts: settings.maxAttempts,
      teams: settings.teams,
      members: settings.members,
      personalChats: settings.personalChats,
      randomShare: settings.randomShare,
      randomRetryAfterSeconds: settings.randomRetryAfterSeconds,
      seed: settings.seed,
      emulator: env.BENCH_EMULATOR === 'inline' ? 'in this process' : 'own process',
    },
  };
}

/**
 * Wraps a port so that every call can be timed, and so that once `dead()` holds nothing it starts
 * or finishes ever returns: a process that died mid-way (its requests on the wire still land).
 */
function instrument<T extends object>(
  target: T,
  what: string,
  profile: Profile | undefined,
  dead: () => boolean,
): T {
  const never = new Promise<never>(() => {});
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (dead()) return never;
        const began = performance.now();
        const result = (value as (...a: unknown[]) => unknown).apply(obj, args);
        if (!(result instanceof Promise)) return result;
        return result.then((v: unknown) => {
          profile?.add(`${what}.${String(prop)}`, performance.now() - began);
          return dead() ? never : v;
        });
      };
    },
  });
}

class Profile {
  private readonly samples = new Map<string, number[]>();
  add(name: string, ms: number) {
    let list = this.samples.get(name);
    if (!list) this.samples.set(name, (list = []));
    list.push(ms);
  }
  report() {
    const lines = [...this.samples].map(([name, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
      return `${name}: n=${list.length} p50=${q(0.5).toFixed(1)} p90=${q(0.9).toFixed(1)} p99=${q(0.99).toFixed(1)} ms`;
    });
    return `latencies\n  ${lines.join('\n  ')}`;
  }
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map(work));
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function summarize(items: readonly string[]) {
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (out[item] ?? 0) + 1;
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
