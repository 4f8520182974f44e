import { conflict, forbidden, invalid } from '../errors';
import type { Clause, CompactVersion } from './compact';
import { isOutdated, proposalActionsFor } from './policy';

export const proposalKinds = ['add', 'change', 'remove'] as const;
export type ProposalKind = (typeof proposalKinds)[number];
export type ProposalStatus = 'open' | 'adopted' | 'declined' | 'withdrawn';
export const stances = ['endorse', 'object'] as const;
export type StanceKind = (typeof stances)[number];

/** A member's view on a proposal, with what they said. */
export interface Stance {
  userId: string;
  stance: StanceKind;
  comment: string;
  at: string;
}

/** A change to the compact that a member put forward, and what the team made of it. */
export interface Proposal {
  id: string;
  kind: ProposalKind;
  /** The clause it adds (a new id), changes or removes. */
  clauseId: string;
  /** The clause's text as proposed ('' for a removal). */
  text: string;
  /** A response-time commitment the clause carries (hours), or null for none. */
  commitmentHours: number | null;
  /** The clause as it read when the proposal was made ('' for an addition): adopting checks it. */
  previousText: string;
  previousCommitmentHours: number | null;
  reason: string;
  proposedBy: string;
  proposedAt: string;
  /** The compact version it was made against. */
  baseVersion: number;
  status: ProposalStatus;
  stances: Stance[];
  decidedBy: string;
  decidedAt: string;
  /** Why it was declined or withdrawn, or the note of its adoption. */
  decisionNote: string;
  /** The version its adoption made, or 0. */
  adoptedVersion: number;
  /** Goes up with every change: an edit made on an older revision is a conflict. */
  revision: number;
}

/** A proposal id sorts latest first: `p-<inverted ms>-<6 hex>`. */
export const PROPOSAL_ID = /^p-\d{15}-[0-9a-f]{6}$/;
export const proposalIdFor = (at: Date, random: string) =>
  `p-${String(10 ** 15 - 1 - at.getTime()).padStart(15, '0')}-${random}`;

export const MAX_CLAUSE = 500;
export const MAX_REASON = 1000;
export const MAX_COMMENT = 500;
export const MAX_CLAUSES = 40;
/** A response commitment must be at least an hour and at most two weeks. */
export const MIN_RESPONSE_HOURS = 1;
export const MAX_RESPONSE_HOURS = 336;

export interface NewProposal {
  kind: string;
  clauseId: string;
  text: string;
  commitmentHours: number | null;
  reason: string;
}

/** Checks a proposal against the current compact and makes it. */
export function newProposal(
  input: NewProposal,
  current: CompactVersion,
  by: string,
  id: string,
  now: Date,
): Proposal {
  if (!(proposalKinds as readonly string[]).includes(input.kind))
    throw invalid('Propose to add, change or remove a clause.', 'kind');
  const kind = input.kind as ProposalKind;
  const reason = input.reason.trim();
  if (reason === '') throw invalid('Say why: the team decides on the reason.', 'reason');
  if (reason.length > MAX_REASON)
    throw invalid(`Keep the reason under ${MAX_REASON} characters.`, 'reason');
  const existing = current.clauses.find((c) => c.id === input.clauseId);
  if (kind !== 'add' && !existing)
    throw invalid('That clause is not in the current compact; reload and try again.', 'clauseId');
  if (kind === 'add' && current.clauses.length >= MAX_CLAUSES)
    throw invalid(`A compact holds at most ${MAX_CLAUSES} clauses; change or remove one.`, 'kind');

  const text = kind === 'remove' ? '' : checkClauseText(input.text);
  const hours = kind === 'remove' ? null : checkCommitment(input.commitmentHours);
  if (hours !== null) {
    const other = current.clauses.find(
      (c) => c.commitment?.kind === 'response_hours' && c.id !== existing?.id,
    );
    if (other)
      throw invalid(
        'The compact already states a response time in another clause; change that clause instead.',
        'commitmentHours',
      );
  }
  if (
    kind === 'change' &&
    existing &&
    existing.text === text &&
    (existing.commitment?.hours ?? null) === hours
  )
    throw invalid('The proposed text is the same as the current clause.', 'text');

  return {
    id,
    kind,
    clauseId: kind === 'add' ? `c-${id}` : input.clauseId,
    text,
    commitmentHours: hours,
    previousText: existing && kind !== 'add' ? existing.text : '',
    previousCommitmentHours: kind !== 'add' ? (existing?.commitment?.hours ?? null) : null,
    reason,
    proposedBy: by,
    proposedAt: now.toISOString(),
    baseVersion: current.version,
    status: 'open',
    // Whoever proposes it endorses it.
    stances: [{ userId: by, stance: 'endorse', comment: '', at: now.toISOString() }],
    decidedBy: '',
    decidedAt: '',
    decisionNote: '',
    adoptedVersion: 0,
    revision: 1,
  };
}

function checkClauseText(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') throw invalid('Write the clause: it cannot be empty.', 'text');
  if (text.length > MAX_CLAUSE)
    throw invalid(`Keep a clause under ${MAX_CLAUSE} characters.`, 'text');
  return text;
}

function checkCommitment(hours: number | null): number | null {
  if (hours === null) return null;
  if (!Number.isInteger(hours) || hours < MIN_RESPONSE_HOURS || hours > MAX_RESPONSE_HOURS)
    throw invalid(
      `A response time is a whole number of hours from ${MIN_RESPONSE_HOURS} to ${MAX_RESPONSE_HOURS} (two weeks).`,
      'commitmentHours',
    );
  return hours;
}

const changed = (p: Proposal, patch: Partial<Proposal>): Proposal => ({
  ...p,
  ...patch,
  revision: p.revision + 1,
});

const requireOpen = (p: Proposal) => {
  if (p.status !== 'open') throw conflict(`This proposal is already ${p.status}.`);
};

/** A member endorses or objects, with a comment; they may change their mind, not repeat it. */
export function takeStance(
  p: Proposal,
  userId: string,
  stance: string,
  comment: string,
  now: Date,
): Proposal {
  requireOpen(p);
  if (!(stances as readonly string[]).includes(stance))
    throw invalid('Endorse or object.', 'stance');
  const text = comment.trim();
  if (text.length > MAX_COMMENT)
    throw invalid(`Keep the comment under ${MAX_COMMENT} characters.`, 'comment');
  if (stance === 'object' && text === '')
    throw invalid('Say what you object to, so the proposer can answer it.', 'comment');
  // The role does not matter to a stance: anyone may endorse or object once.
  if (!proposalActionsFor(p, { userId, role: 'member' }, undefined)[stance as StanceKind])
    throw conflict(
      stance === 'endorse'
        ? 'You have already endorsed this proposal.'
        : 'You have already objected to this proposal.',
    );
  const next: Stance = {
    userId,
    stance: stance as StanceKind,
    comment: text,
    at: now.toISOString(),
  };
  return changed(p, { stances: [...p.stances.filter((s) => s.userId !== userId), next] });
}

/** The proposer takes it back. */
export function withdraw(p: Proposal, userId: string, reason: string, now: Date): Proposal {
  requireOpen(p);
  if (!proposalActionsFor(p, { userId, role: 'member' }, undefined).withdraw)
    throw forbidden('Only the person who proposed it can withdraw it.');
  return changed(p, {
    status: 'withdrawn',
    decidedBy: userId,
    decidedAt: now.toISOString(),
    decisionNote: reason.trim().slice(0, MAX_REASON),
  });
}

/** An owner declines it, saying why. */
export function decline(p: Proposal, userId: string, reason: string, now: Date): Proposal {
  requireOpen(p);
  const note = reason.trim();
  if (note === '') throw invalid('Say why it is declined, so the team knows.', 'reason');
  if (note.length > MAX_REASON)
    throw invalid(`Keep the reason under ${MAX_REASON} characters.`, 'reason');
  return changed(p, {
    status: 'declined',
    decidedBy: userId,
    decidedAt: now.toISOString(),
    decisionNote: note,
  });
}

export const adoptionRules = ['owner', 'majority'] as const;
export type AdoptionRule = (typeof adoptionRules)[number];

export const endorsements = (p: Proposal) => p.stances.filter((s) => s.stance === 'endorse');
export const objections = (p: Proposal) => p.stances.filter((s) => s.stance === 'object');

/**
 * Whether the team's rule adopts it without an owner: under "majority", more than half of the
 * members taking part have endorsed it (only theirs count) and more endorse than object.
 */
export function majorityReached(p: Proposal, takingPart: ReadonlySet<string>): boolean {
  const count = (list: Stance[]) => list.filter((s) => takingPart.has(s.userId)).length;
  const yes = count(endorsements(p));
  return takingPart.size > 0 && yes * 2 > takingPart.size && yes > count(objections(p));
}

/**
 * Adopts the proposal into the next version. Refused when the clause it changes or removes no
 * longer reads as it did when the proposal was made (another adoption changed it since).
 */
export function adopt(
  p: Proposal,
  current: CompactVersion,
  by: string,
  now: Date,
): { proposal: Proposal; version: CompactVersion } {
  requireOpen(p);
  const at = current.clauses.findIndex((c) => c.id === p.clauseId);
  if (p.kind === 'add' && at >= 0) throw conflict('This proposal was adopted meanwhile.');
  if (isOutdated(p, current))
    throw conflict(
      `The clause changed since this proposal was made (the compact is now version ${current.version}); propose it again against the current text.`,
    );
  if (p.commitmentHours !== null) {
    const other = current.clauses.find(
      (c) => c.commitment?.kind === 'response_hours' && c.id !== p.clauseId,
    );
    if (other)
      throw conflict(
        'Another clause states a response time since this proposal was made; propose it again.',
      );
  }
  const clause: Clause = {
    id: p.clauseId,
    text: p.text,
    ...(p.commitmentHours !== null
      ? { commitment: { kind: 'response_hours', hours: p.commitmentHours } }
      : {}),
  };
  const clauses =
    p.kind === 'add'
      ? [...current.clauses, clause]
      : p.kind === 'remove'
        ? current.clauses.filter((c) => c.id !== p.clauseId)
        : current.clauses.map((c) => (c.id === p.clauseId ? clause : c));
  const version: CompactVersion = {
    version: current.version + 1,
    clauses,
    adoptedAt: now.toISOString(),
    adoptedBy: by,
    note: p.reason,
  };
  return {
    version,
    proposal: changed(p, {
      status: 'adopted',
      decidedBy: by,
      decidedAt: now.toISOString(),
      adoptedVersion: version.version,
    }),
  };
}
