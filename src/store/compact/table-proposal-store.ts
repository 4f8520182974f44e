import type { TableClient } from '@azure/data-tables';
import { isDomainError } from '../../core/errors';
import type { Acknowledgement } from '../../core/compact/compact';
import { PROPOSAL_ID, type Proposal, type ProposalStatus } from '../../core/compact/proposal';
import type {
  AcknowledgementStore,
  CompactReviewStore,
  CompactSettingsStore,
  ProposalStore,
} from '../../core/ports';
import { DEFAULT_ADOPTION_RULE, DEFAULT_REVIEW_MONTHS } from '../../core/compact/settings';
import { REVIEW_ID, type CompactReview } from '../../core/compact/review';
import {
  insertRow,
  json,
  num,
  readRow,
  replaceRow,
  str,
  teamRows,
  type StoredRow,
} from '../entity-io';
import { encodeKey, teamPartition } from '../keys';

/** Proposals, in the `compacts` table beside the versions (row key = the proposal id). */
export function createTableProposalStore(client: TableClient): ProposalStore {
  const rows = teamRows<Proposal>(client, 'The proposal', {
    toRow: (ref, p) => ({
      partitionKey: teamPartition(ref),
      rowKey: p.id,
      ...p,
      commitmentHours: p.commitmentHours ?? -1,
      previousCommitmentHours: p.previousCommitmentHours ?? -1,
      stances: JSON.stringify(p.stances),
    }),
    fromRow,
  });
  return {
    get: (ref, id) => (PROPOSAL_ID.test(id) ? rows.get(ref, id) : Promise.resolve(undefined)),
    list: (ref) => rows.range(ref, 'p-'),
    create: rows.create,
    update: rows.update,
  };
}

const hoursOf = (row: StoredRow, key: string) => {
  const value = num(row, key);
  return value > 0 ? value : null;
};

const fromRow = (row: StoredRow): Proposal => ({
  id: str(row, 'id'),
  kind: str(row, 'kind') as Proposal['kind'],
  clauseId: str(row, 'clauseId'),
  text: str(row, 'text'),
  commitmentHours: hoursOf(row, 'commitmentHours'),
  previousText: str(row, 'previousText'),
  previousCommitmentHours: hoursOf(row, 'previousCommitmentHours'),
  reason: str(row, 'reason'),
  proposedBy: str(row, 'proposedBy'),
  proposedAt: str(row, 'proposedAt'),
  baseVersion: num(row, 'baseVersion'),
  status: str(row, 'status') as ProposalStatus,
  stances: json(row, 'stances', []),
  decidedBy: str(row, 'decidedBy'),
  decidedAt: str(row, 'decidedAt'),
  decisionNote: str(row, 'decisionNote'),
  adoptedVersion: num(row, 'adoptedVersion'),
  revision: num(row, 'revision'),
});

/** Acknowledgements, `a-<version>-<user>` in the `compacts` table: one version's are one range. */
export function createTableAcknowledgementStore(client: TableClient): AcknowledgementStore {
  const rows = teamRows<Acknowledgement>(client, 'The acknowledgement', {
    toRow: (ref, a) => ({
      partitionKey: teamPartition(ref),
      rowKey: `${prefixOf(a.version)}${encodeKey(a.userId)}`,
      ...a,
    }),
    fromRow: (row) => ({
      version: num(row, 'version'),
      userId: str(row, 'userId'),
      at: str(row, 'at'),
    }),
  });
  return {
    async add(ref, ack) {
      try {
        await rows.create(ref, ack);
        return { created: true };
      } catch (error) {
        if (isDomainError(error) && error.code === 'conflict') return { created: false };
        throw error;
      }
    },
    forVersion: async (ref, version) =>
      (await rows.range(ref, prefixOf(version))).map((r) => r.value),
    // Every acknowledgement of the team is one range; a compact has few versions and a team few
    // members, so reading it beats a point read per version.
    ofMember: async (ref, userId) =>
      (await rows.range(ref, 'a-')).filter((r) => r.value.userId === userId),
    remove: (ref, ack, etag) =>
      rows.remove(ref, `${prefixOf(ack.version)}${encodeKey(ack.userId)}`, etag),
  };
}

const prefixOf = (version: number) => `a-${String(version).padStart(6, '0')}-`;

const SETTINGS = 'settings';

/** The compact's settings: one row in the `compacts` table. */
export function createTableCompactSettingsStore(client: TableClient): CompactSettingsStore {
  const what = 'The compact settings';
  return {
    async get(ref) {
      const found = await readRow(client, teamPartition(ref), SETTINGS, what);
      if (!found) return undefined;
      const rule = str(found.row, 'adoptionRule');
      return {
        value: {
          adoptionRule: rule === 'majority' || rule === 'owner' ? rule : DEFAULT_ADOPTION_RULE,
          reviewEveryMonths: num(found.row, 'reviewEveryMonths') || DEFAULT_REVIEW_MONTHS,
          nextReviewOn: str(found.row, 'nextReviewOn'),
          reviewTimeZone: str(found.row, 'reviewTimeZone') || 'UTC',
        },
        etag: found.etag,
      };
    },
    async save(ref, settings, etag) {
      const row = { partitionKey: teamPartition(ref), rowKey: SETTINGS, ...settings };
      return {
        value: settings,
        etag:
          etag === undefined
            ? await insertRow(client, row, what)
            : await replaceRow(client, row, etag, what),
      };
    },
  };
}

/** Reviews the team held, `r-<day>-<random>` in the `compacts` table. */
export function createTableCompactReviewStore(client: TableClient): CompactReviewStore {
  const rows = teamRows<CompactReview>(client, 'The review', {
    toRow: (ref, r) => ({
      partitionKey: teamPartition(ref),
      rowKey: r.id,
      ...r,
      participants: JSON.stringify(r.participants),
      adoptedVersions: JSON.stringify(r.adoptedVersions),
    }),
    fromRow: (row) => ({
      id: str(row, 'id'),
      heldOn: str(row, 'heldOn'),
      recordedBy: str(row, 'recordedBy'),
      recordedAt: str(row, 'recordedAt'),
      participants: json(row, 'participants', []),
      adoptedVersions: json(row, 'adoptedVersions', []),
      note: str(row, 'note'),
    }),
  });
  return {
    add: async (ref, review) => {
      if (!REVIEW_ID.test(review.id)) throw new Error(`not a review id: ${review.id}`);
      return (await rows.create(ref, review)).value;
    },
    list: async (ref) =>
      (await rows.range(ref, 'r-'))
        .map((r) => r.value)
        .sort(
          (a, b) => b.heldOn.localeCompare(a.heldOn) || b.recordedAt.localeCompare(a.recordedAt),
        ),
  };
}
