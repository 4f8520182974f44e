import { isOverdue, type HelpRequest } from '../../core/help/help-request';
import { allowedMessageLink } from '../../core/help/message-link';
import { helpActionsFor } from '../../core/help/policy';
import type { Member } from '../../core/team/member';
import type { HelpSettings } from '../../services/help/help-settings';
import type { HelpRequestDto, HelpSettingsDto } from '../contract';
import { FORMER_NAME } from './shared';

/** A help request as the board shows it to `viewerId`, with what they may do to it. */
export function presentHelpRequest(
  r: HelpRequest,
  people: ReadonlyMap<string, Member>,
  viewerId: string,
  now: Date,
): HelpRequestDto {
  const person = (id: string) => (id ? { id, name: people.get(id)?.name || FORMER_NAME } : null);
  const mine =
    r.requesterId === viewerId
      ? 'requester'
      : r.helperId === viewerId
        ? 'helper'
        : r.buddyId === viewerId
          ? 'buddy'
          : null;
  return {
    id: r.id,
    status: r.status,
    requester: person(r.requesterId) ?? { id: '', name: FORMER_NAME },
    helper: person(r.helperId),
    buddy: person(r.buddyId),
    blocker: r.blocker,
    skills: r.skills,
    urgency: r.urgency,
    source: {
      text: r.source.text,
      authorName: r.source.authorName,
      link: allowedMessageLink(r.source.link),
    },
    createdAt: r.createdAt,
    dueAt: r.dueAt,
    responseHours: r.responseHours,
    firstResponseAt: r.firstResponseAt || null,
    resolvedAt: r.resolvedAt || null,
    thankedAt: r.thankedAt || null,
    overdue: isOverdue(r, now),
    mine,
    can: helpActionsFor(r, viewerId),
    revision: r.revision,
  };
}

export const presentHelpSettings = (s: HelpSettings): HelpSettingsDto => ({
  supportChannel: s.supportChannel,
  channels: s.channels,
  channelsError: s.channelsError || null,
});
