import type { TeamRef } from '../../src/core/team/team';
import { startFakeConnector, type ConnectorAccount, type FakeConnector } from './fake-connector';
import { call, startTestServer, teamPath, type TestServer } from './server';
import { botAddedToTeam, postActivity, type TeamFixture } from './teams-activities';

export interface BotHarness {
  server: TestServer;
  connector: FakeConnector;
  /** POSTs an activity to `/api/messages` as Teams would. */
  send(activity: object): Promise<{ status: number; body: unknown }>;
  /** Adds Mutual to `team`, whose roster the connector will report as `roster`. */
  install(
    team: TeamFixture,
    roster: readonly ConnectorAccount[],
    installer?: ConnectorAccount,
  ): Promise<{ status: number; body: unknown }>;
  /** Calls the tab's API as a roster member (a token from the dev issuer for the team's tenant). */
  apiAs<T = unknown>(
    team: TeamFixture,
    account: ConnectorAccount,
    rest?: string,
    init?: { method?: string; body?: unknown },
  ): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

/** The server in local mode and a fake Bot Connector the bot's activities point at. */
export async function startBotHarness(
  options: Parameters<typeof startTestServer>[1] = {},
): Promise<BotHarness> {
  const [server, connector] = await Promise.all([
    startTestServer({}, options),
    startFakeConnector(),
  ]);
  const send = (activity: object) => postActivity(server.url, activity);
  return {
    server,
    connector,
    send,
    install(team, roster, installer = roster[0]) {
      connector.setRoster(team.teamId, roster);
      return send(
        botAddedToTeam({
          serviceUrl: connector.url,
          team,
          ...(installer ? { from: installer } : {}),
        }),
      );
    },
    async apiAs<T>(
      team: TeamFixture,
      account: ConnectorAccount,
      rest = '',
      init: { method?: string; body?: unknown } = {},
    ) {
      const token = await server.tokenFor({
        tenantId: team.tenantId,
        userId: account.aadObjectId ?? '',
        name: account.name,
      });
      return call<T>(`${server.url}${teamPath(team.teamId, rest)}`, {
        token,
        ...(init.method ? { method: init.method } : {}),
        ...(init.body === undefined ? {} : { body: init.body }),
      });
    },
    async stop() {
      await Promise.all([server.stop(), connector.close()]);
    },
  };
}

export const refOf = (team: TeamFixture): TeamRef => ({
  tenantId: team.tenantId,
  teamId: team.teamId,
});
