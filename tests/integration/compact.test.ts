import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors';
import { hourBucket } from '../../src/core/schedule/scheduled-job';
import { createServices } from '../../src/services';
import { buildRosterEntry, buildTeamRef } from '../support/memory-ports';
import { testScheduler } from '../support/scheduler';
import { freshStorage, manualClock } from '../support/storage';

/**
 * The compact's use cases on the real tables (storage emulator) with a clock moved by hand:
 * proposals and their conflicts, majority adoption, acknowledgement cards, and the review's
 * reminders on the real scheduler.
 */
async function setup(start = '2026-03-02T10:00:00Z') {
  const clock = manualClock(start);
  const { ports } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeamRef();
  const people = Array.from({ length: 5 }, () => buildRosterEntry());
  const [owner] = people;
  const actor = (m: { userId: string }) => ({ tenantId: team.tenantId, userId: m.userId });
  await services.registerInstallation({
    ref: team,
    name: 'Platform',
    channel: { serviceUrl: 'http://127.0.0.1:9/', conversationId: team.teamId },
    installedBy: owner!.userId,
    roster: people,
  });
  for (const m of people)
    await services.updateProfile(actor(m), team.teamId, { optedIn: true, timeZone: 'UTC' });
  const scheduler = testScheduler(ports, services.jobHandlers);
  const at = async (iso: string) => {
    clock.set(iso);
    await scheduler.tick();
  };
  const notes = (prefix: string) =>
    ports.notifications.listByPrefix(team, prefix).then((list) => list.map((n) => n.id).sort());
  const changeResponseTime = (by = people[1]!, hours = 8) =>
    services.proposeChange(actor(by), team.teamId, {
      kind: 'change',
      clauseId: 'response-time',
      text: `We respond to help requests within ${hours} working hours.`,
      commitmentHours: hours,
      reason: 'Half the team is in another time zone.',
    });
  return { clock, ports, services, team, people, actor, at, notes, changeResponseTime };
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
};

describe('proposals in the store', () => {
  it('of two stances on the same revision one is stored, the other is a conflict and nothing is lost', async () => {
    const { services, team, people, actor, ports, changeResponseTime } = await setup();
    const proposal = await changeResponseTime();
    const [a, b] = await Promise.allSettled([
      services.takeStanceOn(actor(people[2]!), team.teamId, proposal.id, {
        stance: 'endorse',
        comment: 'Yes',
        revision: proposal.revision,
      }),
      services.takeStanceOn(actor(people[3]!), team.teamId, proposal.id, {
        stance: 'object',
        comment: 'Eight hours is too long for a blocker.',
        revision: proposal.revision,
      }),
    ]);
    const outcomes = [a, b].map((r) => r.status).sort();
    expect(outcomes).toEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(isDomainError(rejected.reason) && rejected.reason.code).toBe('conflict');

    const stored = (await ports.proposals.get(team, proposal.id))!.value;
    expect(stored.revision).toBe(2);
    // The proposer's endorsement is still there, with exactly one of the two new stances.
    expect(stored.stances).toHaveLength(2);
    expect(stored.stances[0]!.userId).toBe(people[1]!.userId);

    // Told to reload, the loser tries again on the new revision, and both stand.
    const loser = [a, b].indexOf(rejected) === 0 ? people[2]! : people[3]!;
    await services.takeStanceOn(actor(loser), team.teamId, proposal.id, {
      stance: loser === people[2] ? 'endorse' : 'object',
      comment: 'Again, after reloading.',
      revision: stored.revision,
    });
    expect((await ports.proposals.get(team, proposal.id))!.value.stances).toHaveLength(3);
  });

  it('adopts under the owner rule into version 2, asks every member once to acknowledge it, and the help flow reads the new commitment', async () => {
    const { services, team, people, actor, ports, notes, changeResponseTime } = await setup();
    const proposal = await changeResponseTime();
    // A member cannot adopt under the owner rule.
    expect(
      await codeOf(services.adoptProposal(actor(people[2]!), team.teamId, proposal.id, {})),
    ).toBe('forbidden');
    const adopted = await services.adoptProposal(actor(people[0]!), team.teamId, proposal.id, {
      revision: proposal.revision,
    });
    expect(adopted).toMatchObject({ status: 'adopted', adoptedVersion: 2 });
    const current = await ports.compacts.current(team);
    expect(current?.version).toBe(2);
    expect(current?.clauses.find((c) => c.id === 'response-time')?.commitment?.hours).toBe(8);
    // Version 1 is kept.
    expect((await ports.compacts.list(team, 10)).map((v) => v.version)).toEqual([2, 1]);

    const expected = people.map((p) => `compact~v2~ack~${p.userId}`).sort();
    expect(await notes('compact~v2~ack~')).toEqual(expected);
    const record = (await ports.notifications.get(team, expected[0]!))!.value;
    expect(record.target).toEqual({ kind: 'member', userId: expect.any(String) });
    expect(JSON.stringify(record.message.card)).toContain('compact.ack');
    expect(JSON.stringify(record.message.card)).toContain('within 8 working hours');

    // Adopting again changes nothing and asks nobody again.
    expect(
      await codeOf(services.adoptProposal(actor(people[0]!), team.teamId, proposal.id, {})),
    ).toBe('conflict');
    expect(await ports.compacts.current(team)).toMatchObject({ version: 2 });
    expect(await notes('compact~v2~ack~')).toEqual(expected);

    // New help requests are due in 8 hours.
    await services.askForHelp(actor(people[3]!), team.teamId, {
      source: { id: 'm1', text: 'Stuck', authorName: 'Someone', link: '' },
      blocker: 'The deploy hangs.',
      skills: [],
      urgency: 'normal',
    });
    const [request] = await ports.help.list(team);
    expect(request!.value.responseHours).toBe(8);
  });

  it('refuses a stale adoption: the clause changed since the proposal was made, and nothing is written', async () => {
    const { services, team, people, actor, ports, changeResponseTime } = await setup();
    const first = await changeResponseTime(people[1]!, 8);
    const second = await changeResponseTime(people[2]!, 2);
    await services.adoptProposal(actor(people[0]!), team.teamId, first.id, {});
    expect(
      await codeOf(services.adoptProposal(actor(people[0]!), team.teamId, second.id, {})),
    ).toBe('conflict');
    expect((await ports.compacts.current(team))?.version).toBe(2);
    expect((await ports.proposals.get(team, second.id))!.value.status).toBe('open');
    // A revision the caller did not see is refused before anything else.
    await services.takeStanceOn(actor(people[3]!), team.teamId, second.id, {
      stance: 'endorse',
      comment: '',
    });
    expect(
      await codeOf(
        services.closeProposal(actor(people[0]!), team.teamId, second.id, 'decline', {
          reason: 'Superseded',
          revision: 1,
        }),
      ),
    ).toBe('conflict');
  });

  it('adopts by majority when more than half of those taking part endorse, counting only them', async () => {
    const { services, team, people, actor, ports, changeResponseTime } = await setup();
    await services.saveCompactSettings(actor(people[0]!), team.teamId, {
      adoptionRule: 'majority',
      reviewEveryMonths: 3,
      nextReviewOn: '2026-06-01',
    });
    // One of five is paused: four take part, so three endorsements are a majority.
    await services.updateProfile(actor(people[4]!), team.teamId, { pausedUntil: '2026-12-31' });
    const proposal = await changeResponseTime(people[1]!);
    const second = await services.takeStanceOn(actor(people[2]!), team.teamId, proposal.id, {
      stance: 'endorse',
      comment: '',
    });
    expect(second.status).toBe('open');
    // The paused member's endorsement does not count.
    const paused = await services.takeStanceOn(actor(people[4]!), team.teamId, proposal.id, {
      stance: 'endorse',
      comment: '',
    });
    expect(paused.status).toBe('open');
    const third = await services.takeStanceOn(actor(people[3]!), team.teamId, proposal.id, {
      stance: 'endorse',
      comment: 'Fine by me.',
    });
    expect(third).toMatchObject({ status: 'adopted', adoptedVersion: 2, decidedBy: 'majority' });
    expect(await ports.compacts.current(team)).toMatchObject({ version: 2, adoptedBy: 'majority' });
    // Endorsing twice is refused.
    expect(
      await codeOf(
        services.takeStanceOn(actor(people[3]!), team.teamId, proposal.id, {
          stance: 'endorse',
          comment: '',
        }),
      ),
    ).toBe('conflict');
  });

  it('withdraws (the proposer only) and declines (an owner only, with a reason)', async () => {
    const { services, team, people, actor, changeResponseTime } = await setup();
    const a = await changeResponseTime(people[1]!);
    expect(
      await codeOf(
        services.closeProposal(actor(people[2]!), team.teamId, a.id, 'withdraw', { reason: '' }),
      ),
    ).toBe('forbidden');
    expect(
      await services.closeProposal(actor(people[1]!), team.teamId, a.id, 'withdraw', {
        reason: 'Changed my mind',
      }),
    ).toMatchObject({ status: 'withdrawn', decisionNote: 'Changed my mind' });
    const b = await changeResponseTime(people[1]!);
    expect(
      await codeOf(
        services.closeProposal(actor(people[1]!), team.teamId, b.id, 'decline', { reason: 'No' }),
      ),
    ).toBe('forbidden');
    expect(
      await codeOf(
        services.closeProposal(actor(people[0]!), team.teamId, b.id, 'decline', { reason: ' ' }),
      ),
    ).toBe('invalid');
    expect(
      await services.closeProposal(actor(people[0]!), team.teamId, b.id, 'decline', {
        reason: 'We keep four hours for now.',
      }),
    ).toMatchObject({ status: 'declined' });
  });
});

describe('acknowledgements', () => {
  it('records "I commit to this" once, for the current version only', async () => {
    const { services, team, people, actor, ports, changeResponseTime } = await setup();
    const first = await services.acknowledgeCompact(actor(people[1]!), team.teamId, 1);
    const again = await services.acknowledgeCompact(actor(people[1]!), team.teamId, 1);
    expect(again.at).toBe(first.at);
    expect(await ports.acknowledgements.forVersion(team, 1)).toHaveLength(1);
    const proposal = await changeResponseTime();
    await services.adoptProposal(actor(people[0]!), team.teamId, proposal.id, {});
    expect(await codeOf(services.acknowledgeCompact(actor(people[1]!), team.teamId, 1))).toBe(
      'conflict',
    );
    const card = await services.acknowledgeFromCard(actor(people[2]!), team.teamId, 2);
    expect(card).toMatchObject({ version: 2, teamName: 'Platform' });
    expect(card.acknowledgedAt).toBeTruthy();
    expect(card.changes.filter((c) => c.kind === 'changed')).toHaveLength(1);
    expect((await ports.acknowledgements.forVersion(team, 2)).map((a) => a.userId)).toEqual([
      people[2]!.userId,
    ]);
  });
});

describe('the quarterly review', () => {
  it('reminds the channel and the owners a week before and on the day, then records the review and schedules the next', async () => {
    const { services, team, people, actor, at, notes, ports, changeResponseTime } = await setup();
    // Installed on 2 March: the first review is on 2 June (UTC), reminders at 9:00.
    const view = await services.getCompactView(actor(people[1]!), team.teamId);
    expect(view.settings).toMatchObject({ nextReviewOn: '2026-06-02', reviewTimeZone: 'UTC' });

    await at('2026-05-26T08:59:00Z');
    expect(await notes('compact-review~')).toEqual([]);
    await at('2026-05-26T09:00:00Z');
    // No Culture Guardian: the owner hears it 1:1.
    expect(await notes('compact-review~')).toEqual(
      [
        'compact-review~2026-06-02~week~channel',
        `compact-review~2026-06-02~week~${people[0]!.userId}`,
      ].sort(),
    );
    const channel = (await ports.notifications.get(team, 'compact-review~2026-06-02~week~channel'))!
      .value;
    expect(JSON.stringify(channel.message.card)).toContain('http://localhost:3978/#/compact');

    // An adopted change before the review is what the review records.
    const proposal = await changeResponseTime();
    await services.adoptProposal(actor(people[0]!), team.teamId, proposal.id, {});

    await at('2026-06-02T09:00:00Z');
    expect((await notes('compact-review~2026-06-02~day~')).length).toBe(2);

    // Only an owner or the Culture Guardian records it.
    const input = { heldOn: '2026-06-02', participantIds: people.map((p) => p.userId), note: '' };
    expect(await codeOf(services.recordReview(actor(people[1]!), team.teamId, input))).toBe(
      'forbidden',
    );
    expect(
      await codeOf(
        services.recordReview(actor(people[0]!), team.teamId, { ...input, heldOn: '2026-06-03' }),
      ),
    ).toBe('invalid');
    expect(
      await codeOf(
        services.recordReview(actor(people[0]!), team.teamId, {
          ...input,
          participantIds: ['someone-else'],
        }),
      ),
    ).toBe('invalid');
    const { review } = await services.recordReview(actor(people[0]!), team.teamId, input);
    expect(review).toMatchObject({ heldOn: '2026-06-02', adoptedVersions: [2] });
    expect(review.participants).toHaveLength(5);

    const after = await services.getCompactView(actor(people[1]!), team.teamId);
    expect(after.settings.nextReviewOn).toBe('2026-09-02');
    expect(after.reviews.map((r) => r.id)).toEqual([review.id]);
    // Its reminders wait in the schedule: a week before, and on the day.
    const filed = async (iso: string) =>
      (await ports.schedule.due(hourBucket(new Date(iso)), new Date(iso), 10)).map(
        (j) => j.value.id,
      );
    expect(await filed('2026-08-26T09:00:00Z')).toEqual([
      `compact-review~${team.tenantId}~${team.teamId}~2026-08-26T09:00:00.000Z~week`,
    ]);
    expect(await filed('2026-09-02T09:00:00Z')).toHaveLength(1);
  });

  it('sends nothing for a review day that was moved, and uses the new day', async () => {
    const { services, team, people, actor, at, notes } = await setup();
    await services.saveCompactSettings(actor(people[0]!), team.teamId, {
      adoptionRule: 'owner',
      reviewEveryMonths: 3,
      nextReviewOn: '2026-04-15',
    });
    await at('2026-04-08T09:00:00Z');
    expect(await notes('compact-review~')).toHaveLength(2);
    await at('2026-05-26T09:00:00Z');
    expect(await notes('compact-review~2026-06-02')).toEqual([]);
    // Bad settings are refused and change nothing.
    for (const bad of [
      { adoptionRule: 'anyone', reviewEveryMonths: 3, nextReviewOn: '2026-09-01' },
      { adoptionRule: 'owner', reviewEveryMonths: 0, nextReviewOn: '2026-09-01' },
      { adoptionRule: 'owner', reviewEveryMonths: 3, nextReviewOn: '2026-05-01' },
      { adoptionRule: 'owner', reviewEveryMonths: 3, nextReviewOn: '2026-02-30' },
    ])
      expect(await codeOf(services.saveCompactSettings(actor(people[0]!), team.teamId, bad))).toBe(
        'invalid',
      );
    expect(
      await codeOf(
        services.saveCompactSettings(actor(people[1]!), team.teamId, {
          adoptionRule: 'majority',
          reviewEveryMonths: 3,
          nextReviewOn: '2026-09-01',
        }),
      ),
    ).toBe('forbidden');
  });
});
