import { responseHours, TEMPLATE_ADOPTER } from '../core/compact/compact';
import type { Member } from '../core/team/member';
import type { CurrentCompact } from '../services/get-compact';
import type { MyTeam } from '../services/list-my-teams';
import type { getTeam } from '../services/get-team';
import type { VerifiedUser } from './auth';
import type { CompactDto, DeadLetterDto, MeDto, MemberDto, TeamDto } from './contract';
import type { DeadLetterView } from '../services/dead-letters';

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
});

export const presentMe = (user: VerifiedUser, teams: MyTeam[]): MeDto => ({
  user: { id: user.userId, tenantId: user.tenantId, name: user.name },
  teams: teams.map(({ team, role }) => ({ id: team.teamId, name: team.name, role })),
});

export function presentCompact(current: CurrentCompact | undefined): CompactDto | null {
  if (!current) return null;
  const { version, adoptedByName } = current;
  return {
    version: version.version,
    adoptedAt: version.adoptedAt,
    adoptedBy:
      version.adoptedBy === TEMPLATE_ADOPTER
        ? null
        : { id: version.adoptedBy, name: adoptedByName ?? 'A former member' },
    note: version.note,
    responseHours: responseHours(version),
    clauses: version.clauses,
  };
}

export const presentDeadLetter = (d: DeadLetterView): DeadLetterDto => ({
  notificationId: d.notificationId,
  recipient: d.recipientName ?? 'Team channel',
  summary: d.summary,
  reason: d.reason,
  attempts: d.attempts,
  failedAt: d.failedAt,
});
