/** One question of a pulse: a statement rated 1 (strongly disagree) to 5 (strongly agree), or free text. */
export interface PulseItem {
  id: string;
  kind: 'scale' | 'text';
  text: string;
}

/** The agreement scale, lowest first. */
export const SCALE_LABELS = [
  'Strongly disagree',
  'Disagree',
  'Neither',
  'Agree',
  'Strongly agree',
] as const;
export const SCALE_MIN = 1;
export const SCALE_MAX = SCALE_LABELS.length;

/**
 * The psychological-safety pulse, after the seeds: a mistake is not held against you, a naive
 * question is welcome, an unfinished idea gets heard, asking for help reads as strength, and a
 * "no" at capacity is respected; then the one open question the seeds suggest asking anonymously.
 */
export const PULSE_QUESTIONS: readonly PulseItem[] = [
  {
    id: 'mistakes',
    kind: 'scale',
    text: 'When I get something wrong on this team, I can say so without it being held against me.',
  },
  {
    id: 'questions',
    kind: 'scale',
    text: 'I can ask a question that may sound basic without worrying about how it makes me look.',
  },
  {
    id: 'ideas',
    kind: 'scale',
    text: 'I can bring an idea before it is fully worked out and expect it to get a fair hearing.',
  },
  {
    id: 'help',
    kind: 'scale',
    text: 'Here, asking a colleague for help is seen as a strength rather than a weakness.',
  },
  {
    id: 'boundaries',
    kind: 'scale',
    text: 'When I am at capacity, I can turn down a request for help and that is respected.',
  },
  {
    id: 'easier',
    kind: 'text',
    text: 'What one thing would make it easier to ask for help here?',
  },
];

export const scaleItems = (items: readonly PulseItem[]) => items.filter((i) => i.kind === 'scale');
export const textItem = (items: readonly PulseItem[]) => items.find((i) => i.kind === 'text');
