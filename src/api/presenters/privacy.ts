import { renderGroupReason, type GroupReason } from '../../core/rotations/pairing/group-reason';
import type { PersonalData } from '../../services/privacy/export-personal-data';
import type { PersonalDataDto } from '../contract';

/** Said in every export, so nobody looks for what is deliberately absent. */
export const NOT_INCLUDED = [
  'Anonymous pulse answers: they are stored without who gave them, so they cannot be found or exported as yours.',
  'Other people’s names, profiles and what they wrote (their own requests, stances, comments and review notes); other people appear only as ids where a record links them to you.',
  'The text of the notifications sent to you: only which ones, when, and what became of them.',
];

const orNull = (value: string) => value || null;

/**
 * The export document: the caller's own records, as stored. Other people appear only as ids
 * where a record links them to the caller, never with their names or their words.
 */
export function presentPersonalData(data: PersonalData): PersonalDataDto {
  const { member: m, team } = data;
  const me = m.userId;
  return {
    format: 'mutual-personal-data',
    version: 1,
    exportedAt: data.exportedAt.toISOString(),
    team: { tenantId: team.tenantId, id: team.teamId, name: team.name },
    member: {
      userId: m.userId,
      name: m.name,
      email: m.email,
      botUserId: m.botUserId,
      role: m.role,
      active: m.active,
      joinedAt: m.joinedAt,
      department: m.department,
      teaches: m.teaches,
      learns: m.learns,
      optedIn: m.optedIn,
      pausedUntil: orNull(m.pausedUntil),
      availabilityPerWeek: m.availabilityPerWeek,
      quietHours: m.quietHours,
      timeZone: m.timeZone,
    },
    rounds: data.rounds.map((r) => {
      const group = r.groups.find((g) => g.members.includes(me));
      return {
        id: r.id,
        program: r.program,
        status: r.status,
        scheduledFor: r.scheduledFor,
        publishedAt: orNull(r.publishedAt),
        placed: group !== undefined,
        partnerIds: group ? group.members.filter((id) => id !== me) : [],
        reason: group
          ? ownReason(group.reason, m.name, me)
          : (r.unplaced.find((u) => u.id === me)?.reason ?? ''),
      };
    }),
    checkIns: data.checkIns.map((c) => ({
      roundId: c.roundId,
      answer: c.answer,
      answeredAt: c.answeredAt,
    })),
    cultureGuardianTerms: data.guardianTerms.map((t) => ({ since: t.since, until: t.until })),
    helpRequests: {
      asked: data.helpRequests
        .filter((r) => r.requesterId === me)
        .map((r) => ({
          id: r.id,
          status: r.status,
          blocker: r.blocker,
          skills: r.skills,
          urgency: r.urgency,
          // The quoted message's author is someone else: not named here.
          source: { text: r.source.text, link: r.source.link },
          createdAt: r.createdAt,
          dueAt: r.dueAt,
          firstResponseAt: orNull(r.firstResponseAt),
          resolvedAt: orNull(r.resolvedAt),
          thankedAt: orNull(r.thankedAt),
          helperId: orNull(r.helperId),
          buddyId: orNull(r.buddyId),
        })),
      // Someone else's request: which, and the caller's part in it; its text is the requester's.
      involved: data.helpRequests
        .filter((r) => r.requesterId !== me)
        .map((r) => ({
          id: r.id,
          role: r.helperId === me || r.resolvedBy === me ? ('helper' as const) : ('buddy' as const),
          status: r.status,
          createdAt: r.createdAt,
          resolvedByYou: r.resolvedBy === me,
        })),
    },
    kudos: {
      given: data.kudos
        .filter((k) => k.fromId === me)
        .map((k) => ({
          id: k.id,
          toIds: k.toIds,
          story: k.story,
          helpRequestId: orNull(k.helpRequestId),
          createdAt: k.createdAt,
        })),
      received: data.kudos
        .filter((k) => k.fromId !== me)
        .map((k) => ({
          id: k.id,
          fromId: k.fromId,
          // What someone else wrote is theirs: the export says only who thanked them, and when.
          helpRequestId: orNull(k.helpRequestId),
          createdAt: k.createdAt,
        })),
    },
    compact: {
      proposals: data.proposals
        .filter((p) => p.proposedBy === me)
        .map((p) => ({
          id: p.id,
          kind: p.kind,
          clauseId: p.clauseId,
          text: p.text,
          commitmentHours: p.commitmentHours,
          reason: p.reason,
          proposedAt: p.proposedAt,
          status: p.status,
          adoptedVersion: p.adoptedVersion || null,
        })),
      stances: data.proposals.flatMap((p) =>
        p.stances
          .filter((s) => s.userId === me)
          .map((s) => ({ proposalId: p.id, stance: s.stance, comment: s.comment, at: s.at })),
      ),
      decisions: data.proposals
        .filter((p) => p.decidedBy === me)
        .map((p) => ({
          proposalId: p.id,
          status: p.status,
          decidedAt: p.decidedAt,
          note: p.decisionNote,
        })),
      acknowledgements: data.acknowledgements.map((a) => ({ version: a.version, at: a.at })),
      versionsAdopted: data.versionsAdopted.map((v) => ({
        version: v.version,
        adoptedAt: v.adoptedAt,
      })),
      reviews: data.reviews.map((r) => ({
        id: r.id,
        heldOn: r.heldOn,
        recordedByYou: r.recordedBy === me,
        tookPart: r.participants.includes(me),
        // The note is the recorder's words: only theirs to take away.
        note: r.recordedBy === me ? r.note : null,
      })),
    },
    notifications: data.notifications.map((n) => ({
      id: n.id,
      status: n.status,
      createdAt: n.createdAt,
      sentAt: orNull(n.sentAt),
    })),
    undeliveredNotifications: data.undelivered.map((d) => ({
      notificationId: d.notificationId,
      reason: d.reason,
      failedAt: d.failedAt,
    })),
    chat: data.chat
      ? {
          conversationId: data.chat.conversationId,
          closed: data.chat.dead,
          updatedAt: data.chat.updatedAt,
        }
      : null,
    notIncluded: NOT_INCLUDED,
  };
}

/** `mutual-data-<team>-<day>.json`, with the team's name reduced to safe characters. */
export function exportFileName(data: PersonalData): string {
  const slug =
    data.team.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'team';
  return `mutual-data-${slug}-${data.exportedAt.toISOString().slice(0, 10)}.json`;
}

/** A round's reason as the member sees it in their export: their own name, partners unnamed. */
function ownReason(reason: GroupReason, myName: string, me: string): string {
  // Words stored before reasons were data may name partners: those are not theirs to take.
  if (reason.kind === 'text') return '';
  const text = renderGroupReason(reason, (id) =>
    id === me
      ? { name: myName || 'You', department: '' }
      : { name: 'your partner', department: '' },
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}
