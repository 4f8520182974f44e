import { unavailable } from '../src/core/errors';
import type { ChannelDirectory, Notifier } from '../src/core/ports';

/** The team's channels, read from Teams through the Bot Connector when an owner needs them. */
export function connectorChannels(connector: Notifier): ChannelDirectory {
  return {
    async list(team) {
      const { status, channels } = await connector.listChannels(
        team.tenantId,
        team.channel.serviceUrl,
        team.teamId,
      );
      if (status === undefined || status >= 300)
        throw unavailable(
          status === 403 || status === 404
            ? 'Teams would not list this team’s channels; Mutual may have been removed from it.'
            : 'Teams did not answer with the team’s channels; try again in a minute.',
        );
      return channels;
    },
  };
}
