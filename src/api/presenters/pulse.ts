import type { PulseDto, PulsesDto } from '../contract';
import {
  DEFAULT_DAYS,
  DEFAULT_MIN_ANSWERS,
  FREE_TEXT_FLOOR,
  MAX_DAYS,
  MAX_PULSE_TEXT,
  MIN_ANSWERS_CEILING,
  MIN_ANSWERS_FLOOR,
  MIN_DAYS,
} from '../../core/pulse/pulse';
import { pulseActionsFor } from '../../core/pulse/policy';
import type { PulseEntry, PulsesView } from '../../services/pulse/pulses';

/**
 * A pulse as the tab shows it: never its key, its raw tally, or anything about who answered.
 * With `mayRun` (whether the caller may start and close pulses) it says what they may do.
 */
export const presentPulse = (
  { pulse, answeredByMe, results }: PulseEntry,
  mayRun?: boolean,
): PulseDto => ({
  id: pulse.id,
  status: pulse.status,
  startedByRole: pulse.startedByRole,
  startedAt: pulse.startedAt,
  closesAt: pulse.closesAt,
  closedAt: pulse.closedAt || null,
  minAnswers: pulse.minAnswers,
  freeTextMin: pulse.freeTextMin,
  items: pulse.items.map(({ id, kind, text }) => ({ id, kind, text })),
  answeredByMe,
  results,
  ...(mayRun === undefined
    ? {}
    : { can: pulseActionsFor(pulse, { mayRun, answered: answeredByMe }) }),
});

export const presentPulses = (view: PulsesView): PulsesDto => ({
  pulses: view.pulses.map((entry) => presentPulse(entry, view.canRun)),
  canRun: view.canRun,
  limits: {
    days: { min: MIN_DAYS, max: MAX_DAYS, default: DEFAULT_DAYS },
    minAnswers: { min: MIN_ANSWERS_FLOOR, max: MIN_ANSWERS_CEILING, default: DEFAULT_MIN_ANSWERS },
    freeTextMin: FREE_TEXT_FLOOR,
    maxText: MAX_PULSE_TEXT,
  },
});
