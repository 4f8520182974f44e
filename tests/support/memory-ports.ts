import { conflict, notFound } from '../../src/core/errors';
import type { Acknowledgement, CompactVersion } from '../../src/core/compact/compact';
import type { ConversationState } from '../../src/core/notify/conversation-state';
import type { DeadLetter } from '../../src/core/notify/dead-letter';
import type { NotificationRecord } from '../../src/core/notify/notification';
import { hourBucket, type ScheduledJob } from '../../src/core/schedule/scheduled-job';
import type {
  Clock,
  CompactStore,
  MemberStore,
  Ports,
  TeamStore,
  Versioned,
} from '../../src/core/ports';
import type { Member, RosterEntry } from '../../src/core/team/member';
import type { Team, TeamRef } from '../../src/core/team/team';
import type { CheckIn } from '../../src/core/rotations/check-in';
import type { Program } from '../../src/core/rotations/program';
import type { Round } from '../../src/core/rotations/round';
import type { GuardianSettings, GuardianTerm } from '../../src/core/guardian/guardian';
import { kudosOrderKey, type Kudos } from '../../src/core/kudos/kudos';
import type { Proposal } from '../../src/core/compact/proposal';
import type { CompactSettings } from '../../src/core/compact/settings';
import type { HelpRequest } from '../../src/core/help/help-request';
import { cardMessages } from '../../bot/cards/messages';
import { createTabLinks } from '../../bot/tab-links';
import { memoryPulseStore } from './memory-pulse-store';
import type { CompactReview } from '../../src/core/compact/review';
import { DEFAULT_BOUNDARIES } from '../../src/core/team/boundaries';
import type { InsightSettings } from '../../src/core/insights/insights';

/** In-memory ports with the stores' semantics (ETags, insert-if-absent), for unit tests only. */
export function memoryPorts(clock: Clock = { now: () => new Date('2026-01-05T09:00:00Z') }): Ports {
  let etagCounter = 0;
  const nextEtag = () => `W/"${++etagCounter}"`;
  const teamKey = (ref: TeamRef) => `${ref.tenantId}|${ref.teamId}`;

  const teams = new Map<string, Versioned<Team>>();
  const members = new Map<string, Map<string, Versioned<Member>>>();
  const compacts = new Map<string, CompactVersion[]>();
  const membership = new Map<string, TeamRef[]>();

  const teamStore: TeamStore = {
    get: async (ref) => clone(teams.get(teamKey(ref))),
    create: async (team) => {
      if (teams.has(teamKey(team))) throw conflict('team exists');
      const row = { value: clone(team), etag: nextEtag() };
      teams.set(teamKey(team), row);
      return clone(row);
    },
    update: async (team, etag) => {
      const row = teams.get(teamKey(team));
      if (!row || row.etag !== etag) throw conflict('stale team');
      const next = { value: clone(team), etag: nextEtag() };
      teams.set(teamKey(team), next);
      return clone(next);
    },
    remove: async (ref, etag) => {
      const row = teams.get(teamKey(ref));
      if (!row) throw notFound('no team');
      if (row.etag !== etag) throw conflict('stale team');
      teams.delete(teamKey(ref));
    },
  };

  const partition = (ref: TeamRef) => {
    let p = members.get(teamKey(ref));
    if (!p) members.set(teamKey(ref), (p = new Map()));
    return p;
  };
  const memberStore: MemberStore = {
    get: async (ref, userId) => clone(partition(ref).get(userId)),
    list: async (ref) => [...partition(ref).values()].map(clone),
    create: async (ref, member) => {
      const key = `${ref.tenantId}|${member.userId}`;
      const refs = membership.get(key) ?? [];
      if (!refs.some((r) => r.teamId === ref.teamId)) membership.set(key, [...refs, ref]);
      if (partition(ref).has(member.userId)) throw conflict('member exists');
      const row = { value: clone(member), etag: nextEtag() };
      partition(ref).set(member.userId, row);
      return clone(row);
    },
    update: async (ref, member, etag) => {
      const row = partition(ref).get(member.userId);
      if (!row || row.etag !== etag) throw conflict('stale member');
      const next = { value: clone(member), etag: nextEtag() };
      partition(ref).set(member.userId, next);
      return clone(next);
    },
    teamsOf: async (tenantId, userId) => [...(membership.get(`${tenantId}|${userId}`) ?? [])],
    remove: async (ref, userId, etag) => {
      const key = `${ref.tenantId}|${userId}`;
      membership.set(
        key,
        (membership.get(key) ?? []).filter((r) => r.teamId !== ref.teamId),
      );
      const row = partition(ref).get(userId);
      if (!row) throw notFound('no member');
      if (row.etag !== etag) throw conflict('stale member');
      partition(ref).delete(userId);
    },
  };

  const compactStore: CompactStore = {
    current: async (ref) => clone(compacts.get(teamKey(ref))?.[0]),
    list: async (ref, limit) => (compacts.get(teamKey(ref)) ?? []).slice(0, limit).map(clone),
    add: async (ref, version) => {
      const list = compacts.get(teamKey(ref)) ?? [];
      if (list.some((v) => v.version === version.version)) throw conflict('version exists');
      compacts.set(
        teamKey(ref),
        [...list, clone(version)].sort((a, b) => b.version - a.version),
      );
    },
  };

  const keyed = <T>() => {
    const rows = new Map<string, Versioned<T>>();
    return {
      get: (key: string) => clone(rows.get(key)),
      create: (key: string, value: T) => {
        if (rows.has(key)) throw conflict('exists');
        const row = { value: clone(value), etag: nextEtag() };
        rows.set(key, row);
        return clone(row);
      },
      update: (key: string, value: T, etag: string) => {
        if (rows.get(key)?.etag !== etag) throw conflict('stale');
        const row = { value: clone(value), etag: nextEtag() };
        rows.set(key, row);
        return clone(row);
      },
      remove: (key: string, etag: string) => {
        if (!rows.has(key)) throw notFound('gone');
        if (rows.get(key)?.etag !== etag) throw conflict('stale');
        rows.delete(key);
      },
      /** Deletes every row whose key is `key` or starts with `key|`; how many. */
      purge: (key: string) => {
        let count = 0;
        for (const k of [...rows.keys()])
          if (k === key || k.startsWith(`${key}|`)) count += Number(rows.delete(k));
        return count;
      },
      values: () => [...rows.values()].map((r) => clone(r.value)),
      /** Rows whose key starts with `prefix`, in key order. */
      prefixed: (prefix: string) =>
        [...rows.entries()]
          .filter(([key]) => key.startsWith(prefix))
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([, row]) => clone(row)),
    };
  };
  const notes = keyed<NotificationRecord>();
  const dead = keyed<DeadLetter>();
  const convs = keyed<ConversationState>();
  const jobs = keyed<ScheduledJob>();
  const cursor = keyed<string>();
  const programs = keyed<Program>();
  const rounds = keyed<Round>();
  const checkIns = keyed<CheckIn>();
  const guardianSettings = keyed<GuardianSettings>();
  const guardianTerms = keyed<GuardianTerm>();
  const helpRequests = keyed<HelpRequest>();
  const kudos = keyed<Kudos>();
  const kudosOnce = new Map<string, string>();
  const kudosLatest = (ref: TeamRef) =>
    kudos
      .prefixed(`${teamKey(ref)}|`)
      .map((r) => r.value)
      .sort((a, b) => kudosOrderKey(a).localeCompare(kudosOrderKey(b)));
  const proposals = keyed<Proposal>();
  const acks = keyed<Acknowledgement>();
  const compactSettings = keyed<CompactSettings>();
  const compactReviews = keyed<CompactReview>();
  const insightSettings = keyed<InsightSettings>();
  // Rounds sort latest first under their id's slot, as the table store's inverted keys do.
  const roundKey = (ref: TeamRef, id: string) =>
    `${teamKey(ref)}|${id.replace(/\d{12}$/, (slot) => String(999999999999 - Number(slot)))}`;
  const queued: {
    id: string;
    team: TeamRef;
    notificationId: string;
    visibleAt: number;
    count: number;
  }[] = [];
  let queueCounter = 0;

  return {
    clock,
    teams: teamStore,
    members: memberStore,
    compacts: compactStore,
    notifications: {
      get: async (team, id) => notes.get(`${teamKey(team)}|${id}`),
      record: async (n) => {
        const key = `${teamKey(n.team)}|${n.id}`;
        const existing = notes.get(key);
        if (existing) return { record: existing, created: false };
        const record = notes.create(key, {
          ...n,
          status: 'pending',
          attempts: 0,
          lastError: '',
          sentAt: '',
          claimedUntil: '',
        });
        return { record, created: true };
      },
      update: async (r, etag) => notes.update(`${teamKey(r.team)}|${r.id}`, r, etag),
      listByPrefix: async (team, prefix) =>
        notes.prefixed(`${teamKey(team)}|${prefix}`).map((r) => r.value),
      listTo: async (team, userId) =>
        notes
          .prefixed(`${teamKey(team)}|`)
          .filter((r) => r.value.target.kind === 'member' && r.value.target.userId === userId)
          .map(({ value: { id, target, status, createdAt, sentAt }, etag }) => ({
            value: { id, target, status, createdAt, sentAt },
            etag,
          })),
      remove: async (team, id, etag) => notes.remove(`${teamKey(team)}|${id}`, etag),
    },
    programs: {
      get: async (ref, kind) => programs.get(`${teamKey(ref)}|${kind}`),
      list: async (ref) => programs.prefixed(`${teamKey(ref)}|`),
      create: async (ref, p) => programs.create(`${teamKey(ref)}|${p.kind}`, p),
      update: async (ref, p, etag) => programs.update(`${teamKey(ref)}|${p.kind}`, p, etag),
    },
    rounds: {
      get: async (ref, id) => rounds.get(roundKey(ref, id)),
      list: async (ref, program, limit) =>
        rounds.prefixed(`${teamKey(ref)}|${program}-`).slice(0, limit),
      create: async (ref, r) => rounds.create(roundKey(ref, r.id), r),
      update: async (ref, r, etag) => rounds.update(roundKey(ref, r.id), r, etag),
    },
    checkIns: {
      get: async (ref, roundId, userId) => checkIns.get(`${teamKey(ref)}|${roundId}|${userId}`),
      listForRound: async (ref, roundId) =>
        checkIns.prefixed(`${teamKey(ref)}|${roundId}|`).map((r) => r.value),
      create: async (ref, c) => checkIns.create(`${teamKey(ref)}|${c.roundId}|${c.userId}`, c),
      update: async (ref, c, etag) =>
        checkIns.update(`${teamKey(ref)}|${c.roundId}|${c.userId}`, c, etag),
      remove: async (ref, roundId, userId, etag) =>
        checkIns.remove(`${teamKey(ref)}|${roundId}|${userId}`, etag),
    },
    guardians: {
      settings: async (ref) => guardianSettings.get(teamKey(ref)),
      saveSettings: async (ref, settings, etag) =>
        etag === undefined
          ? guardianSettings.create(teamKey(ref), settings)
          : guardianSettings.update(teamKey(ref), settings, etag),
      terms: async (ref, limit) =>
        guardianTerms
          .prefixed(`${teamKey(ref)}|`)
          .map((r) => r.value)
          .reverse()
          .slice(0, limit),
      addTerm: async (ref, term) => {
        guardianTerms.create(`${teamKey(ref)}|${term.since}`, term);
      },
    },
    help: {
      get: async (ref, id) => helpRequests.get(`${teamKey(ref)}|${id}`),
      list: async (ref) =>
        helpRequests
          .prefixed(`${teamKey(ref)}|`)
          .sort((a, b) => b.value.createdAt.localeCompare(a.value.createdAt)),
      create: async (ref, r) => helpRequests.create(`${teamKey(ref)}|${r.id}`, r),
      update: async (ref, r, etag) => helpRequests.update(`${teamKey(ref)}|${r.id}`, r, etag),
      countTakenSince: async (ref, userId, since) =>
        helpRequests
          .prefixed(`${teamKey(ref)}|`)
          .filter(
            (r) => r.value.helperId === userId && r.value.firstResponseAt >= since.toISOString(),
          ).length,
    },
    proposals: {
      get: async (ref, id) => proposals.get(`${teamKey(ref)}|${id}`),
      list: async (ref) => proposals.prefixed(`${teamKey(ref)}|`),
      create: async (ref, p) => proposals.create(`${teamKey(ref)}|${p.id}`, p),
      update: async (ref, p, etag) => proposals.update(`${teamKey(ref)}|${p.id}`, p, etag),
    },
    compactSettings: {
      get: async (ref) => compactSettings.get(teamKey(ref)),
      save: async (ref, settings, etag) =>
        etag === undefined
          ? compactSettings.create(teamKey(ref), settings)
          : compactSettings.update(teamKey(ref), settings, etag),
    },
    compactReviews: {
      add: async (ref, r) => compactReviews.create(`${teamKey(ref)}|${r.id}`, r).value,
      list: async (ref) =>
        compactReviews
          .prefixed(`${teamKey(ref)}|`)
          .map((r) => r.value)
          .sort((a, b) => b.heldOn.localeCompare(a.heldOn)),
    },
    acknowledgements: {
      add: async (ref, a) => {
        const key = `${teamKey(ref)}|${a.version}|${a.userId}`;
        if (acks.get(key)) return { created: false };
        acks.create(key, a);
        return { created: true };
      },
      forVersion: async (ref, version) =>
        acks.prefixed(`${teamKey(ref)}|${version}|`).map((r) => r.value),
      ofMember: async (ref, userId) =>
        acks.prefixed(`${teamKey(ref)}|`).filter((r) => r.value.userId === userId),
      remove: async (ref, a, etag) => acks.remove(`${teamKey(ref)}|${a.version}|${a.userId}`, etag),
    },
    pulses: memoryPulseStore(),
    kudos: {
      add: async (ref, k, onceKey = k.id) => {
        const gate = `${teamKey(ref)}|${onceKey}`;
        const first = kudosOnce.get(gate);
        if (first) return { created: false, kudos: kudos.get(`${teamKey(ref)}|${first}`)!.value };
        kudosOnce.set(gate, k.id);
        kudos.create(`${teamKey(ref)}|${k.id}`, k);
        return { created: true, kudos: k };
      },
      list: async (ref, limit) => kudosLatest(ref).slice(0, limit),
      page: async (ref, limit, after) => {
        const rest = kudosLatest(ref).filter((k) => !after || kudosOrderKey(k) > after);
        const shown = rest.slice(0, limit);
        const last = shown.at(-1);
        return {
          kudos: shown,
          next: rest.length > limit && last ? kudosOrderKey(last) : undefined,
        };
      },
      ofMember: async (ref, userId, limit) => ({
        given: kudosLatest(ref)
          .filter((k) => k.fromId === userId)
          .slice(0, limit),
        received: kudosLatest(ref)
          .filter((k) => k.toIds.includes(userId))
          .slice(0, limit),
      }),
      get: async (ref, id) => kudos.get(`${teamKey(ref)}|${id}`),
      update: async (ref, k, etag) => kudos.update(`${teamKey(ref)}|${k.id}`, k, etag),
    },
    insights: {
      helpSince: async (ref, since) =>
        helpRequests
          .prefixed(`${teamKey(ref)}|`)
          .map((r) => r.value)
          .filter((r) => r.createdAt >= since.toISOString() || r.status !== 'resolved'),
      roundsPublishedSince: async (ref, since) =>
        rounds
          .prefixed(`${teamKey(ref)}|`)
          .map((r) => r.value)
          .filter((r) => r.status === 'published' && r.publishedAt >= since.toISOString()),
      checkInsSince: async (ref, since) =>
        checkIns
          .prefixed(`${teamKey(ref)}|`)
          .map((r) => r.value)
          .filter((c) => c.answeredAt >= since.toISOString()),
      settings: async (ref) => insightSettings.get(teamKey(ref)),
      saveSettings: async (ref, settings, etag) =>
        etag === undefined
          ? insightSettings.create(teamKey(ref), settings)
          : insightSettings.update(teamKey(ref), settings, etag),
    },
    teamData: {
      purgeRecords: async (ref) => {
        const key = teamKey(ref);
        const versions = compacts.get(key)?.length ?? 0;
        compacts.delete(key);
        return [
          notes,
          dead,
          convs,
          programs,
          rounds,
          checkIns,
          guardianSettings,
          guardianTerms,
          helpRequests,
          kudos,
          proposals,
          acks,
          compactSettings,
          compactReviews,
          insightSettings,
        ].reduce((sum, store) => sum + store.purge(key), versions);
      },
    },
    channels: { list: async (team) => [{ id: team.teamId, name: 'General' }] },
    messages: cardMessages,
    links: createTabLinks({ baseUrl: () => 'http://localhost:3978', teamsAppId: '' }),
    deadLetters: {
      add: async (entry) => {
        const key = `${teamKey(entry.team)}|${entry.notificationId}`;
        if (!dead.get(key)) dead.create(key, entry);
      },
      get: async (team, id) => dead.get(`${teamKey(team)}|${id}`),
      list: async (team, limit) =>
        dead
          .values()
          .filter((d) => teamKey(d.team) === teamKey(team))
          .slice(0, limit),
      remove: async (team, id, etag) => dead.remove(`${teamKey(team)}|${id}`, etag),
    },
    conversations: {
      get: async (team, key) => convs.get(`${teamKey(team)}|${key}`),
      create: async (state) => convs.create(`${teamKey(state.team)}|${state.key}`, state),
      update: async (state, etag) =>
        convs.update(`${teamKey(state.team)}|${state.key}`, state, etag),
      remove: async (team, key, etag) => convs.remove(`${teamKey(team)}|${key}`, etag),
    },
    queue: {
      push: async (team, notificationId, delayMs = 0) => {
        queued.push({
          id: String(++queueCounter),
          team,
          notificationId,
          visibleAt: clock.now().getTime() + delayMs,
          count: 0,
        });
      },
      receive: async (max, visibilityMs) => {
        const now = clock.now().getTime();
        return queued
          .filter((q) => q.visibleAt <= now)
          .slice(0, max)
          .map((q) => {
            q.visibleAt = now + visibilityMs;
            q.count++;
            return {
              messageId: q.id,
              popReceipt: `${q.id}:${q.count}`,
              team: q.team,
              notificationId: q.notificationId,
              dequeueCount: q.count,
            };
          });
      },
      delete: async (d) => {
        const i = queued.findIndex((q) => q.id === d.messageId);
        if (i >= 0) queued.splice(i, 1);
      },
      delay: async (d, delayMs) => {
        const q = queued.find((x) => x.id === d.messageId);
        if (q) q.visibleAt = clock.now().getTime() + delayMs;
        return d;
      },
      depth: async () => queued.length,
    },
    schedule: {
      add: async (job) => {
        if (!jobs.get(job.id)) jobs.create(job.id, job);
      },
      due: async (bucket, now, limit) =>
        jobs
          .values()
          .filter(
            (j) => hourBucket(new Date(j.dueAt)) === bucket && Date.parse(j.dueAt) <= now.getTime(),
          )
          .slice(0, limit)
          .map((value) => jobs.get(value.id)!),
      isEmpty: async (bucket) =>
        !jobs.values().some((j) => hourBucket(new Date(j.dueAt)) === bucket),
      // As the table store: a job already completed by someone else is done.
      complete: async (job, etag) => {
        if (jobs.get(job.id)) jobs.remove(job.id, etag);
      },
      fail: async (job, etag, error) => {
        jobs.update(job.id, { ...job, attempts: job.attempts + 1, lastError: error }, etag);
      },
      cursor: async () => cursor.get('cursor'),
      setCursor: async (bucket, etag) => {
        if (etag) cursor.update('cursor', bucket, etag);
        else cursor.create('cursor', bucket);
      },
    },
  };
}

const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

let counter = 0;
/** A roster entry with a unique, GUID-shaped user id. */
export function buildRosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    userId: `b2000000-0000-4000-8000-${hex}`,
    name: `Person ${counter}`,
    email: `person${counter}@example.test`,
    botUserId: `29:person-${counter}`,
    ...overrides,
  };
}

/** A full member row, as sync-roster would create it, with a unique id unless given. */
export function buildMember(overrides: Partial<Member> = {}): Member {
  const entry = buildRosterEntry(overrides.userId ? { userId: overrides.userId } : {});
  return {
    ...entry,
    role: 'member',
    active: true,
    joinedAt: '2026-01-05T09:00:00.000Z',
    department: '',
    teaches: [],
    learns: [],
    ...DEFAULT_BOUNDARIES,
    ...overrides,
  };
}

export const buildTeamRef = (overrides: Partial<TeamRef> = {}): TeamRef => ({
  tenantId: 'c3000000-0000-4000-8000-000000000001',
  teamId: `19:team-${++counter}@thread.tacv2`,
  ...overrides,
});
