import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Services } from '../src/services';
import type { ScheduledJob } from '../src/core/schedule/scheduled-job';
import type { RosterEntry } from '../src/core/team/member';
import { ROSTER_REFRESH } from '../src/services/schedule-roster-refresh';
import { MutualBot } from './mutual-bot';
import { fetchTeamRoster } from './roster';

export interface BotEndpointOptions {
  services: Services;
  credentials: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * `POST /api/messages`. CloudAdapter validates the Bot Connector's token before any handler runs;
 * with an empty app id it accepts anything, which `loadConfig` allows only in local mode.
 */
export function createBot(options: BotEndpointOptions): {
  endpoint: RequestHandler;
  /** Scheduled work that needs to talk to Teams, by job kind. */
  jobHandlers: Record<string, (job: ScheduledJob) => Promise<void>>;
} {
  const { credentials } = options;
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
  } satisfies ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    options.log('bot: turn failed', {
      activityType: context.activity.type,
      name: context.activity.name,
      error: error instanceof Error ? error.message : String(error),
    });
    if (context.activity.type === 'message') {
      // Someone wrote to the bot: tell them, rather than leave them waiting.
      await context
        .sendActivity('Sorry, Mutual could not handle that just now. Please try again.')
        .catch(() => undefined);
      return;
    }
    // A system event (install, roster change) or an invoke: answer an error status so Teams
    // delivers it again, instead of posting an apology nobody asked for.
    throw error;
  };
  const bot = new MutualBot(options);
  const endpoint: RequestHandler = async (req, res) => {
    const type: unknown = (req.body as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || type === '') {
      res.status(400).json({ error: { code: 'invalid', message: 'The activity has no type.' } });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  };

  /** Reads the team's roster from Teams again and files tomorrow's refresh. */
  const refreshRoster = async (job: ScheduledJob) => {
    const team = await options.services.installedTeam(job.team);
    if (!team) return; // uninstalled: nothing to refresh, and no next refresh
    const reference = {
      channelId: 'msteams',
      serviceUrl: team.channel.serviceUrl,
      conversation: {
        id: team.channel.conversationId,
        isGroup: true,
        conversationType: 'channel',
        tenantId: team.tenantId,
        name: team.name,
      },
    };
    let roster: RosterEntry[] = [];
    await adapter.continueConversationAsync(credentials.appId, reference, async (context) => {
      roster = await fetchTeamRoster(context, team.teamId);
    });
    const change = await options.services.syncRoster(job.team, roster, { complete: true });
    options.log('roster: refreshed', { teamId: team.teamId, ...change });
    await options.services.scheduleRosterRefresh(job.team);
  };

  return { endpoint, jobHandlers: { [ROSTER_REFRESH]: refreshRoster } };
}
