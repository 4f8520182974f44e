import type { Kudos } from '../../core/kudos/kudos';
import type { Member } from '../../core/team/member';
import type { KudosDto } from '../contract';
import { FORMER_NAME } from './shared';

/** Who someone is shown as once they left or deleted their data, as on the help board. */

/** A kudos as the tab shows it: people by name, the story, and the request it thanks for. */
export function presentKudos(k: Kudos, people: ReadonlyMap<string, Member>): KudosDto {
  const person = (id: string) => ({ id, name: people.get(id)?.name || FORMER_NAME });
  return {
    id: k.id,
    from: person(k.fromId),
    to: k.toIds.map(person),
    story: k.story,
    helpRequestId: k.helpRequestId || null,
    createdAt: k.createdAt,
  };
}
