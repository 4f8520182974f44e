import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Clock } from '../../src/core/ports';
import type { Team } from '../../src/core/team/team';
import { cardMessages } from '../../bot/cards/messages';
import { createTabLinks } from '../../bot/tab-links';
import { createTablePorts, createTableStorage, type TableStorage } from '../../src/store';
import { runningClock } from './clock';

export { manualClock, runningClock, TEST_NOW, type TestClock } from './clock';

/** The ports main.ts wires: the table adapters and the bot's cards. */
export const tablePorts = (storage: TableStorage, clock: Clock = runningClock()) => ({
  ...createTablePorts(storage, clock),
  messages: cardMessages,
  links: createTabLinks({ baseUrl: () => 'http://localhost:3978', teamsAppId: '' }),
  // Without a Bot Connector, a team's only known channel is General.
  channels: { list: async (team: Team) => [{ id: team.teamId, name: 'General' }] },
});

/** A fresh set of tables on the shared emulator, so suites never see each other's rows. */
export async function freshStorage(clock: Clock = runningClock()) {
  const tablePrefix = `t${randomBytes(5).toString('hex')}`;
  const connectionString = inject('storageConnectionString');
  const storage = createTableStorage({ connectionString, tablePrefix });
  await storage.ensureTables();
  return { storage, ports: tablePorts(storage, clock), tablePrefix, connectionString };
}
