import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/services';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { testScheduler } from '../support/scheduler';
import { freshStorage, manualClock } from '../support/storage';

/** A team of `size` opted-in members, installed and profiled through the use cases. */
async function setup(size: number) {
  // Wednesday; the program below runs on Mondays at 09:00 in Lisbon (UTC in winter).
  const clock = manualClock('2026-01-07T12:00:00Z');
  const { ports } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeamRef();
  const roster = Array.from({ length: size }, () => buildRosterEntry());
  const owner = { tenantId: team.tenantId, userId: roster[0]!.userId };
  await services.registerInstallation({
    ref: team,
    name: 'Platform',
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: owner.userId,
    roster,
  });
  for (const m of roster)
    await services.updateProfile({ tenantId: team.tenantId, userId: m.userId }, team.teamId, {
      optedIn: true,
    });
  const scheduler = testScheduler(ports, services.jobHandlers);
  const settings = {
    enabled: true,
    cadence: 'weekly' as const,
    weekday: 1,
    hour: 9,
    timeZone: 'Europe/Lisbon',
    groupSize: 2 as const,
    preview: false,
    sprintWeeks: 2,
  };
  return { clock, ports, services, team, roster, owner, scheduler, settings };
}

describe('rotations on the scheduler', () => {
  it('makes and publishes each round when due, once, and moves on to the next slot', async () => {
    const { clock, ports, services, team, owner, scheduler, settings } = await setup(6);
    const program = await services.saveProgram(owner, team.teamId, 'skill_share', settings);
    expect(program.nextRunAt).toBe('2026-01-12T09:00:00.000Z');

    clock.set('2026-01-12T08:59:59Z');
    await scheduler.tick();
    expect(await ports.rounds.list(team, 'skill_share', 5)).toHaveLength(0);

    clock.set('2026-01-12T09:00:30Z');
    await scheduler.tick();
    await scheduler.tick();
    const rounds = await ports.rounds.list(team, 'skill_share', 5);
    expect(rounds).toHaveLength(1);
    const round = rounds[0]!.value;
    expect(round).toMatchObject({ id: 'skill_share-202601120900', status: 'published' });
    expect(round.groups).toHaveLength(3);
    // Six 1:1 cards and the channel summary wait in the outbox.
    const queued = await ports.notifications.listByPrefix(team, `round~${round.id}~`);
    expect(queued).toHaveLength(7);

    const moved = (await ports.programs.get(team, 'skill_share'))!.value;
    expect(moved).toMatchObject({
      lastRunAt: '2026-01-12T09:00:00.000Z',
      nextRunAt: '2026-01-19T09:00:00.000Z',
    });

    // A week on, the next round avoids last week's pairs.
    clock.set('2026-01-19T09:00:10Z');
    await scheduler.tick();
    const [second] = await ports.rounds.list(team, 'skill_share', 1);
    expect(second!.value.id).toBe('skill_share-202601190900');
    const before = new Set(round.groups.map((g) => [...g.members].sort().join('+')));
    for (const g of second!.value.groups)
      expect(before.has([...g.members].sort().join('+'))).toBe(false);
  });

  it('with preview on, the due round waits as a draft and nobody is told', async () => {
    const { clock, ports, services, team, owner, scheduler, settings } = await setup(4);
    await services.saveProgram(owner, team.teamId, 'blocker_buddy', { ...settings, preview: true });
    clock.set('2026-01-12T09:05:00Z');
    await scheduler.tick();
    const [round] = await ports.rounds.list(team, 'blocker_buddy', 1);
    expect(round!.value.status).toBe('draft');
    expect(await ports.notifications.listByPrefix(team, 'round~')).toHaveLength(0);
  });

  it('a job for a slot the owner has since changed does nothing', async () => {
    const { clock, ports, services, team, owner, scheduler, settings } = await setup(4);
    await services.saveProgram(owner, team.teamId, 'skill_share', settings);
    // The owner moves the program to Tuesdays before Monday's round.
    const moved = await services.saveProgram(owner, team.teamId, 'skill_share', {
      ...settings,
      weekday: 2,
    });
    expect(moved.nextRunAt).toBe('2026-01-13T09:00:00.000Z');
    clock.set('2026-01-12T09:30:00Z');
    await scheduler.tick();
    expect(await ports.rounds.list(team, 'skill_share', 5)).toHaveLength(0);
    clock.set('2026-01-13T09:30:00Z');
    await scheduler.tick();
    const rounds = await ports.rounds.list(team, 'skill_share', 5);
    expect(rounds.map((r) => r.value.id)).toEqual(['skill_share-202601130900']);
  });

  it('a program switched off makes no more rounds', async () => {
    const { clock, ports, services, team, owner, scheduler, settings } = await setup(4);
    await services.saveProgram(owner, team.teamId, 'skill_share', settings);
    await services.saveProgram(owner, team.teamId, 'skill_share', { ...settings, enabled: false });
    clock.set('2026-01-12T09:30:00Z');
    await scheduler.tick();
    expect(await ports.rounds.list(team, 'skill_share', 5)).toHaveLength(0);
  });

  it('an owner’s second "make a round now" within the minute is a conflict, not the old round', async () => {
    const { clock, ports, services, team, owner, settings } = await setup(4);
    await services.saveProgram(owner, team.teamId, 'skill_share', { ...settings, preview: false });
    const first = await services.startRoundNow(owner, team.teamId, 'skill_share');
    expect(first.status).toBe('published');
    await expect(services.startRoundNow(owner, team.teamId, 'skill_share')).rejects.toMatchObject({
      code: 'conflict',
    });
    clock.advance(60_000);
    const second = await services.startRoundNow(owner, team.teamId, 'skill_share');
    expect(second.id).not.toBe(first.id);
    expect(await ports.rounds.list(team, 'skill_share', 5)).toHaveLength(2);
  });

  it('the Culture Guardian changes when the term ends', async () => {
    const { clock, ports, services, team, owner, scheduler } = await setup(3);
    const first = await services.saveGuardianSettings(owner, team.teamId, {
      enabled: true,
      everyMonths: 1,
    });
    expect(first.current?.until).toBe('2026-02-07T12:00:00.000Z');
    clock.set('2026-02-07T12:00:30Z');
    await scheduler.tick();
    const terms = await ports.guardians.terms(team, 5);
    expect(terms).toHaveLength(2);
    expect(terms[0]!.userId).not.toBe(terms[1]!.userId);
  });
});
