import { isOverdue, type HelpRequest } from '../../../src/core/help/help-request';
import { helpActionsFor } from '../../../src/core/help/policy';
import { allowedMessageLink } from '../../../src/core/help/message-link';
import type { HelpCardInput, MessageComposer, MessagePerson } from '../../../src/core/ports';
import { isWithdrawn } from '../../../src/core/privacy/personal-data';
import { adaptiveCard, openUrl, paragraph, readerDateTime } from '../card-kit';
import { escapeCardText } from '../escape';

export const HELP_VERBS = {
  claim: 'help.claim',
  release: 'help.release',
  resolve: 'help.resolve',
  thank: 'help.thank',
  refresh: 'help.refresh',
} as const;

/** Quoted message text on a card; the full text stays with the request and the help board. */
const CARD_QUOTE = 600;

const urgencyLabels: Record<HelpRequest['urgency'], string> = {
  low: 'Low: whenever someone has time',
  normal: 'Normal: today, please',
  high: 'High: blocked right now',
};

/** "45 min", "3 h 10 min", "2 days". */
export function formatWait(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

function statusLine({ request: r, helper, now }: HelpCardInput): string {
  if (isWithdrawn(r)) return 'Withdrawn: the person who asked deleted their data.';
  if (r.status === 'resolved') {
    const took = formatWait(Date.parse(r.resolvedAt) - Date.parse(r.createdAt));
    return `Resolved after ${took}${r.thankedAt ? ', and thanked' : ''}.`;
  }
  if (r.status === 'claimed') return `${helper?.name ?? 'A teammate'} is helping.`;
  const waited = formatWait(now.getTime() - Date.parse(r.createdAt));
  return isOverdue(r, now)
    ? `Overdue: open for ${waited}, past the compact’s ${r.responseHours}-hour commitment.`
    : `Open for ${waited}; the compact asks for an answer within ${r.responseHours} hours.`;
}

function containerStyle(input: HelpCardInput) {
  const r = input.request;
  if (r.status === 'resolved') return 'good';
  if (r.status === 'claimed') return 'accent';
  return isOverdue(r, input.now) ? 'attention' : 'warning';
}

function body(input: HelpCardInput, intro: string) {
  const { request: r, requester, helper, buddy } = input;
  const quote =
    r.source.text.length > CARD_QUOTE ? `${r.source.text.slice(0, CARD_QUOTE)}…` : r.source.text;
  const facts = [
    { title: 'Skills', value: r.skills.length ? escapeCardText(r.skills.join(', ')) : '—' },
    { title: 'Urgency', value: urgencyLabels[r.urgency] },
    { title: 'Asked', value: readerDateTime(r.createdAt) },
    { title: 'Due', value: readerDateTime(r.dueAt) },
    { title: 'Helper', value: helper ? escapeCardText(helper.name) : 'Nobody yet' },
    ...(buddy ? [{ title: 'Blocker buddy', value: escapeCardText(buddy.name) }] : []),
  ];
  return [
    {
      type: 'Container',
      style: containerStyle(input),
      bleed: true,
      items: [
        paragraph(`${requester.name} is blocked and asks for help`, {
          weight: 'Bolder',
          size: 'Medium',
        }),
        paragraph(statusLine(input), { spacing: 'Small' }),
      ],
    },
    ...(intro ? [paragraph(intro, { isSubtle: true })] : []),
    paragraph(r.blocker, { spacing: 'Medium' }),
    {
      type: 'Container',
      style: 'emphasis',
      items: [
        paragraph(`${r.source.authorName || 'Someone'} wrote:`, {
          weight: 'Bolder',
          size: 'Small',
        }),
        paragraph(quote || '(The message had no text.)', {
          isSubtle: true,
          size: 'Small',
          spacing: 'None',
        }),
      ],
    },
    { type: 'FactSet', facts },
  ];
}

/**
 * The buttons the request's status allows. A card seen by many shows every one that applies (the
 * bot refuses whoever may not press it); a card drawn for one viewer shows only theirs.
 */
function actions(input: HelpCardInput) {
  const { request: r, helper, viewerId, teamId } = input;
  const data = { teamId, requestId: r.id };
  const execute = (verb: string, title: string, style?: 'positive' | 'destructive') => ({
    type: 'Action.Execute',
    verb,
    title,
    data,
    ...(style ? { style } : {}),
  });
  const can = helpActionsFor(r, viewerId);
  const out: unknown[] = [];
  if (can.claim) out.push(execute(HELP_VERBS.claim, 'I can help', 'positive'));
  if (can.release) out.push(execute(HELP_VERBS.release, 'Release'));
  if (can.resolve) out.push(execute(HELP_VERBS.resolve, 'Resolved'));
  if (can.thank)
    out.push(execute(HELP_VERBS.thank, `Thank ${helper?.name ?? 'the helper'}`, 'positive'));
  // Rows stored before the allow-list may hold any https link: checked again where it is drawn.
  const link = allowedMessageLink(r.source.link);
  if (link) out.push(openUrl('Open the message', link));
  return out;
}

function helpCard(input: HelpCardInput, intro: string) {
  return {
    ...adaptiveCard(body(input, intro), actions(input)),
    // Anyone may refresh to see the current state and age, with the buttons that are theirs.
    refresh: {
      action: {
        type: 'Action.Execute',
        verb: HELP_VERBS.refresh,
        data: { teamId: input.teamId, requestId: input.request.id },
      },
    },
  };
}

/** The message's text (notifications and previews): names only, never the member's own words. */
const summary = ({ requester }: HelpCardInput) => `${requester.name} asks for help.`;

const firstName = (p: MessagePerson | undefined) => p?.name.split(' ')[0] ?? 'a teammate';

/** The cards of help requests. Pure: the same input gives the same card. */
export const helpMessages: Pick<MessageComposer, 'helpRequest' | 'helpNudge'> = {
  helpRequest(input) {
    const forBuddy = input.viewerId !== undefined && input.viewerId === input.request.buddyId;
    const intro = forBuddy
      ? `You are ${firstName(input.requester)}’s blocker buddy in ${input.teamName}, so you hear first. If you can’t help, someone in the channel will.`
      : '';
    return { text: summary(input), card: helpCard(input, intro) };
  },
  helpNudge(input) {
    const { request: r, requester } = input;
    const intro = {
      buddy: `Still open after half the time the compact allows. Can you help ${firstName(requester)}, or point them to someone who can?`,
      channel: `Nobody has picked this up yet and it is due soon. Could someone in ${input.teamName} take it?`,
      escalate: `This request passed the compact’s ${r.responseHours}-hour commitment with nobody helping. As the person keeping an eye on how the team supports each other, could you find someone?`,
    }[input.kind];
    const text = {
      buddy: `Reminder: ${requester.name} still needs help.`,
      channel: `Still open: ${requester.name} needs help.`,
      escalate: `Overdue: ${requester.name}’s help request has no helper.`,
    }[input.kind];
    return { text, card: helpCard(input, intro) };
  },
};
