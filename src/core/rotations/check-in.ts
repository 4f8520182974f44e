export const checkInAnswers = ['met', 'not_yet', 'skipped'] as const;
export type CheckInAnswer = (typeof checkInAnswers)[number];

/** A member's answer to "did you meet?" after a round; they may change it. */
export interface CheckIn {
  roundId: string;
  userId: string;
  answer: CheckInAnswer;
  answeredAt: string;
}

export const checkInLabels: Record<CheckInAnswer, string> = {
  met: 'We met',
  not_yet: 'Not yet',
  skipped: 'We skipped this one',
};

/** Days after publishing when the "did you meet?" card goes out: most of the way to the next round. */
export const checkInDelayDays = (intervalWeeks: number) => Math.max(3, intervalWeeks * 7 - 2);
