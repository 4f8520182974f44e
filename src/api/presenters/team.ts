import type { Member } from '../../core/team/member';
import { teamActionsFor } from '../../core/team/policy';
import { memberRoleActionsFor } from '../../core/team/roles';
import type { MyTeam } from '../../services/team/list-my-teams';
import type { getTeam } from '../../services/team/get-team';
import type { VerifiedUser } from '../auth';
import type { MeDto, MemberDto, MemberRoleDto, ProfileDto, TeamDto } from '../contract';

export const presentMember = (m: Member): MemberDto => ({
  id: m.userId,
  name: m.name,
  email: m.email,
  role: m.role,
  department: m.department,
  teaches: m.teaches,
  learns: m.learns,
});

export const presentTeam = ({
  team,
  me,
  memberCount,
}: Awaited<ReturnType<typeof getTeam>>): TeamDto => ({
  id: team.teamId,
  name: team.name,
  memberCount,
  myRole: me.role,
  can: teamActionsFor(me),
});

export const presentMe = (
  user: VerifiedUser,
  teams: MyTeam[],
  removed: { teamId: string; name: string }[],
): MeDto => ({
  user: { id: user.userId, tenantId: user.tenantId, name: user.name },
  teams: teams.map(({ team, role }) => ({ id: team.teamId, name: team.name, role })),
  removedTeams: removed.map(({ teamId, name }) => ({ id: teamId, name })),
});

export const presentProfile = (m: Member): ProfileDto => ({
  id: m.userId,
  name: m.name,
  department: m.department,
  teaches: m.teaches,
  learns: m.learns,
  optedIn: m.optedIn,
  pausedUntil: m.pausedUntil || null,
  availabilityPerWeek: m.availabilityPerWeek,
  quietHours: m.quietHours,
  timeZone: m.timeZone,
});

/** A member's role, with what the viewer may do to it (core/team/roles.ts) as `can`. */
export const presentMemberRole = (
  m: Member,
  viewer: Pick<Member, 'role'>,
  activeOwners: number,
): MemberRoleDto => ({
  id: m.userId,
  name: m.name,
  role: m.role,
  ownerGrant: m.role === 'owner' ? (m.ownerGrant ?? 'legacy') : null,
  can: memberRoleActionsFor(viewer, m, activeOwners),
});
