import { notFound } from '../../core/errors';
import type { Ports } from '../../core/ports';
import type { Member, TeamRole } from '../../core/team/member';
import { changeRole } from '../../core/team/roles';
import type { Actor } from '../../core/team/team';
import { requireMember } from '../shared/team-access';
import { retryOnConflict } from '../shared/retry-on-conflict';

/**
 * An owner promotes a member to owner or demotes an owner to member (never the last one). The
 * team row is written first with its ETag, so two role changes in one team cannot both pass the
 * last-owner check on the same stale roster: the second conflicts and is checked again.
 */
export async function changeMemberRole(
  actor: Actor,
  teamId: string,
  userId: string,
  role: TeamRole,
  ports: Pick<Ports, 'teams' | 'members' | 'clock'>,
): Promise<Member> {
  return retryOnConflict(async () => {
    const { ref, me } = await requireMember(actor, teamId, ports);
    const [team, roster] = await Promise.all([ports.teams.get(ref), ports.members.list(ref)]);
    const target = roster.find((m) => m.value.userId === userId);
    const activeOwners = roster.filter((m) => m.value.active && m.value.role === 'owner').length;
    const now = ports.clock.now().toISOString();
    const next = changeRole(me.value, target?.value, role, activeOwners, now);
    if (!team) throw notFound('Mutual is not installed in that team.');
    if (!target) throw notFound('That person is not a member of this team.');
    if (next.role === target.value.role) return target.value;
    await ports.teams.update({ ...team.value, updatedAt: now }, team.etag);
    return (await ports.members.update(ref, { ...target.value, ...next }, target.etag)).value;
  });
}

/** The roster with each member's role actions for the caller, for the Settings page. */
export async function listMemberRoles(
  actor: Actor,
  teamId: string,
  ports: Pick<Ports, 'teams' | 'members'>,
): Promise<{ me: Member; members: Member[]; activeOwners: number }> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  const members = (await ports.members.list(ref))
    .map((r) => r.value)
    .filter((m) => m.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { me: me.value, members, activeOwners: members.filter((m) => m.role === 'owner').length };
}
