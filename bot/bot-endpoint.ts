import {
  type Activity,
  ActivityTypes,
  CallerIdConstants,
  Channels,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  StatusCodes,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type ClaimsIdentity,
} from 'botframework-connector';
import type { RequestHandler } from 'express';
import type { Services } from '../src/services';
import type { ScheduledJob } from '../src/core/schedule/scheduled-job';
import type { RosterEntry } from '../src/core/team/member';
import { ROSTER_REFRESH } from '../src/services/team/schedule-roster-refresh';
import { MutualBot } from './mutual-bot';
import { fetchTeamRoster } from './roster';

const NOT_HERE = 'Mutual is not available for your organisation.';

export interface BotEndpointOptions {
  services: Services;
  credentials: {
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  log: (message: string, fields?: Record<string, unknown>) => void;
  /**
   * Test seam, never read from the environment: where the Bot Connector's signing keys are
   * published (an OpenID configuration document) and the issuer its tokens carry. Only
   * `start(config, { botAuthority })` passes it, so a deployment always checks tokens against
   * Microsoft's endpoints; tests point it at a local key server to prove botbuilder's real checks.
   */
  botAuthority?: BotAuthority;
  /** `ALLOWED_TENANTS`: when not empty, activities of other tenants are answered and dropped. */
  allowedTenants?: readonly string[];
}

export interface BotAuthority {
  openIdMetadataUrl: string;
  tokenIssuer: string;
}

/**
 * `POST /api/messages`. CloudAdapter validates the Bot Connector's token before any handler runs;
 * with an empty app id it accepts anything, which `loadConfig` and `start` allow only in local
 * mode. Every refused token answers a bare 401 (see `RefusingAuthentication`), and an activity
 * from any channel but Teams a 403, before botbuilder sees it.
 */
export function createBot(options: BotEndpointOptions): {
  endpoint: RequestHandler;
  /** Scheduled work that needs to talk to Teams, by job kind. */
  jobHandlers: Record<string, (job: ScheduledJob) => Promise<void>>;
} {
  const { credentials } = options;
  const botbuilderAuth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: credentials.appId,
    MicrosoftAppPassword: credentials.appPassword,
    MicrosoftAppType: credentials.appType,
    MicrosoftAppTenantId: credentials.tenantId,
    ...(options.botAuthority && authorityOverride(options.botAuthority)),
  } satisfies ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(new RefusingAuthentication(botbuilderAuth, options.log));
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
    // delivers it again, instead of posting an apology nobody asked for. botbuilder puts the
    // error's message in the response body, so it gets one that tells nothing (the real one is
    // logged above).
    throw new Error('Mutual could not handle this activity.');
  };
  const bot = new MutualBot(options);
  const allowed = new Set((options.allowedTenants ?? []).map((t) => t.toLowerCase()));
  const tenantAllowed = (activity: Activity) => {
    if (allowed.size === 0) return true;
    const tenant =
      activity.conversation?.tenantId ??
      (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
    return typeof tenant === 'string' && allowed.has(tenant.toLowerCase());
  };
  const endpoint: RequestHandler = async (req, res) => {
    const type: unknown = (req.body as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string' || type === '') {
      res.status(400).json({ error: { code: 'invalid', message: 'The activity has no type.' } });
      return;
    }
    // Mutual is a Teams app and trusts what Teams puts in an activity (the sender's Entra id, the
    // tenant, the team). Other channels of the same bot registration (Web Chat is on by default)
    // let the client write those fields, and botbuilder skips its channel endorsement check when
    // an activity names no channel: so only `msteams` gets in.
    const channelId: unknown = (req.body as { channelId?: unknown }).channelId;
    if (channelId !== Channels.Msteams) {
      res.status(403).json({
        error: { code: 'forbidden', message: 'Mutual only takes activities from Teams.' },
      });
      return;
    }
    await adapter.process(req, res, async (context) => {
      if (tenantAllowed(context.activity)) return bot.run(context);
      // Outside ALLOWED_TENANTS, as the tab API: nothing runs and nothing is stored. Teams gets
      // what it expects, so it does not deliver again: 200 for an event or a message, and an
      // invoke response saying the app is not available for this organisation.
      options.log('bot: activity from a tenant outside ALLOWED_TENANTS dropped', {
        activityType: context.activity.type,
      });
      if (context.activity.type === ActivityTypes.Invoke)
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 403,
            body: { error: { code: 'forbidden', message: NOT_HERE } },
          },
        });
    });
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

/**
 * botbuilder uses its public-cloud defaults only when none of its endpoint settings is given; once
 * one is, it takes every one as given. So the override restates Microsoft's public-cloud values
 * and replaces only the inbound token's key source and issuer.
 */
function authorityOverride(
  authority: BotAuthority,
): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: authority.openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: authority.tokenIssuer,
  };
}

/**
 * botbuilder's checks, unchanged, with every refusal made the same bare 401. Left alone, botbuilder
 * lets the token library's own errors (no signature, a bad signature, a disallowed algorithm, a
 * token not valid yet) escape as 500s, and writes its reason (key ids, endorsements, the token's
 * audience) into the response. The reason goes to the log instead.
 */
class RefusingAuthentication extends BotFrameworkAuthentication {
  private readonly inner: BotFrameworkAuthentication;
  private readonly log: BotEndpointOptions['log'];

  constructor(inner: BotFrameworkAuthentication, log: BotEndpointOptions['log']) {
    super();
    this.inner = inner;
    this.log = log;
  }

  private refuse(error: unknown): AuthenticationError {
    this.log('bot: request refused', {
      reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    });
    return new AuthenticationError('Unauthorized.', StatusCodes.UNAUTHORIZED);
  }

  override async authenticateRequest(activity: Activity, authHeader: string) {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw this.refuse(error);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string) {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw this.refuse(error);
    }
  }

  override async authenticateChannelRequest(authHeader: string) {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (error) {
      throw this.refuse(error);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity) {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity) {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience() {
    return this.inner.getOriginatingAudience();
  }
}
