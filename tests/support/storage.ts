import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Clock } from '../../src/core/ports';
import type { Team } from '../../src/core/team/team';
import { cardMessages } from '../../bot/cards/messages';
import { createTabLinks } from '../../bot/tab-links';
import { createTablePorts, createTableStorage, type TableStorage } from '../../src/store';

/** The ports main.ts wires: the table adapters and the bot's cards. */
export const tablePorts = (storage: TableStorage, clock: Clock = systemClock) => ({
  ...createTablePorts(storage, clock),
  messages: cardMessages,
  links: createTabLinks({ baseUrl: () => 'http://localhost:3978', teamsAppId: '' }),
  // Without a Bot Connector, a team's only known channel is General.
  channels: { list: async (team: Team) => [{ id: team.teamId, name: 'General' }] },
});

/** A fresh set of tables on the shared emulator, so suites never see each other's rows. */
export async function freshStorage(clock: Clock = systemClock) {
  const tablePrefix = `t${randomBytes(5).toString('hex')}`;
  const connectionString = inject('storageConnectionString');
  const storage = createTableStorage({ connectionString, tablePrefix });
  await storage.ensureTables();
  return { storage, ports: tablePorts(storage, clock), tablePrefix, connectionString };
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export function manualClock(start = '2026-01-05T09:00:00Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (iso: string) => {
      now = new Date(iso);
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}
