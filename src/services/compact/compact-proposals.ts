import { randomBytes } from 'node:crypto';
import { conflict, forbidden, isDomainError, notFound } from '../../core/errors';
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
} from '../../core/compact/proposal';
import { MAJORITY_ADOPTER } from '../../core/compact/compact';
import { DEFAULT_ADOPTION_RULE } from '../../core/compact/settings';
import { isTakingPart } from '../../core/team/boundaries';
import type { Actor, TeamRef } from '../../core/team/team';
import type { Ports, Versioned } from '../../core/ports';
import type { SendingPorts } from '../notify/enqueue-notifications';
import { askToAcknowledge } from './compact-acknowledgements';
import { requireMember, requireOwner } from '../shared/team-access';

export type ProposalPorts = Pick<
  Ports,
  'teams' | 'members' | 'compacts' | 'proposals' | 'compactSettings'
> &
  SendingPorts;

export async function currentOf(ref: TeamRef, ports: Pick<Ports, 'compacts'>) {
  const current = await ports.compacts.current(ref);
  if (!current) throw notFound('This team has no compact yet.');
  return current;
}

const ruleOf = async (ref: TeamRef, ports: Pick<Ports, 'compactSettings'>) =>
  (await ports.compactSettings.get(ref))?.value.adoptionRule ?? DEFAULT_ADOPTION_RULE;

/** Any member proposes a change; under the majority rule a team of one adopts it at once. */
export async function proposeChange(
  actor: Actor,
  teamId: string,
  input: NewProposal,
  ports: ProposalPorts,
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
  const next = change(found.value);
  try {
    return await ports.proposals.update(ref, next, found.etag);
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
  ports: ProposalPorts,
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
  ports: ProposalPorts,
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
  ports: ProposalPorts,
): Promise<Proposal> {
  const { ref, me } = await requireMember(actor, teamId, ports);
  if (me.value.role !== 'owner') {
    throw forbidden(
      (await ruleOf(ref, ports)) === 'owner'
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
  ports: ProposalPorts,
): Promise<Proposal> {
  if (saved.value.status !== 'open') return saved.value;
  if ((await ruleOf(ref, ports)) !== 'majority') return saved.value;
  const now = ports.clock.now();
  const members = await ports.members.list(ref);
  const takingPart = new Set(
    members.filter((m) => m.value.active && isTakingPart(m.value, now)).map((m) => m.value.userId),
  );
  if (!majorityReached(saved.value, takingPart)) return saved.value;
  return adoptNow(ref, saved, MAJORITY_ADOPTER, ports);
}

/**
 * Writes the next version (insert if absent: two adoptions at once cannot both take a number;
 * the second is re-applied on top of the first), marks the proposal adopted, and asks every
 * member to acknowledge the new version.
 */
async function adoptNow(
  ref: TeamRef,
  proposal: Versioned<Proposal>,
  by: string,
  ports: ProposalPorts,
): Promise<Proposal> {
  const now = ports.clock.now();
  for (let attempt = 1; ; attempt++) {
    const current = await currentOf(ref, ports);
    const result = adopt(proposal.value, current, by, now);
    try {
      await ports.compacts.add(ref, result.version);
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict' || attempt >= 4) throw error;
      // Another adoption took that number: unless it was this proposal's, apply it on top.
      const again = await ports.proposals.get(ref, proposal.value.id);
      if (again && again.value.status !== 'open')
        throw conflict(`This proposal is already ${again.value.status}.`);
      continue;
    }
    const adopted = await recordAdoption(ref, proposal, result.proposal, ports);
    await askToAcknowledge(ref, result.version, current, ports);
    return adopted;
  }
}

async function recordAdoption(
  ref: TeamRef,
  proposal: Versioned<Proposal>,
  adopted: Proposal,
  ports: Pick<Ports, 'proposals'>,
): Promise<Proposal> {
  try {
    return (await ports.proposals.update(ref, adopted, proposal.etag)).value;
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'conflict') throw error;
    // A stance arrived meanwhile: the version stands; record the adoption on what is there now.
    const again = await ports.proposals.get(ref, proposal.value.id);
    if (!again) throw error;
    const next = { ...again.value, ...pickDecision(adopted), revision: again.value.revision + 1 };
    return (await ports.proposals.update(ref, next, again.etag)).value;
  }
}

const pickDecision = (p: Proposal) => ({
  status: p.status,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt,
  adoptedVersion: p.adoptedVersion,
});
