import { invalid } from '../errors';
import { adoptionRules, type AdoptionRule } from './proposal';

/** How a team runs its compact: who adopts proposals, and how often it is reviewed. */
export interface CompactSettings {
  adoptionRule: AdoptionRule;
  /** Months between reviews (3: every quarter). */
  reviewEveryMonths: number;
}

export const DEFAULT_COMPACT_SETTINGS: CompactSettings = {
  adoptionRule: 'owner',
  reviewEveryMonths: 3,
};

export function validateCompactSettings(s: {
  adoptionRule: string;
  reviewEveryMonths: number;
}): CompactSettings {
  if (!(adoptionRules as readonly string[]).includes(s.adoptionRule))
    throw invalid('Choose who adopts proposals: the owner, or a majority.', 'adoptionRule');
  if (!Number.isInteger(s.reviewEveryMonths) || s.reviewEveryMonths < 1 || s.reviewEveryMonths > 12)
    throw invalid('Review the compact every 1 to 12 months.', 'reviewEveryMonths');
  return { adoptionRule: s.adoptionRule as AdoptionRule, reviewEveryMonths: s.reviewEveryMonths };
}
