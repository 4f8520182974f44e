import type { MessageComposer, MessagePerson } from '../../../src/core/ports';
import { checkInAnswers, checkInLabels } from '../../../src/core/rotations/check-in';
import { adaptiveCard, heading, openUrl, paragraph } from '../card-kit';
import { escapeCardText } from '../escape';

export const CHECK_IN_VERB = 'checkIn';
const SUMMARY_GROUPS = 30;

/** Teams deep links: a 1:1 (or group) chat with the partners, and a new meeting with them. */
export function chatLink(people: readonly MessagePerson[], message: string): string | undefined {
  const users = people.map((p) => p.email).filter(Boolean);
  if (users.length === 0) return undefined;
  const query = new URLSearchParams({ users: users.join(','), message });
  return `https://teams.microsoft.com/l/chat/0/0?${query.toString()}`;
}

export function meetingLink(people: readonly MessagePerson[], subject: string): string | undefined {
  const attendees = people.map((p) => p.email).filter(Boolean);
  if (attendees.length === 0) return undefined;
  const query = new URLSearchParams({ subject, attendees: attendees.join(',') });
  return `https://teams.microsoft.com/l/meeting/new?${query.toString()}`;
}

/** "Ana", "Ana and Ben", "Ana, Ben and Chen". */
const listNames = (list: readonly string[]) =>
  list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;

const names = (people: readonly MessagePerson[]) =>
  listNames(people.map((p) => p.name || 'a teammate'));

const who = (p: MessagePerson) => (p.department ? `${p.name} (${p.department})` : p.name);

/** The cards of rotations and roles. Pure: the same input gives the same card. */
export const rotationMessages: Omit<
  MessageComposer,
  | 'helpRequest'
  | 'helpNudge'
  | 'compactAcknowledge'
  | 'compactReview'
  | 'kudosReceived'
  | 'pulseAsk'
  | 'helperLoad'
> = {
  pairing({ teamName, programLabel, partners, reason }) {
    const partnerNames = names(partners);
    const chat = chatLink(partners, `Hi! Mutual paired us for ${programLabel.toLowerCase()}.`);
    const meeting = meetingLink(partners, `${programLabel}: ${teamName}`);
    const actions = [
      ...(chat ? [openUrl('Say hello in chat', chat)] : []),
      ...(meeting ? [openUrl('Schedule a meeting', meeting)] : []),
    ];
    return {
      text: `${programLabel}: you are paired with ${partnerNames}.`,
      card: adaptiveCard(
        [
          heading(`${programLabel}: meet ${partnerNames}`),
          paragraph(`A new round in ${teamName}.`, { isSubtle: true, spacing: 'None' }),
          {
            type: 'FactSet',
            facts: partners.map((p) => ({ title: 'Partner', value: escapeCardText(who(p)) })),
          },
          paragraph(reason),
          paragraph('Book half an hour this week, and tell Mutual afterwards whether you met.', {
            isSubtle: true,
          }),
        ],
        actions,
      ),
    };
  },

  unplaced({ teamName, programLabel, reason }) {
    return {
      text: `${programLabel}: no partner for you this round.`,
      card: adaptiveCard([
        heading(`${programLabel}: no partner this round`),
        paragraph(`A new round in ${teamName}. ${reason}`),
        paragraph('You are in the next round as usual.', { isSubtle: true }),
      ]),
    };
  },

  roundSummary({ teamName, programLabel, groups, unplaced }) {
    const shown = groups.slice(0, SUMMARY_GROUPS);
    const people = groups.reduce((sum, g) => sum + g.names.length, 0);
    return {
      text: `${programLabel}: a new round with ${groups.length} groups in ${teamName}.`,
      card: adaptiveCard([
        heading(`${programLabel}: this round’s pairs`),
        paragraph(
          `${people} people in ${groups.length} groups. Everyone has a message with their partner and why.`,
          { isSubtle: true, spacing: 'None' },
        ),
        ...shown.map((g) =>
          paragraph(`• ${listNames(g.names)}`, {
            spacing: 'Small',
          }),
        ),
        ...(groups.length > shown.length
          ? [
              paragraph(`…and ${groups.length - shown.length} more groups on the Pairings page.`, {
                isSubtle: true,
              }),
            ]
          : []),
        ...(unplaced > 0
          ? [
              paragraph(`${unplaced} could not be placed this round; they have been told why.`, {
                isSubtle: true,
              }),
            ]
          : []),
      ]),
    };
  },

  checkIn({ teamId, roundId, programLabel, partners }) {
    return {
      text: `Did you meet ${names(partners)}?`,
      card: checkInCard({ teamId, roundId, programLabel, partners }),
    };
  },

  guardian({ teamName, guardian, until, audience }) {
    const end = until.slice(0, 10);
    return audience === 'channel'
      ? {
          text: `${guardian.name} is ${teamName}’s Culture Guardian until ${end}.`,
          card: adaptiveCard([
            heading('A new Culture Guardian'),
            paragraph(
              `${guardian.name} is the team’s Culture Guardian until ${end}: they facilitate check-ins and keep an eye on how help flows. The role rotates so everyone takes a turn.`,
            ),
          ]),
        }
      : {
          text: `You are ${teamName}’s Culture Guardian until ${end}.`,
          card: adaptiveCard([
            heading('You are the Culture Guardian'),
            paragraph(
              `Until ${end} you facilitate ${teamName}’s check-ins and see the team health view in the Mutual tab. If now is a bad time, pause in My profile and the next person takes it.`,
            ),
          ]),
        };
  },
};

/** "Did you meet?" with Universal Actions; `answer` marks the one already given. */
export function checkInCard(input: {
  teamId: string;
  roundId: string;
  programLabel: string;
  partners: readonly MessagePerson[];
  answer?: (typeof checkInAnswers)[number];
}) {
  const body = [
    heading(`Did you meet ${names(input.partners)}?`),
    paragraph(`${input.programLabel}: your answer helps the team see whether rotations work.`, {
      isSubtle: true,
      spacing: 'None',
    }),
    ...(input.answer
      ? [paragraph(`Thanks, noted: ${checkInLabels[input.answer]}. You can change it below.`)]
      : []),
  ];
  const actions = checkInAnswers.map((answer) => ({
    type: 'Action.Execute',
    title: checkInLabels[answer],
    verb: CHECK_IN_VERB,
    data: { teamId: input.teamId, roundId: input.roundId, answer },
    ...(input.answer === answer ? { style: 'positive' } : {}),
  }));
  return adaptiveCard(body, actions);
}
