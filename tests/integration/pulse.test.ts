import { odata } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors';
import type { PulseAnswer } from '../../src/core/pulse/pulse';
import { createServices } from '../../src/services';
import { pulseMarker } from '../../src/services/pulse/pulses';
import { presentPulse } from '../../src/api/presenters/pulse';
import { teamPartition } from '../../src/store/keys';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { testScheduler } from '../support/scheduler';
import { freshStorage, manualClock } from '../support/storage';

/**
 * The anonymous pulse on the real tables (storage emulator) with a clock moved by hand: the
 * marker and the tally written together, one count per person under concurrency, no identifier
 * anywhere in the pulses table, the key erased at close, the scheduler's close, and a differencing
 * attempt that learns nothing.
 */
async function setup(size = 8) {
  const clock = manualClock('2026-04-06T09:00:00Z');
  const { ports, storage } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeamRef();
  const people = Array.from({ length: size }, () => buildRosterEntry());
  const owner = people[0]!;
  const actor = (m: { userId: string }) => ({ tenantId: team.tenantId, userId: m.userId });
  await services.registerInstallation({
    ref: team,
    name: 'Platform',
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: owner.userId,
    roster: people,
  });
  for (const m of people)
    await services.updateProfile(actor(m), team.teamId, { optedIn: true, timeZone: 'UTC' });
  const scheduler = testScheduler(ports, services.jobHandlers);
  const start = (input = { days: 7, minAnswers: 5 }) =>
    services.startPulse(actor(owner), team.teamId, input);
  const answer = (i: number, pulseId: string, body: PulseAnswer) =>
    services.answerPulse(actor(people[i]!), team.teamId, pulseId, body);
  const view = (i = 0) => services.listPulses(actor(people[i]!), team.teamId);
  /** Every row of the team's partition in the pulses table, as stored. */
  const rows = async () => {
    const out: Record<string, unknown>[] = [];
    for await (const row of storage
      .table('pulses')
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${teamPartition(team)}` } }))
      out.push(row as Record<string, unknown>);
    return out;
  };
  return {
    clock,
    ports,
    services,
    team,
    people,
    owner,
    actor,
    scheduler,
    start,
    answer,
    view,
    rows,
  };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
};

const rated = (value: number, text = ''): PulseAnswer => ({
  scores: { mistakes: value, questions: value, ideas: value, help: value, boundaries: value },
  text,
});

describe('answering a pulse in the store', () => {
  it('writes the marker and the tally together; the same person twice is counted once', async () => {
    const { start, answer, ports, team, people, view } = await setup();
    const pulse = await start();
    await answer(1, pulse.id, rated(4, 'More pairing time.'));
    const stored = (await ports.pulses.get(team, pulse.id))!.value;
    expect(stored.tally.answered).toBe(1);
    expect(stored.tally.counts.mistakes).toEqual([0, 0, 0, 1, 0]);
    expect(
      await ports.pulses.hasMarker(team, pulse.id, pulseMarker(stored.hashKey, people[1]!.userId)),
    ).toBe(true);

    expect(await codeOf(answer(1, pulse.id, rated(1)))).toMatch(/conflict: You already answered/);
    expect((await ports.pulses.get(team, pulse.id))!.value.tally).toEqual(stored.tally);
    expect((await view(1)).pulses[0]!.answeredByMe).toBe(true);
    expect((await view(2)).pulses[0]!.answeredByMe).toBe(false);
  });

  it('a tally written on a stale ETag fails as a whole: no marker is left behind', async () => {
    const { start, answer, ports, team } = await setup();
    const pulse = await start();
    const before = (await ports.pulses.get(team, pulse.id))!;
    await answer(1, pulse.id, rated(3));
    const marker = 'a'.repeat(64);
    const stale = ports.pulses.answer(
      team,
      { ...before.value, tally: { ...before.value.tally, answered: 99 } },
      before.etag,
      marker,
    );
    expect(await codeOf(stale)).toMatch(/^conflict/);
    expect(await ports.pulses.hasMarker(team, pulse.id, marker)).toBe(false);
    expect((await ports.pulses.get(team, pulse.id))!.value.tally.answered).toBe(1);
  });

  it('answers sent at the same moment by different people are all counted, and a double press once', async () => {
    const { start, answer, ports, team } = await setup(8);
    const pulse = await start();
    const results = await Promise.all([
      ...[1, 2, 3, 4, 5, 6].map((i) => codeOf(answer(i, pulse.id, rated((i % 5) + 1)))),
      codeOf(answer(7, pulse.id, rated(2))),
      codeOf(answer(7, pulse.id, rated(2))),
    ]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(7);
    expect(results.filter((r) => r.includes('already answered'))).toHaveLength(1);
    const tally = (await ports.pulses.get(team, pulse.id))!.value.tally;
    expect(tally.answered).toBe(7);
    expect(tally.counts.help!.reduce((a, b) => a + b, 0)).toBe(7);
  });
});

describe('anonymity in storage', () => {
  it('no row of the pulses table holds a user id, bot id, name or e-mail, and a marker row holds only its key', async () => {
    const { start, answer, rows, people, services, actor, owner, team } = await setup();
    const pulse = await start({ days: 7, minAnswers: 3 });
    for (const i of [1, 2, 3, 4]) await answer(i, pulse.id, rated(i, `Answer number ${i}`));
    await services.closePulse(actor(owner), team.teamId, pulse.id);
    const all = await rows();
    expect(all.length).toBe(1 + 4);
    const text = JSON.stringify(all).toLowerCase();
    for (const person of people)
      for (const identifier of [person.userId, person.botUserId, person.name, person.email])
        expect(text).not.toContain(identifier.toLowerCase());
    const markers = all.filter((r) => String(r.rowKey).startsWith('m~'));
    expect(markers).toHaveLength(4);
    for (const marker of markers)
      expect(Object.keys(marker).sort()).toEqual(['etag', 'partitionKey', 'rowKey', 'timestamp']);
    const pulseRow = all.find((r) => String(r.rowKey).startsWith('p~'))!;
    // Written answers are kept sorted, not in the order they came.
    expect(JSON.parse(String(pulseRow.texts0))).toEqual(
      [...JSON.parse(String(pulseRow.texts0))].sort(),
    );
    // No per-answer field: counts per value, and nothing with a time or a person.
    expect(Object.keys(pulseRow).filter((k) => /user|by$|answeredAt|who/i.test(k))).toEqual([]);
  });

  it('closing erases the key, so markers can no longer be tied to anyone; answers after close are refused', async () => {
    const { start, answer, ports, team, services, actor, owner, people } = await setup();
    const pulse = await start();
    await answer(1, pulse.id, rated(5));
    const keyBefore = (await ports.pulses.get(team, pulse.id))!.value.hashKey;
    expect(keyBefore).toMatch(/^[0-9a-f]{64}$/);
    await services.closePulse(actor(owner), team.teamId, pulse.id);
    const closed = (await ports.pulses.get(team, pulse.id))!.value;
    expect(closed).toMatchObject({ status: 'closed', hashKey: '' });
    expect(await ports.pulses.hasMarker(team, pulse.id, pulseMarker('', people[1]!.userId))).toBe(
      false,
    );
    expect(await codeOf(answer(2, pulse.id, rated(3)))).toMatch(/conflict: This pulse has closed/);
    // A new pulse can start once the last one closed.
    expect((await start()).status).toBe('open');
  });

  it('the scheduler closes a pulse at its end, with no one pressing anything', async () => {
    const { start, answer, ports, team, clock, scheduler } = await setup();
    const pulse = await start({ days: 2, minAnswers: 3 });
    for (const i of [1, 2, 3]) await answer(i, pulse.id, rated(4));
    clock.set('2026-04-07T09:00:00Z');
    await scheduler.tick();
    expect((await ports.pulses.get(team, pulse.id))!.value.status).toBe('open');
    clock.set('2026-04-08T09:00:01Z');
    await scheduler.tick();
    const closed = (await ports.pulses.get(team, pulse.id))!.value;
    expect(closed).toMatchObject({
      status: 'closed',
      hashKey: '',
      closedAt: '2026-04-08T09:00:01.000Z',
    });
  });

  it('one open pulse at a time, even when two start at once', async () => {
    const { start } = await setup();
    const results = await Promise.all([codeOf(start()), codeOf(start())]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.find((r) => r !== 'ok')).toMatch(/conflict: A pulse is already open/);
  });

  it('removing a team’s data removes its pulses', async () => {
    const { start, answer, ports, team, rows } = await setup();
    const pulse = await start();
    await answer(1, pulse.id, rated(2));
    expect((await rows()).length).toBeGreaterThan(0);
    await ports.teamData.purgeRecords(team);
    expect(await rows()).toEqual([]);
  });
});

describe('differencing', () => {
  it('results read at n answers and again at n + 1 tell nothing: withheld while open, no answers after close', async () => {
    const { start, answer, view, services, actor, owner, team } = await setup(9);
    const pulse = await start({ days: 7, minAnswers: 5 });
    for (const i of [1, 2, 3, 4, 5]) await answer(i, pulse.id, rated(4, `Idea ${i}`));
    // What the tab receives: the presented pulse.
    const atN = presentPulse((await view(0)).pulses[0]!);
    // The person the attacker wants to expose answers now.
    await answer(6, pulse.id, rated(1, 'The secret answer'));
    const atN1 = presentPulse((await view(0)).pulses[0]!);
    expect(atN.results).toEqual({ kind: 'open' });
    expect(atN1).toEqual(atN);
    expect(JSON.stringify(atN1)).not.toMatch(/secret|answered":\s*6/);

    await services.closePulse(actor(owner), team.teamId, pulse.id);
    const released = (await view(0)).pulses[0]!.results;
    expect(released).toMatchObject({ kind: 'released', answered: 6 });
    // Trying to add one more and compare again: refused, and the results stay as released.
    expect(await codeOf(answer(7, pulse.id, rated(5)))).toMatch(/conflict: This pulse has closed/);
    expect((await view(0)).pulses[0]!.results).toEqual(released);
    // Six answered, under the 11 that written answers need (10 besides the reader's): none shown.
    expect(released.kind === 'released' && released.freeText).toEqual({
      kind: 'withheld',
      needed: 11,
    });
  });

  it('below the minimum, a closed pulse says only how many answered and how many were needed', async () => {
    const { start, answer, view, services, actor, owner, team } = await setup();
    const pulse = await start({ days: 7, minAnswers: 5 });
    for (const i of [1, 2, 3, 4]) await answer(i, pulse.id, rated(2));
    await services.closePulse(actor(owner), team.teamId, pulse.id);
    expect((await view(3)).pulses[0]!.results).toEqual({
      kind: 'withheld',
      answered: 4,
      needed: 6,
    });
  });

  it('Insights draws the released pulses of the period as a trend, and nothing of a withheld one', async () => {
    const { start, answer, services, actor, owner, team, clock } = await setup();
    const released = await start({ days: 7, minAnswers: 5 });
    for (const [i, value] of [
      [1, 5],
      [2, 4],
      [3, 4],
      [4, 3],
      [5, 2],
      [6, 3],
    ] as const)
      await answer(i, released.id, rated(value));
    await services.closePulse(actor(owner), team.teamId, released.id);
    clock.advance(86_400_000);
    const withheld = await start({ days: 7, minAnswers: 5 });
    for (const i of [1, 2]) await answer(i, withheld.id, rated(1));
    await services.closePulse(actor(owner), team.teamId, withheld.id);

    const insights = await services.getInsights(actor(owner), team.teamId, '4w');
    // (5 + 4 + 4 + 3 + 2 + 3) / 6 = 3.5 on every statement; the withheld pulse is not there at all.
    expect(insights.pulses).toHaveLength(1);
    expect(insights.pulses[0]).toMatchObject({ id: released.id, answered: 6 });
    expect(insights.pulses[0]!.items.map((item) => item.average)).toEqual(Array(5).fill(3.5));
    // Outside the period it is not shown either.
    clock.advance(40 * 86_400_000);
    expect((await services.getInsights(actor(owner), team.teamId, '4w')).pulses).toEqual([]);
  });
});
