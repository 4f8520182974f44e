import type { ProgramDto, ProgramKind } from '../../../api/contract';

/** The three programs, in the order the tab lists them. */
export const programKinds: readonly ProgramKind[] = ['skill_share', 'cross_check', 'blocker_buddy'];

export const programLabels: Record<ProgramKind, string> = {
  skill_share: 'Skill share',
  cross_check: 'Cross-check partners',
  blocker_buddy: 'Blocker buddies',
};

export const programDescriptions: Record<ProgramKind, string> = {
  skill_share:
    'Pairs chosen because each can teach the other something, from different departments where possible.',
  cross_check:
    'A fresh partner each sprint to look over each other’s work: who you have not worked with lately.',
  blocker_buddy:
    'Your buddy is the first person asked when you post a help request, before the whole channel.',
};

/** What a member is to the others in a group of this program. */
export const partnerNouns: Record<ProgramKind, { one: string; many: string }> = {
  skill_share: { one: 'Your skill-share partner', many: 'Your skill-share group' },
  cross_check: { one: 'Your cross-check partner', many: 'Your cross-check group' },
  blocker_buddy: { one: 'Your blocker buddy', many: 'Your blocker buddies' },
};

export type Cadence = ProgramDto['cadence'];

export const cadenceLabels: Record<Cadence, string> = {
  weekly: 'Every week',
  every_2_weeks: 'Every 2 weeks',
  every_4_weeks: 'Every 4 weeks',
  each_sprint: 'Each sprint',
};
export const cadences = Object.keys(cadenceLabels) as Cadence[];

/** ISO weekdays 1 (Monday) … 7 (Sunday), named in the reader's locale. */
export const weekdays: readonly { value: number; label: string }[] = (() => {
  const format = new Intl.DateTimeFormat(undefined, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((value) => ({
    value,
    label: format.format(new Date(Date.UTC(2024, 0, value))),
  }));
})();

export const weekdayLabel = (value: number) =>
  weekdays.find((d) => d.value === value)?.label ?? `Day ${value}`;

/** 9 → "09:00": hours are shown on the 24-hour clock the schedule runs on. */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export const groupSizeLabels: Record<ProgramDto['groupSize'], string> = {
  2: 'Pairs (one group of three when the count is odd)',
  3: 'Groups of three',
};

/** "Every 4 weeks on Monday at 09:00 (Europe/Lisbon)". */
export function scheduleSummary(
  program: Pick<ProgramDto, 'cadence' | 'weekday' | 'hour' | 'timeZone' | 'sprintWeeks'>,
) {
  const cadence =
    program.cadence === 'each_sprint'
      ? `Each sprint (${program.sprintWeeks === 1 ? '1 week' : `${program.sprintWeeks} weeks`})`
      : cadenceLabels[program.cadence];
  return `${cadence} on ${weekdayLabel(program.weekday)} at ${hourLabel(program.hour)} (${program.timeZone})`;
}

export const isProgramKind = (value: string | null | undefined): value is ProgramKind =>
  (programKinds as readonly (string | null | undefined)[]).includes(value);
