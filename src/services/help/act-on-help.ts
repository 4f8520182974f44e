import { conflict, isDomainError, notFound } from '../../core/errors';
import { claim, release, resolve, thank, type HelpRequest } from '../../core/help/help-request';
import { kudosForHelp, thankOnceKey } from '../../core/kudos/kudos';
import type { Actor, Team } from '../../core/team/team';
import { tellKudosRecipients } from '../kudos/give-kudos';
import { requireMember } from '../shared/team-access';
import { contextOf } from './get-help-request';
import type { HelpPorts } from './help-ports';
import { refreshHelpCards, type HelpContext } from './help-posts';

export type HelpActionName = 'claim' | 'release' | 'resolve' | 'thank';

/**
 * "I can help", "Release", "Resolved" and "Thank", from a card or the help board. The change is
 * written with the request's ETag: of two simultaneous claims one is stored, and the other is
 * re-read and told who has it. Then every card posted about the request is redrawn.
 */
export async function actOnHelp(
  actor: Actor,
  teamId: string,
  requestId: string,
  action: HelpActionName,
  options: { story?: string },
  ports: HelpPorts,
): Promise<HelpContext> {
  const { ref, team } = await requireMember(actor, teamId, ports);
  for (let attempt = 1; ; attempt++) {
    const found = await ports.help.get(ref, requestId);
    if (!found) throw notFound('That help request no longer exists.');
    const now = ports.clock.now();
    const next = await applyAction(team, found.value, actor.userId, action, options, now, ports);
    if (next === found.value) return contextOf(ref, team, found.value, ports);
    try {
      const saved = await ports.help.update(ref, next, found.etag);
      const context = await contextOf(ref, team, saved.value, ports);
      await refreshHelpCards(context, ports);
      return context;
    } catch (error) {
      // Someone changed it meanwhile: read it again and apply the rules to what is there now.
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= 4) throw error;
    }
  }
}

async function applyAction(
  team: Team,
  request: HelpRequest,
  userId: string,
  action: HelpActionName,
  options: { story?: string },
  now: Date,
  ports: HelpPorts,
): Promise<HelpRequest> {
  const ref = { tenantId: team.tenantId, teamId: team.teamId };
  switch (action) {
    case 'claim':
      try {
        return claim(request, userId, now);
      } catch (error) {
        if (isDomainError(error) && error.code === 'conflict' && request.status === 'claimed') {
          const helper = await ports.members.get(ref, request.helperId);
          throw conflict(
            `${helper?.value.name ?? 'Someone else'} is already helping with this request.`,
          );
        }
        throw error;
      }
    case 'release':
      return release(request, userId);
    case 'resolve':
      return resolve(request, userId, now);
    case 'thank': {
      const next = thank(request, userId, now);
      // The kudos first (written once per request), so a failure after it loses nothing.
      const { kudos } = await ports.kudos.add(
        ref,
        kudosForHelp(request, options.story ?? '', now),
        thankOnceKey(request.id),
      );
      // The helper hears 1:1 with the story (the cards only say "thanked"); once, by its id.
      await tellKudosRecipients(ref, team, kudos, ports);
      return next;
    }
  }
}
