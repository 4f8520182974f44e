import type { HelpAction, HelpRequestDto } from '../../../api/contract';

export type HelpStatus = HelpRequestDto['status'];
export type Urgency = HelpRequestDto['urgency'];
export type HelpRole = NonNullable<HelpRequestDto['mine']>;

/** The longest story a thanks may carry, as the API allows it. */
export const MAX_STORY_LENGTH = 500;

export const helpStatuses: readonly HelpStatus[] = ['open', 'claimed', 'resolved'];

export const statusLabels: Record<HelpStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  resolved: 'Resolved',
};

/** The board's sections, one per status. */
export const statusSections: Record<HelpStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  resolved: 'Resolved recently',
};

/** Worded as the person chose it in the "Ask for help" form. */
export const urgencyLabels: Record<Urgency, string> = {
  low: 'Whenever someone has time',
  normal: 'Today, please',
  high: 'Blocked right now',
};

export const roleLabels: Record<HelpRole, string> = {
  requester: 'You asked',
  helper: 'You are helping',
  buddy: 'You are the buddy',
};

export const actionLabels: Record<HelpAction, { label: string; busy: string; done: string }> = {
  claim: { label: 'I can help', busy: 'Claiming…', done: 'You are helping with this request.' },
  release: { label: 'Release', busy: 'Releasing…', done: 'Released: it is open again.' },
  resolve: { label: 'Resolved', busy: 'Resolving…', done: 'Marked as resolved.' },
  thank: { label: 'Thank', busy: 'Sending thanks…', done: 'Your thanks were sent.' },
};

export const helpScopes = ['all', 'mine', 'overdue'] as const;
export type HelpScope = (typeof helpScopes)[number];
export const scopeLabels: Record<HelpScope, string> = {
  all: 'All',
  mine: 'Mine',
  overdue: 'Overdue',
};

export interface HelpFilter {
  scope: HelpScope;
  status: HelpStatus | 'all';
  /** A skill the request asks for; '' for any. */
  skill: string;
}

export const noFilter: HelpFilter = { scope: 'all', status: 'all', skill: '' };

export const isHelpScope = (value: unknown): value is HelpScope =>
  (helpScopes as readonly unknown[]).includes(value);
export const isHelpStatus = (value: unknown): value is HelpStatus =>
  (helpStatuses as readonly unknown[]).includes(value);

const sameSkill = (a: string, b: string) =>
  a.localeCompare(b, undefined, { sensitivity: 'base' }) === 0;

/** Whether a request passes the board's filters ("Mine": asked, helping or buddy). */
export function matchesFilter(request: HelpRequestDto, filter: HelpFilter): boolean {
  if (filter.scope === 'mine' && request.mine === null) return false;
  if (filter.scope === 'overdue' && !request.overdue) return false;
  if (filter.status !== 'all' && request.status !== filter.status) return false;
  if (filter.skill && !request.skills.some((s) => sameSkill(s, filter.skill))) return false;
  return true;
}

/** The skills the requests ask for, once each (whatever their case), in alphabetical order. */
export function skillsIn(requests: readonly HelpRequestDto[]): string[] {
  const found: string[] = [];
  for (const skill of requests.flatMap((r) => r.skills)) {
    if (!found.some((s) => sameSkill(s, skill))) found.push(skill);
  }
  return found.sort((a, b) => a.localeCompare(b));
}

/** Open requests, the one due soonest first; the others latest first, as the server sends them. */
export function sortForSection(status: HelpStatus, requests: readonly HelpRequestDto[]) {
  if (status !== 'open') return [...requests];
  return [...requests].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** Teams deep links and other web links only: nothing else becomes an `href`. */
export const isWebLink = (link: string) => /^https:\/\//i.test(link);
