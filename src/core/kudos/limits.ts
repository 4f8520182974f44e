import { invalid } from '../errors';
import type { Kudos } from './kudos';

/**
 * Kudos are 1:1 messages, sent from the tenant's budget with Teams: how many one member may send
 * and one member may receive over a window. Counted from the kudos stored, so every instance
 * agrees; a kudos to three people counts three for its giver and one for each of them.
 */
export const KUDOS_LIMITS = {
  /** People one member thanks (each a message), per window. */
  perGiver: 30,
  /** Kudos one member receives from everyone, per window. */
  perRecipient: 10,
  windowMs: 60 * 60 * 1000,
} as const;

const inWindow = (kudos: readonly Kudos[], now: Date) => {
  const since = new Date(now.getTime() - KUDOS_LIMITS.windowMs).toISOString();
  return kudos.filter((k) => k.createdAt > since && k.createdAt <= now.toISOString());
};

/** Minutes until the oldest of `counted` leaves the window, at least 1. */
function minutesUntilRoom(counted: readonly Kudos[], now: Date): number {
  const oldest = counted.reduce((min, k) => (k.createdAt < min ? k.createdAt : min), '\uffff');
  const freeAt = new Date(oldest).getTime() + KUDOS_LIMITS.windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000));
}

const inMinutes = (n: number) => (n === 1 ? 'in a minute' : `in ${n} minutes`);

/**
 * Refuses a kudos that would take its giver or a recipient past the limit, saying which and when
 * there is room again. `given` is what the giver gave lately, `received` what each chosen
 * recipient received lately (latest first, at least the limit's worth).
 */
export function checkKudosLimits(
  input: {
    toIds: readonly string[];
    given: readonly Kudos[];
    received: readonly { userId: string; name: string; kudos: readonly Kudos[] }[];
  },
  now: Date,
): void {
  const given = inWindow(input.given, now);
  const thanked = given.reduce((sum, k) => sum + k.toIds.length, 0);
  if (thanked + input.toIds.length > KUDOS_LIMITS.perGiver) {
    const room = Math.max(0, KUDOS_LIMITS.perGiver - thanked);
    throw invalid(
      `You have thanked ${thanked} people in the last hour, and Mutual sends at most ` +
        `${KUDOS_LIMITS.perGiver} kudos messages an hour from one person. ` +
        (room > 0
          ? `Choose at most ${room} ${room === 1 ? 'person' : 'people'} now, or try again ${inMinutes(minutesUntilRoom(given, now))}.`
          : `Try again ${inMinutes(minutesUntilRoom(given, now))}.`),
      'toIds',
    );
  }
  for (const recipient of input.received) {
    const received = inWindow(recipient.kudos, now);
    if (received.length + 1 > KUDOS_LIMITS.perRecipient)
      throw invalid(
        `${recipient.name} has received ${received.length} kudos in the last hour, the most ` +
          `Mutual sends one person. Thank them again ${inMinutes(minutesUntilRoom(received, now))}.`,
        'toIds',
      );
  }
}
