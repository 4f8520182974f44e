import type { CompactPorts } from './compact/ports';
import type { GuardianStore } from './guardian/ports';
import type { HelpRequestStore } from './help/ports';
import type { InsightStore } from './insights/ports';
import type { KudosStore } from './kudos/ports';
import type { NotifyPorts } from './notify/ports';
import type { PulseStore } from './pulse/ports';
import type { RotationPorts } from './rotations/ports';
import type { ScheduleStore } from './schedule/ports';
import type { TeamPorts } from './team/ports';

// Each feature's ports live in core/<feature>/ports.ts; this is their aggregate, and the one
// import path for code that wants several.
export type * from './compact/ports';
export type * from './guardian/ports';
export type * from './help/ports';
export type * from './insights/ports';
export type * from './kudos/ports';
export type * from './notify/message-person';
export type * from './notify/ports';
export type * from './pulse/ports';
export type * from './rotations/ports';
export type * from './schedule/ports';
export type * from './team/ports';
export type * from './versioned';

export interface Clock {
  now(): Date;
}

/** Everything the services may use; each service narrows it with `Pick`. */
export interface Ports extends TeamPorts, CompactPorts, RotationPorts, NotifyPorts {
  clock: Clock;
  schedule: ScheduleStore;
  guardians: GuardianStore;
  help: HelpRequestStore;
  kudos: KudosStore;
  pulses: PulseStore;
  insights: InsightStore;
}
