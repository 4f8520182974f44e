import type { HelpRequest } from '../../core/help/help-request';
import type { Ports, Versioned } from '../../core/ports';
import type { Member } from '../../core/team/member';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';

/** Resolved requests stay on the board this long. */
export const RESOLVED_ON_BOARD_DAYS = 30;

export interface HelpBoard {
  requests: HelpRequest[];
  people: ReadonlyMap<string, Member>;
}

/** The help board: every open and claimed request, and those resolved recently, latest first. */
export async function listHelpBoard(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'help' | 'clock'>,
): Promise<HelpBoard> {
  const { ref } = await requireMember(actor, teamId, ports);
  const since = ports.clock.now().getTime() - RESOLVED_ON_BOARD_DAYS * 86_400_000;
  const [all, members] = await Promise.all([ports.help.list(ref), ports.members.list(ref)]);
  const requests = all
    .map((r: Versioned<HelpRequest>) => r.value)
    .filter((r) => r.status !== 'resolved' || Date.parse(r.resolvedAt) >= since);
  return { requests, people: new Map(members.map((m) => [m.value.userId, m.value])) };
}
