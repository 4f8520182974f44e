import type { Ports } from '../../core/ports';
import { normaliseSkills, type Member, type Skill } from '../../core/team/member';
import { applyBoundaries, type Boundaries } from '../../core/team/boundaries';
import { invalid } from '../../core/errors';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';
import { retryOnConflict } from '../shared/retry-on-conflict';

export interface ProfileChange extends Partial<Boundaries> {
  department?: string;
  teaches?: Skill[];
  learns?: Skill[];
}

export const MAX_DEPARTMENT = 80;

/** A member's own profile and boundaries in one team. */
export async function getProfile(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<Member> {
  return (await requireMember(actor, teamId, ports)).me.value;
}

/** A member edits their own profile and boundaries; nobody else can. Nothing is saved if any part is wrong. */
export async function updateProfile(
  actor: Actor,
  teamId: string,
  change: ProfileChange,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<Member> {
  const { department, teaches, learns, ...boundaries } = change;
  const name = department?.trim();
  if (name !== undefined && name.length > MAX_DEPARTMENT)
    throw invalid(`Keep the department under ${MAX_DEPARTMENT} characters.`, 'department');
  const taught = teaches && normaliseSkills(teaches, 'teaches');
  const learnt = learns && normaliseSkills(learns, 'learns');
  // The roster may change the same row at the same moment (a name from Teams); the edit is the
  // member's own, so it is applied again on the fresh row rather than refused.
  return retryOnConflict(async () => {
    const { ref, me } = await requireMember(actor, teamId, ports);
    const next: Member = {
      ...me.value,
      ...applyBoundaries(me.value, boundaries),
      department: name ?? me.value.department,
      teaches: taught ?? me.value.teaches,
      learns: learnt ?? me.value.learns,
    };
    return (await ports.members.update(ref, next, me.etag)).value;
  });
}
