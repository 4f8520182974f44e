import type { Clause, CompactVersion } from './compact';
import { DEFAULT_RESPONSE_HOURS, TEMPLATE_ADOPTER } from './compact';

/**
 * The starting compact every new team gets. The clauses follow the practices in the seed articles
 * (positive intent, a stated response time, specific and kind feedback, asking as a strength,
 * boundaries without stigma); the team rewrites them through proposals.
 */
export function templateClauses(): Clause[] {
  return [
    { id: 'positive-intent', text: 'We assume positive intent, in questions and in answers.' },
    {
      id: 'response-time',
      text: `We respond to help requests within ${DEFAULT_RESPONSE_HOURS} working hours, even if only to say who can help.`,
      commitment: { kind: 'response_hours', hours: DEFAULT_RESPONSE_HOURS },
    },
    {
      id: 'ask-early',
      text: 'Asking for help is a strength: we flag a blocker early instead of struggling alone.',
    },
    {
      id: 'feedback',
      text: 'Our feedback is timely, specific and kind, about the work and its impact, never the person.',
    },
    {
      id: 'share-credit',
      text: 'We name the people who helped us, so help is visible and credit is shared.',
    },
    {
      id: 'boundaries',
      text: 'We respect boundaries: anyone can pause or opt out without explaining, and without stigma.',
    },
    {
      id: 'review',
      text: 'We revisit this compact every quarter and change it together.',
    },
  ];
}

export function templateVersion(adoptedAt: string): CompactVersion {
  return {
    version: 1,
    clauses: templateClauses(),
    adoptedAt,
    adoptedBy: TEMPLATE_ADOPTER,
    note: 'Started from the Mutual template.',
  };
}
