import { describe, expect, it } from 'vitest';
import type { HelpRequest } from '../../src/core/help/help-request';
import type { Round } from '../../src/core/rotations/round';
import type { TeamRef } from '../../src/core/team/team';
import { createServices } from '../../src/services';
import { HELPER_LOAD_DUE } from '../../src/services/insights/insights';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { testScheduler } from '../support/scheduler';
import { freshStorage, manualClock } from '../support/storage';

const HOUR = 3_600_000;
let counter = 0;

/** A stored help request made at `createdAt`; helped by `helperId` (claimed 1 h later) if given. */
function request(
  requesterId: string,
  createdAt: string,
  o: { helperId?: string; status?: HelpRequest['status'] } = {},
): HelpRequest {
  const made = Date.parse(createdAt);
  const status = o.status ?? (o.helperId ? 'resolved' : 'open');
  const id = `h${(++counter).toString(16).padStart(16, '0')}`;
  return {
    id,
    requesterId,
    source: { id: `m${counter}`, text: 'The build is red.', authorName: 'Someone', link: '' },
    blocker: 'A long description the insights never need to read.',
    skills: ['SQL'],
    urgency: 'normal',
    status,
    helperId: o.helperId ?? '',
    buddyId: '',
    createdAt: new Date(made).toISOString(),
    responseHours: 4,
    dueAt: new Date(made + 4 * HOUR).toISOString(),
    firstResponseAt: o.helperId ? new Date(made + HOUR).toISOString() : '',
    resolvedAt: status === 'resolved' ? new Date(made + 2 * HOUR).toISOString() : '',
    resolvedBy: status === 'resolved' ? (o.helperId ?? requesterId) : '',
    thankedAt: '',
    revision: 1,
  };
}

const round = (
  id: string,
  publishedAt: string,
  groups: string[][],
  status = 'published',
): Round => ({
  id,
  program: id.split('-')[0] as Round['program'],
  status: status as Round['status'],
  scheduledFor: publishedAt,
  createdAt: publishedAt,
  createdBy: '',
  publishedAt: status === 'published' ? publishedAt : '',
  publishedBy: '',
  revision: 1,
  groups: groups.map((members) => ({
    members,
    reason: { kind: 'text' as const, text: 'r' },
    weight: 1,
  })),
  unplaced: [],
  totalWeight: 1,
  method: 'exact',
  seed: 1,
});

async function installed(start: string) {
  const clock = manualClock(start);
  const { ports } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeamRef();
  const people = Array.from({ length: 6 }, () => buildRosterEntry());
  const [owner, guardian, heavy, ...others] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    ...typeof people,
  ];
  await services.registerInstallation({
    ref: team,
    name: 'Platform',
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: owner.userId,
    roster: people,
  });
  const scheduler = testScheduler(ports, services.jobHandlers);
  const at = async (iso: string) => {
    clock.set(iso);
    await scheduler.tick();
  };
  const notes = async (ref: TeamRef = team) =>
    (await ports.notifications.listByPrefix(ref, `${HELPER_LOAD_DUE}~`))
      .map((n) => ({
        about: n.id.split('~')[1],
        to: n.target.kind === 'member' ? n.target.userId : 'channel',
        at: n.createdAt,
        text: n.message.text,
      }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.to.localeCompare(b.to));
  const seed = (list: HelpRequest[], ref: TeamRef = team) =>
    Promise.all(list.map((r) => ports.help.create(ref, r)));
  const makeGuardian = (userId: string) =>
    ports.guardians.addTerm(team, {
      userId,
      since: clock.now().toISOString(),
      until: new Date(clock.now().getTime() + 60 * 24 * HOUR).toISOString(),
    });
  return {
    clock,
    ports,
    services,
    team,
    owner,
    guardian,
    heavy,
    others,
    at,
    notes,
    seed,
    makeGuardian,
  };
}

describe('the insights reads', () => {
  it('read the team’s requests since a time, or still open, with only the columns the metrics use', async () => {
    const { ports, team, owner, heavy, others, seed } = await installed('2026-03-02T08:00:00Z');
    const other = buildTeamRef({ tenantId: team.tenantId });
    const recent = request(others[0]!.userId, '2026-02-25T10:00:00Z', { helperId: heavy.userId });
    const oldOpen = request(others[1]!.userId, '2026-01-10T10:00:00Z');
    const oldClaimed = request(owner.userId, '2026-01-11T10:00:00Z', {
      helperId: heavy.userId,
      status: 'claimed',
    });
    const oldResolved = request(others[0]!.userId, '2026-01-12T10:00:00Z', {
      helperId: heavy.userId,
    });
    await seed([recent, oldOpen, oldClaimed, oldResolved]);
    // Another team's rows, recent and open, are never read.
    await seed(
      [
        request('x', '2026-02-26T10:00:00Z', { helperId: 'y' }),
        request('x', '2026-01-01T10:00:00Z'),
      ],
      other,
    );

    const read = await ports.insights.helpSince(team, new Date('2026-02-01T00:00:00Z'));
    expect(read.map((r) => r.id).sort()).toEqual([recent.id, oldOpen.id, oldClaimed.id].sort());
    const got = read.find((r) => r.id === recent.id)!;
    expect(got).toEqual({
      id: recent.id,
      requesterId: recent.requesterId,
      status: 'resolved',
      helperId: heavy.userId,
      createdAt: recent.createdAt,
      responseHours: 4,
      dueAt: recent.dueAt,
      firstResponseAt: recent.firstResponseAt,
      resolvedAt: recent.resolvedAt,
      resolvedBy: heavy.userId,
    });
  });

  it('read rounds published since a time, and check-ins answered since, of every program, in one team', async () => {
    const { ports, team, owner, heavy } = await installed('2026-03-02T08:00:00Z');
    const other = buildTeamRef({ tenantId: team.tenantId });
    const pair = [owner.userId, heavy.userId];
    await ports.rounds.create(
      team,
      round('skill_share-202602230900', '2026-02-23T06:00:00.000Z', [pair]),
    );
    await ports.rounds.create(
      team,
      round('blocker_buddy-202602240900', '2026-02-24T06:00:00.000Z', [pair]),
    );
    await ports.rounds.create(
      team,
      round('cross_check-202601050900', '2026-01-05T06:00:00.000Z', [pair]),
    );
    await ports.rounds.create(team, round('cross_check-202602250900', '', [pair], 'draft'));
    await ports.rounds.create(
      other,
      round('skill_share-202602230900', '2026-02-23T06:00:00.000Z', [pair]),
    );
    const answer = (ref: TeamRef, roundId: string, userId: string, answeredAt: string) =>
      ports.checkIns.create(ref, { roundId, userId, answer: 'met', answeredAt });
    await answer(team, 'skill_share-202602230900', owner.userId, '2026-02-27T10:00:00.000Z');
    await answer(team, 'cross_check-202601050900', owner.userId, '2026-01-09T10:00:00.000Z');
    await answer(other, 'skill_share-202602230900', owner.userId, '2026-02-27T10:00:00.000Z');

    const since = new Date('2026-02-01T00:00:00Z');
    const rounds = await ports.insights.roundsPublishedSince(team, since);
    expect(rounds.map((r) => r.id).sort()).toEqual([
      'blocker_buddy-202602240900',
      'skill_share-202602230900',
    ]);
    expect(rounds[0]!.groups[0]!.members).toEqual(pair);
    expect(await ports.insights.checkInsSince(team, since)).toEqual([
      { roundId: 'skill_share-202602230900', userId: owner.userId, answer: 'met' },
    ]);
  });

  it('keep the alert settings in one row, with defaults until saved', async () => {
    const { ports, services, team, owner, others } = await installed('2026-03-02T08:00:00Z');
    const as = (m: { userId: string }) => ({ tenantId: team.tenantId, userId: m.userId });
    expect(await services.getInsightSettings(as(owner), team.teamId)).toEqual({
      helperLoadPercent: 40,
      helperLoadMinRequests: 5,
    });
    await services.saveInsightSettings(as(owner), team.teamId, {
      helperLoadPercent: 55,
      helperLoadMinRequests: 3,
    });
    expect((await ports.insights.settings(team))?.value).toEqual({
      helperLoadPercent: 55,
      helperLoadMinRequests: 3,
    });
    await expect(
      services.saveInsightSettings(as(others[0]!), team.teamId, {
        helperLoadPercent: 20,
        helperLoadMinRequests: 3,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the helper-load alert', () => {
  it('tells the Culture Guardian privately, once in 7 days, and only above the threshold', async () => {
    const { at, seed, notes, heavy, guardian, others, makeGuardian, ports, team } =
      await installed('2026-03-02T05:00:00Z');
    await makeGuardian(guardian.userId);
    // The heavy helper: 4 of 8 = 50% but fewer than 5 helped: no note.
    const asker = others[0]!.userId;
    const helped = (helperId: string, n: number, day: string) =>
      Array.from({ length: n }, () => request(asker, day, { helperId }));
    await seed([
      ...helped(heavy.userId, 4, '2026-02-20T10:00:00Z'),
      ...helped(others[1]!.userId, 4, '2026-02-21T10:00:00Z'),
    ]);
    await at('2026-03-02T06:00:00Z');
    expect(await notes()).toEqual([]);

    // One more for the heavy helper (5 of 9 = 56% > 40%): the guardian hears the next morning.
    await seed(helped(heavy.userId, 1, '2026-03-02T10:00:00Z'));
    await at('2026-03-03T05:59:00Z');
    expect(await notes()).toEqual([]);
    await at('2026-03-03T06:00:00Z');
    const first = await notes();
    expect(first).toEqual([
      {
        about: heavy.userId,
        to: guardian.userId,
        at: '2026-03-03T06:00:00.000Z',
        text: expect.stringContaining('large share of the help'),
      },
    ]);

    // The note opens the Insights page.
    const [record] = await ports.notifications.listByPrefix(team, `${HELPER_LOAD_DUE}~`);
    expect(JSON.stringify(record?.message.card)).toContain(ports.links.page(team, 'insights'));

    // Still loaded on the following days: nothing more within 7 days of the note.
    for (const day of ['04', '05', '06', '07', '08', '09']) await at(`2026-03-${day}T06:00:00Z`);
    expect(await notes()).toEqual(first);
    // Seven days on, still loaded: a second note.
    await at('2026-03-10T06:00:00Z');
    expect((await notes()).map((n) => [n.to, n.at])).toEqual([
      [guardian.userId, '2026-03-03T06:00:00.000Z'],
      [guardian.userId, '2026-03-10T06:00:00.000Z'],
    ]);
  });

  it('tells the owners, not the guardian, when the guardian is the one carrying the load', async () => {
    const { at, seed, notes, owner, guardian, others, makeGuardian } =
      await installed('2026-03-02T05:00:00Z');
    await makeGuardian(guardian.userId);
    const asker = others[0]!.userId;
    await seed([
      ...Array.from({ length: 6 }, () =>
        request(asker, '2026-02-25T10:00:00Z', { helperId: guardian.userId }),
      ),
      request(asker, '2026-02-26T10:00:00Z', { helperId: others[1]!.userId }),
    ]);
    await at('2026-03-02T06:00:00Z');
    expect((await notes()).map((n) => [n.about, n.to])).toEqual([[guardian.userId, owner.userId]]);
  });
});
