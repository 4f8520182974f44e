import {
  MAJORITY_ADOPTER,
  responseHours,
  TEMPLATE_ADOPTER,
  type CompactVersion,
} from '../../core/compact/compact';
import { isOutdated, proposalActionsFor } from '../../core/compact/policy';
import { endorsements, objections, type Proposal } from '../../core/compact/proposal';
import type { CompactReview } from '../../core/compact/review';
import type { Member } from '../../core/team/member';
import { teamActionsFor } from '../../core/team/policy';
import type { CompactView } from '../../services/compact/compact-view';
import type { CurrentCompact } from '../../services/compact/get-compact';
import type { CompactDto, CompactOverviewDto, CompactReviewDto, ProposalDto } from '../contract';
import { FORMER_NAME, MAJORITY_NAME, personRef } from './shared';

export function presentCompact(current: CurrentCompact | undefined): CompactDto | null {
  if (!current) return null;
  const { version, adoptedByName } = current;
  return {
    version: version.version,
    adoptedAt: version.adoptedAt,
    adoptedBy:
      version.adoptedBy === TEMPLATE_ADOPTER
        ? null
        : version.adoptedBy === MAJORITY_ADOPTER
          ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
          : { id: version.adoptedBy, name: adoptedByName ?? FORMER_NAME },
    note: version.note,
    responseHours: responseHours(version),
    clauses: version.clauses,
  };
}

/** One version, with its adopter's name ("majority" and the template have none). */
export const presentVersion = (
  version: CompactVersion,
  people: ReadonlyMap<string, Member>,
): CompactDto =>
  presentCompact({
    version,
    adoptedByName: people.get(version.adoptedBy)?.name || undefined,
  })!;

const adopterOf = (v: CompactVersion, people: ReadonlyMap<string, Member>) =>
  v.adoptedBy === TEMPLATE_ADOPTER
    ? null
    : v.adoptedBy === MAJORITY_ADOPTER
      ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
      : personRef(people, v.adoptedBy);

export function presentProposal(p: Proposal, view: CompactView): ProposalDto {
  const { me, people, current } = view;
  const mine = p.stances.find((s) => s.userId === me.userId)?.stance ?? null;
  const outdated = isOutdated(p, current);
  return {
    id: p.id,
    kind: p.kind,
    clauseId: p.clauseId,
    text: p.text,
    commitmentHours: p.commitmentHours,
    previousText: p.previousText,
    previousCommitmentHours: p.previousCommitmentHours,
    reason: p.reason,
    proposedBy: personRef(people, p.proposedBy),
    proposedAt: p.proposedAt,
    baseVersion: p.baseVersion,
    status: p.status,
    stances: p.stances.map((s) => ({
      person: personRef(people, s.userId),
      stance: s.stance,
      comment: s.comment,
      at: s.at,
    })),
    endorsements: endorsements(p).length,
    objections: objections(p).length,
    decidedBy: p.decidedBy
      ? p.decidedBy === MAJORITY_ADOPTER
        ? { id: MAJORITY_ADOPTER, name: MAJORITY_NAME }
        : personRef(people, p.decidedBy)
      : null,
    decidedAt: p.decidedAt || null,
    decisionNote: p.decisionNote,
    adoptedVersion: p.adoptedVersion || null,
    outdated,
    myStance: mine,
    can: proposalActionsFor(p, me, current),
    revision: p.revision,
  };
}

export function presentCompactOverview(view: CompactView): CompactOverviewDto {
  const { current, people, members, me } = view;
  const acked = new Set(view.acknowledgements.map((a) => a.userId));
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  const open = view.proposals.filter((p) => p.status === 'open');
  const decided = view.proposals.filter((p) => p.status !== 'open');
  return {
    current: current ? presentVersion(current, people) : null,
    acknowledged: view.acknowledgements
      .map((a) => ({ person: personRef(people, a.userId), at: a.at }))
      .sort((a, b) => byName(a.person, b.person)),
    notAcknowledged: members
      .filter((m) => !acked.has(m.userId))
      .map((m) => ({ id: m.userId, name: m.name }))
      .sort(byName),
    me: { id: me.userId, name: me.name },
    myAcknowledgedAt: view.acknowledgements.find((a) => a.userId === me.userId)?.at ?? null,
    proposals: [...open, ...decided].map((p) => presentProposal(p, view)),
    versions: view.versions.map((v) => ({
      version: v.version,
      adoptedAt: v.adoptedAt,
      adoptedBy: adopterOf(v, people),
      note: v.note,
      clauseCount: v.clauses.length,
    })),
    settings: view.settings,
    majority: {
      takingPart: view.takingPart.size,
      needed: Math.floor(view.takingPart.size / 2) + 1,
    },
    reviews: view.reviews.map((r) => presentReview(r, people)),
    reviewOverdue: view.reviewOverdue,
    members: members.map((m) => ({ id: m.userId, name: m.name })).sort(byName),
    can: {
      propose: true,
      recordReview: view.canRecordReview,
      editSettings: teamActionsFor(me).editSettings,
    },
  };
}

export const presentReview = (
  r: CompactReview,
  people: ReadonlyMap<string, Member>,
): CompactReviewDto => ({
  id: r.id,
  heldOn: r.heldOn,
  recordedBy: personRef(people, r.recordedBy),
  recordedAt: r.recordedAt,
  participants: r.participants.map((id) => personRef(people, id)),
  adoptedVersions: r.adoptedVersions,
  note: r.note,
});
