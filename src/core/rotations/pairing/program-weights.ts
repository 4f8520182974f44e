import type { PairingWeights } from './pairing';

// Spelled out rather than imported from program.ts, so the engine's defaults stand on their own.
type WeightedProgram = 'skill_share' | 'cross_check' | 'blocker_buddy';

/**
 * What each program values (docs/pairing.md explains the numbers). Skill share is led by
 * reciprocity; cross-check partners want novelty only; blocker buddies lean lightly towards other
 * departments and rotate.
 */
export const DEFAULT_WEIGHTS: Record<WeightedProgram, PairingWeights> = {
  skill_share: {
    reciprocity: 1,
    oneWay: 0.3,
    crossDepartment: 0.15,
    repeatPenalty: 1.5,
    halfLifeRounds: 3,
  },
  cross_check: {
    reciprocity: 0,
    oneWay: 0,
    crossDepartment: 0,
    repeatPenalty: 2,
    halfLifeRounds: 8,
  },
  blocker_buddy: {
    reciprocity: 0,
    oneWay: 0,
    crossDepartment: 0.2,
    repeatPenalty: 1,
    halfLifeRounds: 4,
  },
};
