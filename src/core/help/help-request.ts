import { conflict, forbidden, invalid } from '../errors';
import { MAX_SKILL_NAME } from '../team/member';
import { allowedMessageLink } from './message-link';
import { helpActionsFor } from './policy';

export const urgencies = ['low', 'normal', 'high'] as const;
export type Urgency = (typeof urgencies)[number];

export type HelpStatus = 'open' | 'claimed' | 'resolved';

/** The chat message a request was made from, as Teams described it. */
export interface SourceMessage {
  id: string;
  text: string;
  authorName: string;
  link: string;
}

/** A "#Blocked" signal turned into something tracked: who needs what, by when, and who helped. */
export interface HelpRequest {
  /** Deterministic from the team, the message and the requester: a repeated submit is the same request. */
  id: string;
  requesterId: string;
  source: SourceMessage;
  blocker: string;
  skills: string[];
  urgency: Urgency;
  status: HelpStatus;
  /** Who has claimed it ('' when nobody). */
  helperId: string;
  /** Who is asked first: the requester's blocker buddy or partner ('' when none). */
  buddyId: string;
  createdAt: string;
  /** The compact's response commitment in force when it was made, and the due time it set. */
  responseHours: number;
  dueAt: string;
  /** The first claim, kept through releases: time to first response is measured to it. */
  firstResponseAt: string;
  resolvedAt: string;
  resolvedBy: string;
  thankedAt: string;
  /** Goes up with every change, so a card showing an older state is known to be stale. */
  revision: number;
}

export const MAX_BLOCKER = 1000;
/** Quoted message text kept with the request; Teams messages can be far longer. */
export const MAX_SOURCE_TEXT = 4000;
export const MAX_HELP_SKILLS = 10;
const HOUR_MS = 3_600_000;

/** FNV-1a over the parts, as 16 hex digits from two seeds: short, stable, safe in keys. */
export function helpRequestId(teamId: string, messageId: string, requesterId: string): string {
  const text = `${teamId}\u0000${messageId}\u0000${requesterId}`;
  const hash = (seed: number) => {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return (h >>> 0).toString(16).padStart(8, '0');
  };
  return `h${hash(2166136261)}${hash(0x811c9dc5 ^ 0x5bd1e995)}`;
}

export interface NewHelpRequest {
  teamId: string;
  requesterId: string;
  source: SourceMessage;
  blocker: string;
  skills: readonly string[];
  urgency: string;
  buddyId: string;
  responseHours: number;
}

/** Checks what the member entered and makes the request, due `responseHours` from `now`. */
export function newHelpRequest(input: NewHelpRequest, now: Date): HelpRequest {
  const blocker = input.blocker.trim();
  if (blocker === '')
    throw invalid('Say what blocks you, so a helper knows where to start.', 'blocker');
  if (blocker.length > MAX_BLOCKER)
    throw invalid(`Keep what blocks you under ${MAX_BLOCKER} characters.`, 'blocker');
  if (!(urgencies as readonly string[]).includes(input.urgency))
    throw invalid('Choose how urgent it is: low, normal or high.', 'urgency');
  if (input.source.id === '') throw invalid('The message to ask about is missing.', 'messageId');
  const skills = normaliseSkillTags(input.skills);
  if (!(input.responseHours > 0)) throw new Error('a response commitment must be positive');
  const text = input.source.text.trim();
  return {
    id: helpRequestId(input.teamId, input.source.id, input.requesterId),
    requesterId: input.requesterId,
    source: {
      ...input.source,
      text: text.length > MAX_SOURCE_TEXT ? `${text.slice(0, MAX_SOURCE_TEXT)}…` : text,
      // Only a Teams message link is kept; any other is dropped and the request still made.
      link: allowedMessageLink(input.source.link),
    },
    blocker,
    skills,
    urgency: input.urgency as Urgency,
    status: 'open',
    helperId: '',
    buddyId: input.buddyId === input.requesterId ? '' : input.buddyId,
    createdAt: now.toISOString(),
    responseHours: input.responseHours,
    dueAt: new Date(now.getTime() + input.responseHours * HOUR_MS).toISOString(),
    firstResponseAt: '',
    resolvedAt: '',
    resolvedBy: '',
    thankedAt: '',
    revision: 1,
  };
}

/** Skill tags as typed ("SQL, design  reviews"): trimmed, one space, no repeats, bounded. */
export function normaliseSkillTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    if (tag.length > MAX_SKILL_NAME)
      throw invalid(`Keep each skill under ${MAX_SKILL_NAME} characters.`, 'skills');
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  if (out.length > MAX_HELP_SKILLS)
    throw invalid(`Tag at most ${MAX_HELP_SKILLS} skills.`, 'skills');
  return out;
}

const changed = (r: HelpRequest, patch: Partial<HelpRequest>): HelpRequest => ({
  ...r,
  ...patch,
  revision: r.revision + 1,
});

/** "I can help": the first claim wins; a later one learns who has it. */
export function claim(r: HelpRequest, userId: string, now: Date): HelpRequest {
  // Pressing "I can help" again on one's own claim changes nothing.
  if (r.status === 'claimed' && r.helperId === userId) return r;
  if (!helpActionsFor(r, userId).claim) {
    if (r.status === 'resolved') throw conflict('This request is already resolved.');
    if (r.requesterId === userId)
      throw invalid('This is your own request; a teammate will pick it up.');
    throw conflict('Someone else is already helping with this request.');
  }
  return changed(r, {
    status: 'claimed',
    helperId: userId,
    firstResponseAt: r.firstResponseAt || now.toISOString(),
  });
}

/** The helper hands it back: it is open again, and its due time stands. */
export function release(r: HelpRequest, userId: string): HelpRequest {
  if (!helpActionsFor(r, userId).release) {
    if (r.status !== 'claimed') throw conflict('Nobody is helping with this request right now.');
    throw forbidden('Only the person helping can release it.');
  }
  return changed(r, { status: 'open', helperId: '' });
}

/** Done: the requester or the helper says the blocker is gone. */
export function resolve(r: HelpRequest, userId: string, now: Date): HelpRequest {
  if (!helpActionsFor(r, userId).resolve) {
    if (r.status === 'resolved') throw conflict('This request is already resolved.');
    throw forbidden('Only the person who asked, or the person helping, can resolve it.');
  }
  return changed(r, { status: 'resolved', resolvedAt: now.toISOString(), resolvedBy: userId });
}

/** The requester thanks the helper, once, after it is resolved. */
export function thank(r: HelpRequest, userId: string, now: Date): HelpRequest {
  if (!helpActionsFor(r, userId).thank) {
    if (userId !== r.requesterId)
      throw forbidden('Only the person who asked can thank the helper.');
    if (r.status !== 'resolved' || !r.helperId)
      throw conflict('A request can be thanked once someone has helped and it is resolved.');
    throw conflict('You have already thanked them for this one.');
  }
  return changed(r, { thankedAt: now.toISOString() });
}

/** Milliseconds from asking to the first claim, and to resolution (undefined until they happen). */
export function helpTimings(r: HelpRequest) {
  const at = (iso: string) => (iso ? Date.parse(iso) - Date.parse(r.createdAt) : undefined);
  return { firstResponseMs: at(r.firstResponseAt), resolveMs: at(r.resolvedAt) };
}

/** Whether the due time has come with nobody having picked it up. */
export const isOverdue = (r: HelpRequest, now: Date) =>
  r.status === 'open' && !r.firstResponseAt && now.getTime() >= Date.parse(r.dueAt);
