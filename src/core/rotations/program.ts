import { invalid } from '../errors';
import { isValidTimeZone, nextWeeklySlot } from '../schedule/zoned-time';

export const programKinds = ['skill_share', 'cross_check', 'blocker_buddy'] as const;
export type ProgramKind = (typeof programKinds)[number];

export const cadences = ['weekly', 'every_2_weeks', 'every_4_weeks', 'each_sprint'] as const;
export type Cadence = (typeof cadences)[number];

/** A team's recurring pairing: one engine, and a program only changes weights, cadence and group size. */
export interface Program {
  kind: ProgramKind;
  enabled: boolean;
  cadence: Cadence;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  timeZone: string;
  groupSize: 2 | 3;
  /** Rounds wait as drafts for the owner to review and publish. */
  preview: boolean;
  /** Sprint length, for the `each_sprint` cadence. */
  sprintWeeks: number;
  /** When the next round is due (ISO); '' while the program is off. */
  nextRunAt: string;
  /** When the last round was made (ISO), so the cadence counts from it. */
  lastRunAt: string;
  updatedAt: string;
  updatedBy: string;
}

export const programLabels: Record<ProgramKind, string> = {
  skill_share: 'Skill share',
  cross_check: 'Cross-check partners',
  blocker_buddy: 'Blocker buddies',
};

/** What a program is before an owner sets it up, drawn from PRODUCT.md's defaults. */
export function defaultProgram(kind: ProgramKind): Program {
  const cadence: Cadence =
    kind === 'skill_share' ? 'every_4_weeks' : kind === 'cross_check' ? 'each_sprint' : 'weekly';
  return {
    kind,
    enabled: false,
    cadence,
    weekday: 1,
    hour: 9,
    timeZone: 'UTC',
    groupSize: 2,
    preview: true,
    sprintWeeks: 2,
    nextRunAt: '',
    lastRunAt: '',
    updatedAt: '',
    updatedBy: '',
  };
}

export const intervalWeeks = (p: Pick<Program, 'cadence' | 'sprintWeeks'>) =>
  p.cadence === 'weekly'
    ? 1
    : p.cadence === 'every_2_weeks'
      ? 2
      : p.cadence === 'every_4_weeks'
        ? 4
        : p.sprintWeeks;

export type ProgramSettings = Pick<
  Program,
  'enabled' | 'cadence' | 'weekday' | 'hour' | 'timeZone' | 'groupSize' | 'preview' | 'sprintWeeks'
>;

/** Checks settings an owner entered; the error names the field to fix. */
export function validateProgramSettings(s: ProgramSettings): ProgramSettings {
  if (!(cadences as readonly string[]).includes(s.cadence))
    throw invalid('Choose weekly, every 2 weeks, every 4 weeks or each sprint.', 'cadence');
  if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
    throw invalid('Choose a weekday.', 'weekday');
  if (!Number.isInteger(s.hour) || s.hour < 0 || s.hour > 23)
    throw invalid('Choose an hour from 0 to 23.', 'hour');
  if (!isValidTimeZone(s.timeZone))
    throw invalid(
      `"${s.timeZone}" is not a time zone; choose one such as Europe/Lisbon.`,
      'timeZone',
    );
  if (s.groupSize !== 2 && s.groupSize !== 3)
    throw invalid('Groups are pairs (2) or threes (3).', 'groupSize');
  if (!Number.isInteger(s.sprintWeeks) || s.sprintWeeks < 1 || s.sprintWeeks > 4)
    throw invalid('A sprint is 1 to 4 weeks.', 'sprintWeeks');
  return s;
}

/**
 * When the next round falls due: the first chosen weekday and hour after the cadence has run its
 * course since the last round (a day of slack, so a round made late does not push the next one a
 * whole period out), or the first such slot from now for a program that never ran.
 */
export function nextRunAfter(p: Program, now: Date): Date {
  const last = p.lastRunAt ? Date.parse(p.lastRunAt) : Number.NaN;
  const earliest = Number.isNaN(last)
    ? now.getTime()
    : Math.max(now.getTime(), last + (intervalWeeks(p) * 7 - 1) * 86_400_000);
  return nextWeeklySlot(new Date(earliest), p.weekday, p.hour, p.timeZone);
}
