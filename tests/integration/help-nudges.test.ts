import { describe, expect, it } from 'vitest';
import { helpRequestId } from '../../src/core/help/help-request';
import type { Round } from '../../src/core/rotations/round';
import type { Boundaries } from '../../src/core/team/boundaries';
import { createServices } from '../../src/services';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { testScheduler } from '../support/scheduler';
import { freshStorage, manualClock } from '../support/storage';

/**
 * The compact's clock on the real scheduler and tables, with a clock moved by hand: the buddy at
 * half time, the channel at three quarters, an escalation at the due time; quiet hours wait,
 * a full week of helping skips the buddy, and a request someone picked up is left alone.
 */
async function setup(boundaries: { buddy?: Partial<Boundaries>; owner?: Partial<Boundaries> }) {
  const clock = manualClock('2026-03-02T10:00:00Z');
  const { ports } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeamRef();
  const [owner, asker, buddy, helper] = Array.from({ length: 4 }, () => buildRosterEntry());
  const actor = (m: { userId: string }) => ({ tenantId: team.tenantId, userId: m.userId });
  await services.registerInstallation({
    ref: team,
    name: 'Platform',
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: owner!.userId,
    roster: [owner!, asker!, buddy!, helper!],
  });
  const base = { optedIn: true, timeZone: 'UTC' };
  await services.updateProfile(actor(owner!), team.teamId, { ...base, ...boundaries.owner });
  await services.updateProfile(actor(buddy!), team.teamId, { ...base, ...boundaries.buddy });
  for (const m of [asker!, helper!]) await services.updateProfile(actor(m), team.teamId, base);
  const round: Round = {
    id: 'blocker_buddy-202603020900',
    program: 'blocker_buddy',
    status: 'published',
    scheduledFor: '2026-03-02T09:00:00.000Z',
    createdAt: '2026-03-02T09:00:00.000Z',
    createdBy: '',
    publishedAt: '2026-03-02T09:00:00.000Z',
    publishedBy: '',
    revision: 1,
    groups: [
      {
        members: [asker!.userId, buddy!.userId],
        reason: { kind: 'text' as const, text: 'buddies' },
        weight: 1,
      },
    ],
    unplaced: [],
    totalWeight: 1,
    method: 'exact',
    seed: 1,
  };
  await ports.rounds.create(team, round);
  const scheduler = testScheduler(ports, services.jobHandlers);
  let messages = 0;
  const ask = async (who = asker!) => {
    const messageId = `m${++messages}`;
    await services.askForHelp(actor(who), team.teamId, {
      source: { id: messageId, text: 'The build is red.', authorName: 'Someone', link: '' },
      blocker: 'I cannot find why.',
      skills: [],
      urgency: 'normal',
    });
    return helpRequestId(team.teamId, messageId, who.userId);
  };
  /** The posts (not updates) recorded for a request, by name. */
  const posts = async (id: string) =>
    (await ports.notifications.listByPrefix(team, `help~${id}~post~`))
      .map((n) => n.id.split('~post~')[1])
      .sort();
  const at = async (iso: string) => {
    clock.set(iso);
    await scheduler.tick();
  };
  return { clock, ports, services, team, owner, asker, buddy, helper, actor, ask, posts, at };
}

describe('the compact’s clock for a help request', () => {
  it('nudges the buddy at half time, the channel before the due time, and escalates at it', async () => {
    const { ask, posts, at, owner, ports, team } = await setup({});
    const id = await ask();
    // Due in the compact's 4 hours; the buddy hears at once.
    expect(await posts(id)).toEqual(['buddy', 'channel']);

    await at('2026-03-02T11:59:00Z');
    expect(await posts(id)).toEqual(['buddy', 'channel']);
    await at('2026-03-02T12:00:00Z');
    expect(await posts(id)).toEqual(['buddy', 'channel', 'nudge-buddy']);
    await at('2026-03-02T13:00:00Z');
    expect(await posts(id)).toEqual(['buddy', 'channel', 'nudge-buddy', 'nudge-channel']);
    await at('2026-03-02T14:00:00Z');
    // No Culture Guardian: the owner hears, and every card turns overdue.
    expect(await posts(id)).toEqual([
      'buddy',
      'channel',
      `escalate-${owner!.userId}`,
      'nudge-buddy',
      'nudge-channel',
    ]);
    const updates = await ports.notifications.listByPrefix(team, `help~${id}~update~`);
    expect(updates.map((u) => u.update?.of.split('~post~')[1]).sort()).toEqual([
      'buddy',
      'channel',
      'nudge-buddy',
      'nudge-channel',
    ]);
    expect(JSON.stringify(updates[0]!.message.card)).toContain('Overdue');
    // The nudge cards offer help; the buddy's is drawn for them.
    const buddyNudge = await ports.notifications.get(team, `help~${id}~post~nudge-buddy`);
    expect(JSON.stringify(buddyNudge!.value.message.card)).toContain('I can help');
  });

  it('leaves a request alone once someone has picked it up', async () => {
    const { ask, posts, at, services, actor, helper, team } = await setup({});
    const id = await ask();
    await services.actOnHelp(actor(helper!), team.teamId, id, 'claim');
    for (const time of ['12:00', '13:00', '14:00', '15:00']) await at(`2026-03-02T${time}:00Z`);
    expect(await posts(id)).toEqual(['buddy', 'channel']);
  });

  it('waits for the end of quiet hours, and skips what would come after the due time', async () => {
    const { ask, posts, at, owner } = await setup({
      buddy: { quietHours: { start: '11:30', end: '12:30' } },
      owner: { quietHours: { start: '13:45', end: '15:00' } },
    });
    const id = await ask();
    await at('2026-03-02T12:00:00Z');
    await at('2026-03-02T12:15:00Z');
    expect(await posts(id)).not.toContain('nudge-buddy');
    await at('2026-03-02T12:30:00Z');
    expect(await posts(id)).toContain('nudge-buddy');

    await at('2026-03-02T14:00:00Z');
    await at('2026-03-02T14:45:00Z');
    expect(await posts(id)).not.toContain(`escalate-${owner!.userId}`);
    await at('2026-03-02T15:00:00Z');
    expect(await posts(id)).toContain(`escalate-${owner!.userId}`);
  });

  it('asks a buddy who is asleep when they wake, and not at all past the due time', async () => {
    const { ask, posts, at, clock } = await setup({
      buddy: { quietHours: { start: '09:00', end: '11:00' } },
    });
    clock.set('2026-03-02T09:30:00Z');
    const id = await ask();
    expect(await posts(id)).toEqual(['channel']);
    await at('2026-03-02T11:00:00Z');
    expect(await posts(id)).toEqual(['buddy', 'channel']);

    // Asked at 22:00 with the buddy asleep until 11:00 the next day: past the 02:00 due time.
    const late = await setup({ buddy: { quietHours: { start: '21:00', end: '11:00' } } });
    late.clock.set('2026-03-02T22:00:00Z');
    const lateId = await late.ask();
    for (const time of ['2026-03-03T00:00:00Z', '2026-03-03T01:00:00Z', '2026-03-03T11:00:00Z'])
      await late.at(time);
    expect(await late.posts(lateId)).not.toContain('buddy');
    expect(await late.posts(lateId)).not.toContain('nudge-buddy');
  });

  it('does not ask a buddy who has already helped as often as they said they can this week', async () => {
    const { ask, posts, at, services, actor, buddy, team, owner } = await setup({
      buddy: { availabilityPerWeek: 1 },
    });
    // The buddy takes someone else's request first.
    const other = await ask(owner!);
    await services.actOnHelp(actor(buddy!), team.teamId, other, 'claim');
    const id = await ask();
    expect(await posts(id)).toEqual(['channel']);
    await at('2026-03-02T12:00:00Z');
    expect(await posts(id)).toEqual(['channel']);
    await at('2026-03-02T13:00:00Z');
    expect(await posts(id)).toEqual(['channel', 'nudge-channel']);
  });
});
