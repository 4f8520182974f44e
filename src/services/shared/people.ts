import { FORMER_MEMBER_NAME } from '../../core/privacy/personal-data';
import type { MessagePerson, Ports } from '../../core/ports';
import type { Member } from '../../core/team/member';
import type { TeamRef } from '../../core/team/team';

export const personOf = (m: Member | undefined): MessagePerson => ({
  // A cleared name (the member deleted their data) reads as no name at all.
  name: m?.name || FORMER_MEMBER_NAME,
  email: m?.email ?? '',
  department: m?.department ?? '',
});

/** Loads the members named by id (a request's requester, helper, buddy…), one point read each. */
export async function peopleOf(
  ref: TeamRef,
  ids: readonly string[],
  ports: Pick<Ports, 'members'>,
): Promise<Map<string, Member>> {
  const unique = [...new Set(ids.filter(Boolean))];
  const found = await Promise.all(unique.map((id) => ports.members.get(ref, id)));
  return new Map(found.flatMap((m) => (m ? [[m.value.userId, m.value] as const] : [])));
}
