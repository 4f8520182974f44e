import { describe, expect, it } from 'vitest';
import { cardMessages } from '../../bot/cards/messages';
import { diffVersions } from '../../src/core/compact/diff';
import { templateVersion } from '../../src/core/compact/template';
import { claim, newHelpRequest } from '../../src/core/help/help-request';
import type { HelpCardInput, MessageComposer } from '../../src/core/ports';
import type { OutgoingMessage } from '../../src/core/notify/notification';
import { PULSE_QUESTIONS } from '../../src/core/pulse/questions';

const HOSTILE =
  'Mal [Reset password](https://evil.example) <at>x</at> **now** _{{DATE(2020-01-01)}}_';
const person = (name = HOSTILE) => ({ name, email: 'mal@example.com', department: HOSTILE });
const start = new Date('2026-03-02T10:00:00Z');
const request = claim(
  newHelpRequest(
    {
      teamId: 't',
      requesterId: 'asker',
      source: { id: 'm', text: HOSTILE, authorName: HOSTILE, link: '' },
      blocker: HOSTILE,
      skills: ['[SQL](https://evil.example)'],
      urgency: 'high',
      buddyId: 'buddy',
      responseHours: 4,
    },
    start,
  ),
  'helper',
  start,
);
const help: HelpCardInput = {
  teamId: 't',
  teamName: HOSTILE,
  request,
  requester: person(),
  helper: person(),
  buddy: person(),
  now: new Date('2026-03-02T11:30:00Z'),
};
const v1 = templateVersion('2026-01-01T00:00:00.000Z');
const v2 = { ...v1, version: 2, clauses: [...v1.clauses, { id: 'c-new', text: HOSTILE }] };

/** One call per builder: a builder added to MessageComposer without a case here is a type error. */
const everyBuilder: Record<keyof MessageComposer, () => OutgoingMessage> = {
  pairing: () =>
    cardMessages.pairing({
      teamName: HOSTILE,
      programLabel: 'Mentoring',
      partners: [person(), person()],
      reason: HOSTILE,
    }),
  unplaced: () =>
    cardMessages.unplaced({ teamName: HOSTILE, programLabel: 'Mentoring', reason: HOSTILE }),
  roundSummary: () =>
    cardMessages.roundSummary({
      teamName: HOSTILE,
      programLabel: 'Mentoring',
      groups: [{ names: [HOSTILE, HOSTILE] }],
      unplaced: 1,
    }),
  checkIn: () =>
    cardMessages.checkIn({
      teamId: 't',
      roundId: 'r',
      programLabel: 'Mentoring',
      partners: [person()],
    }),
  helpRequest: () => cardMessages.helpRequest(help),
  helpNudge: () => cardMessages.helpNudge({ ...help, kind: 'escalate' }),
  compactAcknowledge: () =>
    cardMessages.compactAcknowledge({
      teamId: 't',
      teamName: HOSTILE,
      version: 2,
      changes: diffVersions(v1, v2),
      link: 'https://example.com/compact',
    }),
  compactReview: () =>
    cardMessages.compactReview({
      teamName: HOSTILE,
      reviewOn: '2026-06-02',
      when: 'week',
      audience: 'guardian',
      openProposals: 1,
      link: 'https://example.com/compact',
    }),
  kudosReceived: () =>
    cardMessages.kudosReceived({
      teamName: HOSTILE,
      from: person(),
      others: [person()],
      story: HOSTILE,
      fromHelpRequest: false,
      link: 'https://example.com/kudos',
    }),
  pulseAsk: () =>
    cardMessages.pulseAsk({
      teamId: 't',
      teamName: HOSTILE,
      pulseId: 'p',
      items: [...PULSE_QUESTIONS],
      closesAt: '2026-03-09T10:00:00.000Z',
      link: 'https://example.com/pulse',
    }),
  guardian: () =>
    cardMessages.guardian({
      teamName: HOSTILE,
      guardian: person(),
      until: '2026-04-01',
      audience: 'channel',
    }),
  helperLoad: () =>
    cardMessages.helperLoad({
      teamName: HOSTILE,
      helper: person(),
      given: 5,
      total: 6,
      percent: 83,
      audience: 'guardian',
      insightsLink: 'https://example.com/insights',
    }),
};

/** Every string Teams renders as markdown: TextBlock text and FactSet values, at any depth. */
function renderedTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) renderedTexts(item, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { value?: unknown }[])
        if (typeof f.value === 'string') out.push(f.value);
    for (const value of Object.values(o)) renderedTexts(value, out);
  }
  return out;
}

/** What markdown would still act on once every backslash-escaped character is taken out. */
const live = (text: string) => text.replace(/\\./g, '');

describe('hostile display names through every message builder', () => {
  for (const [name, build] of Object.entries(everyBuilder))
    it(`${name}: the activity text and the card show the name as typed, never as markup`, () => {
      const message = build();
      const texts = [message.text, ...renderedTexts(message.card)];
      for (const text of texts) {
        expect(live(text), text).not.toMatch(/[[\]*_]/);
        expect(text, text).not.toMatch(/<at>/i);
        expect(text, text).not.toContain('{{DATE(2020');
      }
      expect(texts.join('\n')).toContain('Mal \\[Reset password\\]\\(https://evil.example\\)');
    });

  it('escapes names in the activity text (the notification preview) too', () => {
    const { text } = cardMessages.kudosReceived({
      teamName: 'Platform',
      from: person(),
      others: [],
      story: '',
      fromHelpRequest: true,
      link: 'https://example.com/kudos',
    });
    expect(text).toBe(
      'Mal \\[Reset password\\]\\(https://evil.example\\) <\u200bat>x<\u200b/at> \\*\\*now\\*\\* \\_{\u200b{DATE\\(2020-01-01\\)}}\\_ gave you kudos for helping with their request.',
    );
  });
});
