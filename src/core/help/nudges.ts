import { inQuietHours, type Boundaries } from '../team/boundaries';
import type { HelpRequest } from './help-request';

export type NudgeKind = 'buddy' | 'channel' | 'escalate';

/**
 * The compact's clock for one request: the buddy at half time, the channel at three quarters
 * (before the due time), an escalation when it passes.
 */
export function nudgePlan(r: Pick<HelpRequest, 'createdAt' | 'dueAt'>) {
  const start = Date.parse(r.createdAt);
  const span = Date.parse(r.dueAt) - start;
  return [
    { kind: 'buddy' as NudgeKind, at: new Date(start + span / 2) },
    { kind: 'channel' as NudgeKind, at: new Date(start + (span * 3) / 4) },
    { kind: 'escalate' as NudgeKind, at: new Date(start + span) },
  ];
}

const STEP_MS = 15 * 60_000;

/**
 * The first moment at or after `at` outside the person's quiet hours (stepping a quarter hour at
 * a time, at most a day), so a nudge waits for them rather than waking them.
 */
export function firstAwakeMoment(b: Boundaries, at: Date): Date {
  let t = at.getTime();
  const limit = t + 24 * 3_600_000;
  while (inQuietHours(b, new Date(t)) && t < limit) t += STEP_MS;
  return new Date(t);
}

/** Whether a helper has room this week: fewer requests taken than the availability they set. */
export const hasCapacity = (b: Pick<Boundaries, 'availabilityPerWeek'>, takenThisWeek: number) =>
  takenThisWeek < b.availabilityPerWeek;
