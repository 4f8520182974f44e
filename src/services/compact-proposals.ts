import { randomBytes } from 'node:crypto';
import { conflict, forbidden, isDomainError, notFound } from '../core/errors';
import type { Acknowledgement, CompactVersion } from '../core/compact/compact';
import { diffVersions, type ClauseDiff } from '../core/compact/diff';
import {
  adopt,
  decline,
  majorityReached,
  newProposal,
  proposalIdFor,
  takeStance,
  withdraw,
  type NewProposal,
  type Proposal,
} from '../core/compact/proposal';
import {
  DEFAULT_COMPACT_SETTINGS,
  validateCompactSettings,
  type CompactSettings,
} from '../core/compact/settings';
import { isTakingPart } from '../core/team/boundaries';
import type { Member } from '../core/team/member';
import type { Actor, TeamRef } from '../core/team/team';
import type { Ports, Versioned } from '../core/ports';
import { requireMember, requireOwner } from './team-access';

export type CompactPorts = Pick<
  Ports,
  'teams' | 'members' | 'compacts' | 'proposals' | 'acknowledgements' | 'compactSettings' | 'clock'
>;

/** Everything the Compact page shows. */
export interface CompactView {
  current: CompactVersion | undefined;
  settings: CompactSettings;
  /** Who acknowledged the current version. */
  acknowledgements: Acknowledgement[];
  proposals: Proposal[];
  /** Every version, latest first (clauses included: a compact is small). */
  versions: CompactVersion[];
  people: ReadonlyMap<string, Member>;
}

const VERSIONS = 200;

export async function getCompactView(
  actor: Actor,
  teamId: string,
  ports: CompactPorts,
): Promise<CompactView> {
  const { ref } = await requireMember(actor, teamId, ports);
  return viewOf(ref, ports);
}

async function viewOf(ref: TeamRef, ports: CompactPorts): Promise<CompactView> {
  const [versions, proposals, settings, members] = await Promise.all([
    ports.compacts.list(ref, VERSIONS),
    ports.proposals.list(ref),
    ports.compactSettings.get(ref),
    ports.members.list(ref),
  ]);
  const current = versions[0];
  const acknowledgements = current
    ? await ports.acknowledgements.forVersion(ref, current.version)
    : [];
  return {
    current,
    settings: settings?.value ?? DEFAULT_COMPACT_SETTINGS,
    acknowledgements,
    proposals: proposals.map((p) => p.value),
    versions,
    people: new Map(members.map((m) => [m.value.userId, m.value])),
  };
}

async function currentOf(ref: TeamRef, ports: Pick<Ports, 'compacts'>) {
  const current = await ports.compacts.current(ref);
  if (!current) throw notFound('This team has no compact yet.');
  return current;
}

/** Any member proposes a change; under the majority rule a team of one adopts it at once. */
export async function proposeChange(
  actor: Actor,
  teamId: string,
  input: NewProposal,
  ports: CompactPorts,
): Promise<Proposal> {
  const { ref } = await requireMember(actor, teamId, ports);
  const now = ports.clock.now();
  const current = await currentOf(ref, ports);
  const id = proposalIdFor(now, randomBytes(3).toString('hex'));
  const created = await ports.proposals.create(
    ref,
    newProposal(input, current, actor.userId, id, now),
  );
  return adoptIfMajority(ref, created, ports);
}

/**
 * Changes one proposal with its ETag, after checking the caller's `revision` (what they saw):
 * of two edits made on the same revision one is stored, the other is told it changed.
 */
async function changeProposal(
  ref: TeamRef,
  id: string,
  revision: number | undefined,
  change: (p: Proposal) => Proposal,
  ports: Pick<Ports, 'proposals'>,
): Promise<Versioned<Proposal>> {
  const found = await ports.proposals.get(ref, id);
  if (!found) throw notFound('That proposal does not exist.');
  if (revision !== undefined && revision !== found.value.revision)
    throw conflict('This proposal changed since you loaded it; reload it and try again.');
  try {
    return await ports.proposals.update(ref, change(found.value), found.etag);
  } catch (error) {
    if (isDomainError(error) && error.code === 'conflict')
      throw conflict('This proposal changed at the same moment; reload it and try again.');
    throw error;
  }
}

export async function takeStanceOn(
  actor: Actor,
  teamId: string,
  id: string,
  input: { stance: string; comment: string; revision?: number },
  ports: CompactPorts,
): Promise<Proposal> {
  const { ref } = await requireMember(actor, teamId, ports);
  const now = ports.clock.now();
  const saved = await changeProposal(
    ref,
    id,
    input.revision,
    (p) => takeStance(p, actor.userId, input.stance, input.comment, now),
    ports,
  );
  return adoptIfMajority(ref, saved, ports);
}

/** The proposer withdraws it, or an owner declines it (with a reason). */
export async function closeProposal(
  actor: Actor,
  teamId: string,
  id: string,
  how: 'withdraw' | 'decline',
  input: { reason: string; revision?: number },
  ports: CompactPorts,
): Promise<Proposal> {
  const access = how === 'decline' ? requireOwner : requireMember;
  const { ref } = await access(actor, teamId, ports);
  const now = ports.clock.now();
  const close = how === 'decline' ? decline : withdraw;
  const saved = await changeProposal(
    ref,
    id,
    input.revision,
    (p) => close(p, actor.userId, input.reason, now),
    ports,
  );
  return saved.value;
}

/** An owner adopts a proposal (under either rule). */
export async function adoptProposal(
  actor: Actor,
  teamId: string,
  id: string,
  input: { revision?: number },
  ports: CompactPorts,
): Promise<Proposal> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  if (me.value.role !== 'owner') {
    const settings = (await ports.compactSettings.get(ref))?.value ?? DEFAULT_COMPACT_SETTINGS;
    throw forbidden(
      settings.adoptionRule === 'owner'
        ? 'Only a team owner adopts proposals in this team.'
        : 'Proposals are adopted when a majority endorses them; endorse it instead.',
    );
  }
  const found = await ports.proposals.get(ref, id);
  if (!found) throw notFound('That proposal does not exist.');
  if (input.revision !== undefined && input.revision !== found.value.revision)
    throw conflict('This proposal changed since you loaded it; reload it and try again.');
  return adoptNow(ref, found, actor.userId, ports);
}

async function adoptIfMajority(
  ref: TeamRef,
  saved: Versioned<Proposal>,
  ports: CompactPorts,
): Promise<Proposal> {
  if (saved.value.status !== 'open') return saved.value;
  const settings = (await ports.compactSettings.get(ref))?.value ?? DEFAULT_COMPACT_SETTINGS;
  if (settings.adoptionRule !== 'majority') return saved.value;
  const now = ports.clock.now();
  const members = await ports.members.list(ref);
  const takingPart = new Set(
    members.filter((m) => m.value.active && isTakingPart(m.value, now)).map((m) => m.value.userId),
  );
  if (!majorityReached(saved.value, takingPart)) return saved.value;
  return adoptNow(ref, saved, 'majority', ports);
}

/**
 * Writes the next version (insert if absent: two adoptions at once cannot both take a number;
 * the second is re-applied on top of the first), then marks the proposal adopted.
 */
async function adoptNow(
  ref: TeamRef,
  proposal: Versioned<Proposal>,
  by: string,
  ports: Pick<Ports, 'compacts' | 'proposals' | 'clock'>,
): Promise<Proposal> {
  const now = ports.clock.now();
  for (let attempt = 1; ; attempt++) {
    const current = await currentOf(ref, ports);
    const result = adopt(proposal.value, current, by, now);
    try {
      await ports.compacts.add(ref, result.version);
    } catch (error) {
      if (isDomainError(error) && error.code === 'conflict' && attempt < 4) continue;
      throw error;
    }
    try {
      return (await ports.proposals.update(ref, result.proposal, proposal.etag)).value;
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      // A stance arrived meanwhile: the version stands; record the adoption on what is there now.
      const again = await ports.proposals.get(ref, proposal.value.id);
      if (!again) throw error;
      const adopted = {
        ...again.value,
        ...pickDecision(result.proposal),
        revision: again.value.revision + 1,
      };
      return (await ports.proposals.update(ref, adopted, again.etag)).value;
    }
  }
}

const pickDecision = (p: Proposal) => ({
  status: p.status,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt,
  adoptedVersion: p.adoptedVersion,
});

/** "I commit to this": a member acknowledges the current version (once; again is a no-op). */
export async function acknowledgeCompact(
  actor: Actor,
  teamId: string,
  version: number,
  ports: CompactPorts,
): Promise<Acknowledgement> {
  const { ref } = await requireMember(actor, teamId, ports);
  const current = await currentOf(ref, ports);
  if (version !== current.version)
    throw conflict(
      `The compact is now version ${current.version}; read it and acknowledge that version.`,
    );
  const ack = { version, userId: actor.userId, at: ports.clock.now().toISOString() };
  await ports.acknowledgements.add(ref, ack);
  return ack;
}

/** The clause and word diff between two adopted versions. */
export async function diffCompact(
  actor: Actor,
  teamId: string,
  from: number,
  to: number,
  ports: CompactPorts,
): Promise<{ from: CompactVersion; to: CompactVersion; changes: ClauseDiff[] }> {
  const { ref } = await requireMember(actor, teamId, ports);
  const versions = await ports.compacts.list(ref, VERSIONS);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) throw notFound('One of those versions does not exist.');
  return { from: a, to: b, changes: diffVersions(a, b) };
}

export async function saveCompactSettings(
  actor: Actor,
  teamId: string,
  change: { adoptionRule: string; reviewEveryMonths: number },
  ports: CompactPorts,
): Promise<CompactSettings> {
  const { ref } = await requireOwner(actor, teamId, ports);
  const valid = validateCompactSettings(change);
  for (let attempt = 1; ; attempt++) {
    const existing = await ports.compactSettings.get(ref);
    try {
      return (await ports.compactSettings.save(ref, valid, existing?.etag)).value;
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= 3) throw error;
    }
  }
}
