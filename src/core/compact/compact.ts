/** A measurable promise a clause can carry; the help flow reads it to set due times. */
export interface ResponseCommitment {
  kind: 'response_hours';
  hours: number;
}

export interface Clause {
  /** Stable across versions, so a diff can tell a changed clause from a new one. */
  id: string;
  text: string;
  commitment?: ResponseCommitment;
}

/** One adopted version of the team's Support Compact. Versions are never edited, only added. */
export interface CompactVersion {
  version: number;
  clauses: Clause[];
  adoptedAt: string;
  /** The adopting member's user id, or `template` for the starting version. */
  adoptedBy: string;
  note: string;
}

export const TEMPLATE_ADOPTER = 'template';
/** `adoptedBy` of a version the team's majority rule adopted. */
export const MAJORITY_ADOPTER = 'majority';
export const DEFAULT_RESPONSE_HOURS = 4;

/** The response commitment in force: the first clause that states one, else the team default. */
export function responseHours(version: CompactVersion | undefined): number {
  const clause = version?.clauses.find((c) => c.commitment?.kind === 'response_hours');
  return clause?.commitment?.hours ?? DEFAULT_RESPONSE_HOURS;
}

/** A member's "I commit to this", for one version. */
export interface Acknowledgement {
  version: number;
  userId: string;
  at: string;
}
