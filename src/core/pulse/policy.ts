import type { Pulse } from './pulse';

/** What a viewer may do with a pulse: the buttons the Pulse page shows. */
export interface PulseActions {
  answer: boolean;
  close: boolean;
}

/**
 * An open pulse is answered once by each member, and closed early by whoever may run pulses (an
 * owner or the Culture Guardian). `answered` is null once the pulse closed (nobody is asked).
 */
export function pulseActionsFor(
  pulse: Pick<Pulse, 'status'>,
  viewer: { mayRun: boolean; answered: boolean | null },
): PulseActions {
  const open = pulse.status === 'open';
  return { answer: open && viewer.answered === false, close: open && viewer.mayRun };
}
