import { afterAll, beforeAll, expect, test } from 'vitest';
import { createBot } from '../../bot/bot-endpoint';
import { createServices } from '../../src/services';
import { ROSTER_REFRESH } from '../../src/services/team/schedule-roster-refresh';
import { hourBucket } from '../../src/core/schedule/scheduled-job';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { freshStorage, manualClock } from '../support/storage';
import { buildAccount, buildTeam } from '../support/teams-activities';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(async () => {
  await connector.close();
});

async function installedTeam() {
  const clock = manualClock('2026-03-02T09:00:00Z');
  const { ports } = await freshStorage(clock);
  const services = createServices(ports);
  const team = buildTeam();
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  const [ana, ben, chen] = [buildAccount(), buildAccount(), buildAccount()];
  const entry = (a: typeof ana) => ({
    userId: a.aadObjectId!,
    name: a.name,
    email: a.email ?? '',
    botUserId: a.id,
  });
  await services.registerInstallation({
    ref,
    name: team.name,
    channel: { serviceUrl: connector.url, conversationId: team.teamId },
    installedBy: ana.aadObjectId,
    roster: [entry(ana), entry(ben)],
  });
  const bot = createBot({
    services,
    credentials: { appId: '', appPassword: '', appType: 'MultiTenant', tenantId: '' },
    log: () => {},
  });
  return { clock, ports, services, ref, team, ana, ben, chen, bot };
}

test('installing files a roster refresh for the next day', async () => {
  const { clock, ports } = await installedTeam();
  const tomorrow = new Date(clock.now().getTime() + 24 * 3_600_000);
  const due = await ports.schedule.due(hourBucket(tomorrow), tomorrow, 10);
  expect(due.map((d) => d.value.kind)).toEqual([ROSTER_REFRESH]);
});

test('the daily refresh reads the roster from Teams: a missed leave and join are caught up', async () => {
  const { clock, ports, services, ref, team, ana, ben, chen, bot } = await installedTeam();
  // Ben left and Chen joined while Mutual missed both events.
  connector.setRoster(team.teamId, [ana, chen]);
  clock.advance(24 * 3_600_000);
  const [job] = await ports.schedule.due(hourBucket(clock.now()), clock.now(), 10);

  await bot.jobHandlers[ROSTER_REFRESH]!(job!.value);

  const members = await services.listMembers(
    { tenantId: ref.tenantId, userId: ana.aadObjectId! },
    ref.teamId,
  );
  expect(members.map((m) => m.name).sort()).toEqual([ana.name, chen.name].sort());
  expect(members.map((m) => m.userId)).not.toContain(ben.aadObjectId);
  // and the next day's refresh is filed
  const next = new Date(clock.now().getTime() + 24 * 3_600_000);
  expect((await ports.schedule.due(hourBucket(next), next, 10)).map((d) => d.value.kind)).toContain(
    ROSTER_REFRESH,
  );
});

test('a team Mutual was removed from is not refreshed and gets no next refresh', async () => {
  const { clock, ports, services, ref, team, bot } = await installedTeam();
  await services.deactivateTeam(ref);
  clock.advance(24 * 3_600_000);
  const [job] = await ports.schedule.due(hourBucket(clock.now()), clock.now(), 10);
  const before = connector.requests.length;

  await bot.jobHandlers[ROSTER_REFRESH]!(job!.value);

  expect(connector.requests.slice(before).filter((r) => r.conversationId === team.teamId)).toEqual(
    [],
  );
  const next = new Date(clock.now().getTime() + 24 * 3_600_000);
  expect(await ports.schedule.due(hourBucket(next), next, 10)).toEqual([]);
});
