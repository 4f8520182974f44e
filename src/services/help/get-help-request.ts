import { notFound } from '../../core/errors';
import type { HelpRequest } from '../../core/help/help-request';
import type { Ports } from '../../core/ports';
import type { Actor, Team, TeamRef } from '../../core/team/team';
import { peopleOf } from '../shared/people';
import { requireMember } from '../shared/team-access';
import type { HelpContext } from './help-posts';

/** One request as a member sees it (a card's refresh, or the board after an action). */
export async function getHelpRequest(
  actor: Actor,
  teamId: string,
  requestId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'help'>,
): Promise<HelpContext> {
  const { ref, team } = await requireMember(actor, teamId, ports);
  const found = await ports.help.get(ref, requestId);
  if (!found) throw notFound('That help request no longer exists.');
  return contextOf(ref, team, found.value, ports);
}

/** A request with its team and the people it names. */
export async function contextOf(
  ref: TeamRef,
  team: Team,
  request: HelpRequest,
  ports: Pick<Ports, 'members'>,
): Promise<HelpContext> {
  const people = await peopleOf(
    ref,
    [request.requesterId, request.helperId, request.buddyId],
    ports,
  );
  return { team, request, people };
}
