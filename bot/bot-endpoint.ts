import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Services } from '../src/services';
import { MutualBot } from './mutual-bot';

export interface BotEndpointOptions {
  services: Services;
  credentials: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  publicUrl: string;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * `POST /api/messages`. CloudAdapter validates the Bot Connector's token before any handler runs;
 * with an empty app id it accepts anything, which `loadConfig` allows only in local mode.
 */
export function createBotEndpoint(options: BotEndpointOptions): RequestHandler {
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
    // An invoke expects an answer; for anything else an apology in the conversation is enough.
    if (context.activity.type !== 'invoke') {
      await context
        .sendActivity('Sorry, Mutual could not handle that just now. Please try again.')
        .catch(() => undefined);
    }
  };
  const bot = new MutualBot(options);
  return async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  };
}
