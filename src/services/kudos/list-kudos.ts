import type { Kudos } from '../../core/kudos/kudos';
import type { Ports } from '../../core/ports';
import type { Member } from '../../core/team/member';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';

/** A page of the team's feed by default, and at most. */
export const KUDOS_PAGE = 20;
export const MAX_KUDOS_PAGE = 50;
/** "Mine" shows this many received and this many given, latest first. */
export const MY_KUDOS = 50;

export interface KudosFeed {
  kudos: Kudos[];
  /** The cursor for the next page, when there is one. */
  next: string | undefined;
  people: ReadonlyMap<string, Member>;
}

const peopleMap = (members: { value: Member }[]) =>
  new Map(members.map((m) => [m.value.userId, m.value]));

/** The team's kudos feed, latest first, a page at a time. Stories, never counts. */
export async function listKudosFeed(
  actor: Actor,
  teamId: string,
  options: { limit?: number; after?: string },
  ports: Pick<Ports, 'teams' | 'members' | 'kudos'>,
): Promise<KudosFeed> {
  const { ref } = await requireMember(actor, teamId, ports);
  const limit = Math.min(Math.max(options.limit ?? KUDOS_PAGE, 1), MAX_KUDOS_PAGE);
  const [page, members] = await Promise.all([
    ports.kudos.page(ref, limit, options.after),
    ports.members.list(ref),
  ]);
  return { kudos: page.kudos, next: page.next, people: peopleMap(members) };
}

export interface MyKudos {
  received: Kudos[];
  given: Kudos[];
  people: ReadonlyMap<string, Member>;
}

/** The kudos the caller received and gave in the team, latest first. */
export async function listMyKudos(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members' | 'kudos'>,
): Promise<MyKudos> {
  const { ref } = await requireMember(actor, teamId, ports);
  const [mine, members] = await Promise.all([
    ports.kudos.ofMember(ref, actor.userId, MY_KUDOS),
    ports.members.list(ref),
  ]);
  return { ...mine, people: peopleMap(members) };
}
