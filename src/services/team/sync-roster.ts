import type { Ports } from '../../core/ports';
import type { Member, RosterEntry } from '../../core/team/member';
import type { TeamRef } from '../../core/team/team';
import { DEFAULT_BOUNDARIES } from '../../core/team/boundaries';
import { roleOnSync } from '../../core/team/roles';
import { targetKey } from '../../core/notify/notification';
import { retryOnConflict } from '../shared/retry-on-conflict';
import { reviveConversation } from '../notify/revive-conversation';

export interface SyncRosterOptions {
  /** A full roster from Teams: members not in it have left. A partial one only adds. */
  complete: boolean;
  /** Teams' own owners of the team (Graph), when known: they are owners in Mutual too. */
  teamsOwners?: ReadonlySet<string> | undefined;
  /** The team row's first installer: only their new row starts as an owner (see roleOnSync). */
  firstInstallerId?: string | undefined;
}

export interface RosterChange {
  added: number;
  updated: number;
  removed: number;
}

type RosterPorts = Pick<Ports, 'members' | 'conversations' | 'clock'>;
type Grants = Pick<SyncRosterOptions, 'teamsOwners' | 'firstInstallerId'>;

/**
 * Brings the stored roster in line with what Teams reports. Profiles (department, skills) are the
 * member's own and survive; a member who returns is reactivated; nobody is ever demoted here, and
 * nobody is promoted but by `roleOnSync` (the first installer's new row, Teams' own owners).
 */
export async function syncRoster(
  ref: TeamRef,
  roster: readonly RosterEntry[],
  options: SyncRosterOptions & RosterPorts,
): Promise<RosterChange> {
  const change: RosterChange = { added: 0, updated: 0, removed: 0 };
  const seen = new Set<string>();
  for (const batch of chunks(roster, 10)) {
    await Promise.all(
      batch.map(async (entry) => {
        seen.add(entry.userId);
        const outcome = await upsertMember(ref, entry, options, options);
        if (outcome !== 'unchanged') change[outcome]++;
      }),
    );
  }
  if (options.complete) {
    const gone = (await options.members.list(ref))
      .filter((m) => m.value.active && !seen.has(m.value.userId))
      .map((m) => m.value.userId);
    change.removed = await removeMembers(ref, gone, options);
  }
  return change;
}

/** Marks members as gone: they lose access at once, their history stays. */
export async function removeMembers(
  ref: TeamRef,
  userIds: readonly string[],
  ports: RosterPorts,
): Promise<number> {
  let removed = 0;
  for (const userId of userIds) {
    const changed = await retryOnConflict(async () => {
      const row = await ports.members.get(ref, userId);
      if (!row || !row.value.active) return false;
      await ports.members.update(ref, { ...row.value, active: false }, row.etag);
      return true;
    });
    if (changed) removed++;
  }
  return removed;
}

async function upsertMember(
  ref: TeamRef,
  entry: RosterEntry,
  grants: Grants,
  ports: RosterPorts,
): Promise<'added' | 'updated' | 'unchanged'> {
  return retryOnConflict(async () => {
    const row = await ports.members.get(ref, entry.userId);
    const now = ports.clock.now();
    // A roster entry's own `role` is ignored: nothing Teams sends can grant a role.
    const context = {
      firstInstallerId: grants.firstInstallerId,
      teamsOwners: grants.teamsOwners,
      now: now.toISOString(),
    };
    if (!row) {
      // A duplicate delivery may create it first: the conflict sends us round the update path.
      const role = roleOnSync(entry.userId, undefined, context);
      await ports.members.create(ref, { ...newMember(entry, now), ...role });
      return 'added';
    }
    const current = row.value;
    const next: Member = {
      ...current,
      name: entry.name || current.name,
      email: entry.email || current.email,
      botUserId: entry.botUserId || current.botUserId,
      ...roleOnSync(entry.userId, current, context),
      active: true,
    };
    if (sameRosterFields(current, next)) return 'unchanged';
    await ports.members.update(ref, next, row.etag);
    if (!current.active)
      await reviveConversation(ref, targetKey({ kind: 'member', userId: entry.userId }), ports);
    return 'updated';
  });
}

function newMember(entry: RosterEntry, now: Date): Member {
  return {
    userId: entry.userId,
    name: entry.name,
    email: entry.email,
    botUserId: entry.botUserId,
    role: 'member',
    active: true,
    joinedAt: now.toISOString(),
    department: '',
    teaches: [],
    learns: [],
    ...DEFAULT_BOUNDARIES,
  };
}

const sameRosterFields = (a: Member, b: Member) =>
  a.name === b.name &&
  a.email === b.email &&
  a.botUserId === b.botUserId &&
  a.role === b.role &&
  a.ownerGrant === b.ownerGrant &&
  a.active === b.active;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
