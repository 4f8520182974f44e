import type { Ports } from '../core/ports';
import { normaliseSkills, type Member, type Skill } from '../core/team/member';
import { invalid } from '../core/errors';
import type { Actor } from '../core/team/team';
import { requireMember } from './team-access';

export interface ProfileChange {
  department?: string;
  teaches?: Skill[];
  learns?: Skill[];
}

export const MAX_DEPARTMENT = 80;

/** A member edits their own profile; nobody else can. */
export async function updateProfile(
  actor: Actor,
  teamId: string,
  change: ProfileChange,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<Member> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const department = change.department?.trim() ?? me.value.department;
  if (department.length > MAX_DEPARTMENT)
    throw invalid(`Keep the department under ${MAX_DEPARTMENT} characters.`, 'department');
  const next: Member = {
    ...me.value,
    department,
    teaches: change.teaches ? normaliseSkills(change.teaches, 'teaches') : me.value.teaches,
    learns: change.learns ? normaliseSkills(change.learns, 'learns') : me.value.learns,
  };
  // The ETag read by requireMember guards against a concurrent edit of the same profile.
  return (await ports.members.update(ref, next, me.etag)).value;
}
