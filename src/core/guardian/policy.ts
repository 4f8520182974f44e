import type { GuardianTerm } from './guardian';

/**
 * Owners, and the Culture Guardian while their term runs: who records a compact review and who
 * reads the team's Insights. `latestTerm` is the team's most recent term.
 */
export function isOwnerOrGuardian(
  member: { userId: string; role: string },
  latestTerm: Pick<GuardianTerm, 'userId' | 'until'> | undefined,
  now: Date,
): boolean {
  if (member.role === 'owner') return true;
  return latestTerm?.userId === member.userId && latestTerm.until > now.toISOString();
}
