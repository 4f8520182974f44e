import { odata, type TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { MemberStore } from '../../core/ports';
import type { Member, TeamRole } from '../../core/team/member';
import type { OwnerGrant } from '../../core/team/roles';
import { DEFAULT_BOUNDARIES, type QuietHours } from '../../core/team/boundaries';
import type { TeamRef } from '../../core/team/team';
import {
  bool,
  deleteRow,
  insertRow,
  json,
  readPartition,
  readRow,
  replaceRow,
  str,
  type Row,
  type StoredRow,
} from '../entity-io';
import { encodeKey, teamPartition } from '../keys';

const WHAT = 'The member';

/**
 * Members live in their team's partition. A second table indexes "which teams is this user in"
 * by user, so the personal tab never scans teams.
 */
export function createTableMemberStore(
  members: TableClient,
  memberships: TableClient,
): MemberStore {
  return {
    async get(ref, userId) {
      const found = await readRow(members, teamPartition(ref), encodeKey(userId), WHAT);
      return found && { value: fromRow(found.row), etag: found.etag };
    },
    async list(ref) {
      const rows = await readPartition(
        members,
        odata`PartitionKey eq ${teamPartition(ref)}`,
        'The team roster',
      );
      return rows.map(({ row, etag }) => ({ value: fromRow(row), etag }));
    },
    async create(ref, member) {
      // Index first: a crash between the two writes leaves an index row that points at nothing,
      // which readers skip, rather than a member the personal tab cannot find.
      await indexMembership(memberships, ref, member.userId);
      const etag = await insertRow(members, toRow(ref, member), WHAT);
      return { value: member, etag };
    },
    async update(ref, member, etag) {
      return { value: member, etag: await replaceRow(members, toRow(ref, member), etag, WHAT) };
    },
    async remove(ref, userId, etag) {
      // The index entry first: a crash between the two leaves the member row, which removing the
      // member again finds (by listing the team) and deletes; the other order could strand an
      // index entry nobody lists any more.
      const partition = membershipPartition(ref.tenantId, userId);
      const index = await readRow(memberships, partition, encodeKey(ref.teamId), 'The index');
      if (index)
        await deleteRow(memberships, partition, encodeKey(ref.teamId), index.etag, 'The index');
      await deleteRow(members, teamPartition(ref), encodeKey(userId), etag, WHAT);
    },
    async teamsOf(tenantId, userId) {
      const rows = await readPartition(
        memberships,
        odata`PartitionKey eq ${membershipPartition(tenantId, userId)}`,
        'Your teams',
      );
      return rows.map(({ row }) => ({ tenantId, teamId: str(row, 'teamId') }));
    },
  };
}

const membershipPartition = (tenantId: string, userId: string) =>
  `${encodeKey(tenantId)}|${encodeKey(userId)}`;

async function indexMembership(client: TableClient, ref: TeamRef, userId: string) {
  try {
    await insertRow(
      client,
      {
        partitionKey: membershipPartition(ref.tenantId, userId),
        rowKey: encodeKey(ref.teamId),
        teamId: ref.teamId,
      },
      'The membership index',
    );
  } catch (error) {
    // Already indexed (a returning member, or a repeated delivery): nothing to change.
    if (!isDomainError(error) || error.code !== 'conflict') throw error;
  }
}

function toRow(ref: TeamRef, m: Member): Row {
  return {
    partitionKey: teamPartition(ref),
    rowKey: encodeKey(m.userId),
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    ownerGrant: m.ownerGrant ?? '',
    ownerGrantedBy: m.ownerGrantedBy ?? '',
    ownerSince: m.ownerSince ?? '',
    botUserId: m.botUserId,
    active: m.active,
    joinedAt: m.joinedAt,
    department: m.department,
    teaches: JSON.stringify(m.teaches),
    learns: JSON.stringify(m.learns),
    optedIn: m.optedIn,
    pausedUntil: m.pausedUntil,
    availabilityPerWeek: m.availabilityPerWeek,
    quietHours: m.quietHours ? JSON.stringify(m.quietHours) : '',
    timeZone: m.timeZone,
  };
}

const GRANTS: readonly OwnerGrant[] = ['first-installer', 'promoted', 'teams-owner', 'legacy'];

/** How an owner became one; rows from before roles were Mutual's own have none of it. */
function ownerFields(row: StoredRow): Pick<Member, 'ownerGrant' | 'ownerGrantedBy' | 'ownerSince'> {
  const grant = GRANTS.find((g) => g === str(row, 'ownerGrant'));
  return {
    ownerGrant: grant,
    ownerGrantedBy: str(row, 'ownerGrantedBy') || undefined,
    ownerSince: str(row, 'ownerSince') || undefined,
  };
}

function fromRow(row: StoredRow): Member {
  const role: TeamRole = str(row, 'role') === 'owner' ? 'owner' : 'member';
  return {
    userId: str(row, 'userId'),
    name: str(row, 'name'),
    email: str(row, 'email'),
    role,
    ...(role === 'owner' ? ownerFields(row) : {}),
    botUserId: str(row, 'botUserId'),
    active: bool(row, 'active'),
    joinedAt: str(row, 'joinedAt'),
    department: str(row, 'department'),
    teaches: json(row, 'teaches', []),
    learns: json(row, 'learns', []),
    optedIn: bool(row, 'optedIn'),
    pausedUntil: str(row, 'pausedUntil'),
    availabilityPerWeek:
      typeof row.availabilityPerWeek === 'number'
        ? row.availabilityPerWeek
        : DEFAULT_BOUNDARIES.availabilityPerWeek,
    quietHours: json<QuietHours | null>(row, 'quietHours', null),
    timeZone: str(row, 'timeZone') || DEFAULT_BOUNDARIES.timeZone,
  };
}
