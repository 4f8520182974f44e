import { conflict, forbidden, notFound } from '../errors';
import type { Member, TeamRole } from './member';
import type { Team } from './team';

/**
 * How a member came to be an owner. No Teams event appears here: the first install records one
 * owner, owners promote, and Teams' own team owners (read from Graph) are owners.
 */
export type OwnerGrant = 'first-installer' | 'promoted' | 'teams-owner' | 'legacy';

/** The role fields of a member row. */
export type RoleFields = Pick<Member, 'role' | 'ownerGrant' | 'ownerGrantedBy' | 'ownerSince'>;

export const MEMBER_ROLE: RoleFields = {
  role: 'member',
  ownerGrant: undefined,
  ownerGrantedBy: undefined,
  ownerSince: undefined,
};

/** Team rows written with this version record their first installer and the owners' grants. */
export const ROLES_VERSION = 1;

export interface RoleContext {
  /** The team row's first installer (`Team.firstInstallerId`). */
  firstInstallerId: string | undefined;
  /** Teams' own owners of the team, when Graph could tell; undefined when not known. */
  teamsOwners: ReadonlySet<string> | undefined;
  now: string;
}

/**
 * The one rule for a member's role on install, re-install, upgrade and roster sync. An owner
 * stays an owner (only an owner demotes); a new row is the owner only for the team's recorded
 * first installer; anyone else becomes an owner only because Teams lists them as a team owner.
 * Who sent the event (an upgrade, a re-add) never counts.
 */
export function roleOnSync(
  userId: string,
  current: RoleFields | undefined,
  context: RoleContext,
): RoleFields {
  if (current?.role === 'owner') return pickRole(current);
  if (!current && context.firstInstallerId === userId)
    return owner('first-installer', undefined, context.now);
  if (context.teamsOwners?.has(userId)) return owner('teams-owner', undefined, context.now);
  return current ? pickRole(current) : MEMBER_ROLE;
}

/** What an owner may do to another member's role; the tab shows exactly this. */
export interface MemberRoleActions {
  promote: boolean;
  demote: boolean;
}

/** Owners promote members and demote owners, but the last active owner stays one. */
export function memberRoleActionsFor(
  viewer: Pick<Member, 'role'>,
  target: Pick<Member, 'role' | 'active'>,
  activeOwners: number,
): MemberRoleActions {
  const isOwner = viewer.role === 'owner';
  return {
    promote: isOwner && target.active && target.role === 'member',
    demote: isOwner && target.active && target.role === 'owner' && activeOwners > 1,
  };
}

/** The guard of a role change: the new role fields, or a domain error saying why not. */
export function changeRole(
  viewer: Pick<Member, 'userId' | 'role'>,
  target: Member | undefined,
  role: TeamRole,
  activeOwners: number,
  now: string,
): RoleFields {
  if (viewer.role !== 'owner') throw forbidden('Only an owner of the team can change roles.');
  if (!target || !target.active) throw notFound('That person is not a member of this team.');
  if (target.role === role) return pickRole(target);
  const can = memberRoleActionsFor(viewer, target, activeOwners);
  if (role === 'owner') {
    if (!can.promote) throw forbidden('Only an owner of the team can change roles.');
    return owner('promoted', viewer.userId, now);
  }
  if (!can.demote)
    throw conflict(
      `${target.name || 'This member'} is the team’s last owner: promote someone else first, so the team keeps an owner.`,
    );
  return MEMBER_ROLE;
}

/** When Mutual was removed from the team: recorded since roles were; before, the last update. */
export const uninstalledAtOf = (team: Team): string => team.uninstalledAt || team.updatedAt;

/**
 * Whether `me` may remove an uninstalled team's data: an owner recorded before the uninstall, so
 * nobody made an owner afterwards (by any event) can erase the team.
 */
export function mayRemoveTeamData(team: Team | undefined, me: Member): boolean {
  if (me.role !== 'owner') return false;
  if (!team) return true; // an unfinished removal: the team row went last but one
  if (team.active) return false;
  const since = me.ownerSince || me.joinedAt;
  return since !== '' && since <= uninstalledAtOf(team);
}

/** Owners whose row was written within this time of the first install count as its installer. */
export const FIRST_INSTALL_WINDOW_MS = 10 * 60_000;

export interface LegacyRoleMigration {
  firstInstallerId: string | undefined;
  /** The member rows to rewrite, with their new role fields; every other field is kept. */
  changes: { userId: string; role: RoleFields }[];
}

/**
 * Owners recorded before roles were Mutual's own (a team row without `rolesVersion`). Until then
 * the only way to become an owner was to be the sender of an install event, and the first install
 * wrote every member row, the installer's among them, at once. So:
 * - an owner whose row was written after the first install's window became one through a later
 *   install event (a re-install or upgrade): demoted to member;
 * - if exactly one owner's row dates from the first install, that owner is the first installer;
 * - if several do, they cannot be told apart: all stay owners (`legacy`), none is recorded as the
 *   first installer;
 * - if none does (unexpected), every owner stays one (`legacy`), so no team loses all its owners.
 */
export function migrateLegacyOwners(team: Team, members: readonly Member[]): LegacyRoleMigration {
  const owners = members.filter((m) => m.role === 'owner');
  const installed = Date.parse(team.installedAt);
  const early = owners.filter((m) => Date.parse(m.joinedAt) - installed <= FIRST_INSTALL_WINDOW_MS);
  const changes: LegacyRoleMigration['changes'] = [];
  if (early.length === 0) {
    for (const m of owners) changes.push({ userId: m.userId, role: legacy(m) });
    return { firstInstallerId: undefined, changes };
  }
  const first = early.length === 1 ? early[0] : undefined;
  for (const m of owners) {
    if (!early.includes(m)) changes.push({ userId: m.userId, role: MEMBER_ROLE });
    else if (m === first)
      changes.push({ userId: m.userId, role: owner('first-installer', undefined, m.joinedAt) });
    else changes.push({ userId: m.userId, role: legacy(m) });
  }
  return { firstInstallerId: first?.userId, changes };
}

const legacy = (m: Member) =>
  m.ownerGrant ? pickRole(m) : owner('legacy', undefined, m.ownerSince || m.joinedAt);

const owner = (grant: OwnerGrant, by: string | undefined, since: string): RoleFields => ({
  role: 'owner',
  ownerGrant: grant,
  ownerGrantedBy: by,
  ownerSince: since,
});

const pickRole = (m: RoleFields): RoleFields => ({
  role: m.role,
  ownerGrant: m.ownerGrant,
  ownerGrantedBy: m.ownerGrantedBy,
  ownerSince: m.ownerSince,
});
