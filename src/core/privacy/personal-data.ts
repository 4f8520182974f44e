import type { Proposal } from '../compact/proposal';
import type { HelpRequest } from '../help/help-request';
import type { Kudos } from '../kudos/kudos';
import { DEFAULT_BOUNDARIES } from '../team/boundaries';
import type { Member } from '../team/member';

/** What replaces text a member wrote once they asked for their data to be deleted. */
export const DELETED_TEXT = '(deleted at the member\u2019s request)';

/**
 * Who a proposal or decision is credited to once its author's data was deleted. It names no
 * member, so every view shows it as "A former member".
 */
export const FORMER_MEMBER = 'former-member';

/** How someone whose data is gone (or who left) is named wherever a name is shown. */
export const FORMER_MEMBER_NAME = 'A former member';

/** The confirmation a member sends to delete their data in a team. */
export const DELETE_CONFIRMATION = 'delete';

/**
 * The member row after "delete my data": only what other members' history needs stays (the id
 * every round, request and kudos refers to, the role, when they joined). Name, email and the
 * bot's id for them are Teams' roster data: a later roster read refills them if the person is
 * still in the team, and they come back as a new, not opted-in member. `active: false` stops
 * pairing, nudges and notifications until then.
 */
export function forgetMember(m: Member): Member {
  return {
    userId: m.userId,
    role: m.role,
    joinedAt: m.joinedAt,
    name: '',
    email: '',
    botUserId: '',
    active: false,
    department: '',
    teaches: [],
    learns: [],
    ...DEFAULT_BOUNDARIES,
  };
}

/** Whether the member row is already as `forgetMember` leaves it. */
export function isForgotten(m: Member): boolean {
  const forgotten = forgetMember(m);
  return (Object.keys(forgotten) as (keyof Member)[]).every(
    (key) => JSON.stringify(forgotten[key]) === JSON.stringify(m[key]),
  );
}

/**
 * A request the member made, with what they wrote and the message they quoted replaced. Who,
 * when, how urgent and what became of it stay, so the team's response-time figures still add up.
 * One still unresolved is withdrawn (resolved, by a former member, at `now`): nobody is asked
 * or nudged about a request whose words are gone. Undefined when it is already so.
 */
export function redactHelpRequest(r: HelpRequest, now: Date): HelpRequest | undefined {
  const source = { id: r.source.id, text: DELETED_TEXT, authorName: '', link: '' };
  if (r.blocker === DELETED_TEXT && sameSource(r.source, source) && r.status === 'resolved')
    return undefined;
  const withdrawn =
    r.status === 'resolved'
      ? {}
      : { status: 'resolved' as const, resolvedAt: now.toISOString(), resolvedBy: FORMER_MEMBER };
  return { ...r, ...withdrawn, blocker: DELETED_TEXT, source, revision: r.revision + 1 };
}

/** Whether a request was withdrawn because the person who asked deleted their data. */
export const isWithdrawn = (r: HelpRequest) =>
  r.status === 'resolved' && r.resolvedBy === FORMER_MEMBER;

/**
 * A request the member was helping with, handed back so a teammate can pick it up (the first
 * response time stays: it was answered). Undefined when they are not helping with it.
 */
export function releaseForgottenHelper(r: HelpRequest, userId: string): HelpRequest | undefined {
  if (r.status !== 'claimed' || r.helperId !== userId) return undefined;
  return { ...r, status: 'open', helperId: '', revision: r.revision + 1 };
}

const sameSource = (a: HelpRequest['source'], b: HelpRequest['source']) =>
  a.text === b.text && a.authorName === b.authorName && a.link === b.link;

/** Whether a request's text was deleted at its author's request. */
export const isRedacted = (r: HelpRequest) => r.blocker === DELETED_TEXT;

/**
 * A proposal without the member: their stance and comment go; a proposal they made or a decision
 * they took stays, credited to a former member, because the team endorsed or decided on its text.
 * Undefined when the member is not in it (any more).
 */
export function forgetInProposal(p: Proposal, userId: string): Proposal | undefined {
  const stances = p.stances.filter((s) => s.userId !== userId);
  const proposedBy = p.proposedBy === userId ? FORMER_MEMBER : p.proposedBy;
  const decidedBy = p.decidedBy === userId ? FORMER_MEMBER : p.decidedBy;
  if (
    stances.length === p.stances.length &&
    proposedBy === p.proposedBy &&
    decidedBy === p.decidedBy
  )
    return undefined;
  return { ...p, stances, proposedBy, decidedBy, revision: p.revision + 1 };
}

/** Kudos the member gave, without their words; who thanked whom stays. Undefined when blank. */
export function blankKudosStory(k: Kudos, userId: string): Kudos | undefined {
  if (k.fromId !== userId || k.story === '') return undefined;
  return { ...k, story: '' };
}

/**
 * Whether stored text (a message Mutual sent or will send someone else: a kudos card, a pairing
 * card, a summary) names the member: their display name as a whole word, or their e-mail. Card
 * text may carry markdown escapes (`\(`), which are ignored.
 */
export function namesMember(text: string, member: Pick<Member, 'name' | 'email'>): boolean {
  const plain = text.replace(/\\+(.)/g, '$1');
  const words = [member.name.trim(), member.email.trim()].filter((w) => w.length >= 2);
  return words.some((word) =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, 'iu').test(plain),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
