import {
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  MessageFactory,
  TeamsActivityHandler,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type TeamInfo,
  type TurnContext,
} from 'botbuilder';
import type { RosterEntry } from '../src/core/team/member';
import type { TeamRef } from '../src/core/team/team';
import type { Services } from '../src/services';
import { openAskForHelp, submitAskForHelp } from './ask-for-help';
import { fetchTeamRoster, rosterEntryOf } from './roster';
import { handleCardAction } from './card-actions';

export interface MutualBotOptions {
  services: Services;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/**
 * The bot: keeps the team, its channel address and its roster in step with Teams, and answers the
 * "Ask for help" message action. No business rule lives here; each event calls one use case.
 */
export class MutualBot extends TeamsActivityHandler {
  private readonly services: Services;
  private readonly log: MutualBotOptions['log'];

  constructor(options: MutualBotOptions) {
    super();
    this.services = options.services;
    this.log = options.log;

    this.onTeamsMembersAddedEvent(async (membersAdded, teamInfo, context, next) => {
      const ref = teamRefOf(context, teamInfo);
      if (ref) {
        const botId = context.activity.recipient.id;
        if (membersAdded.some((m) => m.id === botId)) {
          await this.install(context, ref, teamInfo.name ?? '');
        } else {
          // botbuilder has already looked each new member up, so the accounts are complete.
          const entries = membersAdded
            .filter((m) => m.id !== botId)
            .map(rosterEntryOf)
            .filter((e): e is RosterEntry => e !== undefined);
          const change = await this.services.syncRoster(ref, entries, { complete: false });
          this.log('roster: members added', { teamId: ref.teamId, ...change });
        }
      }
      await next();
    });

    this.onTeamsMembersRemovedEvent(async (membersRemoved, teamInfo, context, next) => {
      const ref = teamRefOf(context, teamInfo);
      if (ref) {
        const botId = context.activity.recipient.id;
        if (membersRemoved.some((m) => m.id === botId)) {
          await this.services.deactivateTeam(ref);
          this.log('team: bot removed', { teamId: ref.teamId });
        } else {
          const ids = membersRemoved
            .map((m) => m.aadObjectId?.toLowerCase())
            .filter((id): id is string => Boolean(id));
          const removed = await this.services.removeMembers(ref, ids);
          this.log('roster: members removed', { teamId: ref.teamId, removed });
        }
      }
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      const teamInfo = teamInfoOf(context);
      const ref = teamInfo && teamRefOf(context, teamInfo);
      if (ref) await this.install(context, ref, teamInfo.name ?? '');
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      const teamInfo = teamInfoOf(context);
      const ref = teamInfo && teamRefOf(context, teamInfo);
      if (ref) {
        await this.services.deactivateTeam(ref);
        this.log('team: uninstalled', { teamId: ref.teamId });
      }
      await next();
    });

    this.onTeamsTeamDeletedEvent(async (teamInfo, context, next) => {
      const ref = teamRefOf(context, teamInfo);
      if (ref) await this.services.deactivateTeam(ref);
      await next();
    });

    this.onMessage(async (context, next) => {
      await context.sendActivity(
        MessageFactory.text(
          'Mutual pairs colleagues for skill shares, keeps your team’s Support Compact and tracks ' +
            'help requests. Open the Mutual tab in your team, or use “Ask for help” from the ' +
            '“…” menu of any message.',
        ),
      );
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return handleCardAction(context, value, this.services);
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    _context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return openAskForHelp(action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return submitAskForHelp(context, action, this.services);
  }

  private async install(context: TurnContext, ref: TeamRef, name: string) {
    const roster = await fetchTeamRoster(context, ref.teamId);
    const result = await this.services.registerInstallation({
      ref,
      name,
      channel: { serviceUrl: context.activity.serviceUrl, conversationId: ref.teamId },
      installedBy: context.activity.from.aadObjectId?.toLowerCase(),
      roster,
    });
    this.log('team: installed', { teamId: ref.teamId, ...result.roster });
  }
}

function teamInfoOf(context: TurnContext): TeamInfo | undefined {
  const data = context.activity.channelData as { team?: TeamInfo } | undefined;
  return data?.team?.id ? data.team : undefined;
}

/** Only team-scoped events name a team; personal and group-chat events return undefined. */
function teamRefOf(context: TurnContext, teamInfo: TeamInfo | undefined): TeamRef | undefined {
  const data = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  const tenantId = data?.tenant?.id ?? context.activity.conversation.tenantId;
  if (!teamInfo?.id || !tenantId) return undefined;
  return { tenantId, teamId: teamInfo.id };
}
