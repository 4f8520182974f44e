import { describe, expect, it } from 'vitest';
import { askForHelpCard } from '../../bot/cards/help/ask-for-help-card';
import { escapeCardText, htmlToText } from '../../bot/cards/escape';
import { compactAckCard, compactMessages } from '../../bot/cards/compact/compact-cards';
import { formatWait, helpMessages } from '../../bot/cards/help/help-request-cards';
import { diffVersions } from '../../src/core/compact/diff';
import { templateVersion } from '../../src/core/compact/template';
import { claim, newHelpRequest, resolve, thank } from '../../src/core/help/help-request';
import type { HelpCardInput } from '../../src/core/ports';

describe('card text safety', () => {
  it('neutralises markdown links, emphasis and list markers in user text', () => {
    expect(escapeCardText('[click](https://evil.example) *now*')).toBe(
      '\\[click\\]\\(https://evil.example\\) \\*now\\*',
    );
    expect(escapeCardText('- item\n2. second')).toBe('\\- item\n2\\. second');
    expect(escapeCardText('a_b\\c')).toBe('a\\_b\\\\c');
  });

  it('breaks Teams’ date functions and mentions in user text', () => {
    expect(escapeCardText('{{DATE(2020-01-01T00:00:00Z)}} <at>Ana</at>')).toBe(
      '{\u200b{DATE\\(2020-01-01T00:00:00Z\\)}} <\u200bat>Ana<\u200b/at>',
    );
  });

  it('leaves ordinary prose alone', () => {
    expect(escapeCardText('Has anyone seen this before? It fails at 3.5 GB.')).toBe(
      'Has anyone seen this before? It fails at 3.5 GB.',
    );
  });

  it('turns Teams message HTML into plain text', () => {
    expect(htmlToText('<p>Export &amp; import<br>fail&nbsp;at &#x33;am</p><div>Help?</div>')).toBe(
      'Export & import\nfail at 3am\nHelp?',
    );
    expect(htmlToText('<at id="0">Ana</at> &lt;b&gt;')).toBe('Ana <b>');
  });
});

describe('the Ask for help task module', () => {
  const message = {
    id: '42',
    text: 'Build is *red*',
    authorName: 'Ana [admin]',
    link: 'https://t/l/42',
  };

  it('quotes the message and its author, escaped, and asks for blocker, skills and urgency', () => {
    const card = askForHelpCard(message, ['SQL', 'Figma']);
    const json = JSON.stringify(card);
    expect(json).toContain('Build is \\\\*red\\\\*');
    expect(json).toContain('Ana \\\\[admin\\\\]');
    const inputs = card.body
      .filter((b) => b.type.startsWith('Input.'))
      .map((b) => (b as { id: string }).id);
    expect(inputs).toEqual(['blocker', 'skills', 'urgency']);
    expect(card.actions[0]?.data).toEqual({
      action: 'createHelpRequest',
      messageId: '42',
      messageLink: 'https://t/l/42',
    });
    expect(json).toContain('For example: SQL, Figma');
  });

  it('shortens a very long message rather than failing', () => {
    const card = askForHelpCard({ ...message, text: 'x'.repeat(5000) }, []);
    const quoted = JSON.stringify(card).match(/x+…/)?.[0] ?? '';
    expect(quoted.length).toBe(2001);
  });
});

describe('the help request card', () => {
  const start = new Date('2026-03-02T10:00:00Z');
  const person = (name: string) => ({ name, email: '', department: '' });
  const open = newHelpRequest(
    {
      teamId: 't',
      requesterId: 'asker',
      source: {
        id: 'm',
        text: 'Build is red',
        authorName: 'Ana',
        link: 'https://teams.microsoft.com/l/message/19%3Ax%40thread.tacv2/m',
      },
      blocker: 'Stuck on the cache',
      skills: ['CI'],
      urgency: 'high',
      buddyId: 'buddy',
      responseHours: 4,
    },
    start,
  );
  const input = (overrides: Partial<HelpCardInput> = {}): HelpCardInput => ({
    teamId: 't',
    teamName: 'Platform',
    request: open,
    requester: person('Asha Asker'),
    helper: undefined,
    buddy: person('Bruno Buddy'),
    now: new Date('2026-03-02T11:30:00Z'),
    ...overrides,
  });
  const buttons = (i: HelpCardInput) =>
    ((helpMessages.helpRequest(i).card as { actions?: { title: string }[] }).actions ?? []).map(
      (a) => a.title,
    );

  it('offers what the status allows, and to one viewer only what is theirs', () => {
    expect(buttons(input())).toEqual(['I can help', 'Resolved', 'Open the message']);
    expect(buttons(input({ viewerId: 'asker' }))).toEqual(['Resolved', 'Open the message']);
    expect(buttons(input({ viewerId: 'buddy' }))).toEqual(['I can help', 'Open the message']);
    const claimed = claim(open, 'helper', start);
    const helping = { request: claimed, helper: person('Hiro Helper') };
    expect(buttons(input(helping))).toEqual(['Release', 'Resolved', 'Open the message']);
    expect(buttons(input({ ...helping, viewerId: 'buddy' }))).toEqual(['Open the message']);
    const done = resolve(claimed, 'helper', start);
    expect(buttons(input({ ...helping, request: done }))).toEqual([
      'Thank Hiro Helper',
      'Open the message',
    ]);
    const thanked = thank(done, 'asker', start);
    expect(buttons(input({ ...helping, request: thanked }))).toEqual(['Open the message']);
  });

  it('shows its age against the compact, and turns overdue at the due time', () => {
    const text = (i: HelpCardInput) => JSON.stringify(helpMessages.helpRequest(i).card);
    expect(text(input())).toContain(
      'Open for 1 h 30 min; the compact asks for an answer within 4 hours.',
    );
    const late = input({ now: new Date('2026-03-02T14:00:00Z') });
    expect(text(late)).toContain('Overdue: open for 4 h');
    expect(text(late)).toContain('"style":"attention"');
    expect(formatWait(59 * 60_000)).toBe('59 min');
    expect(formatWait(50 * 3_600_000)).toBe('2 days');
  });

  it('keeps the member’s words out of the message text, and never links a non-https source', () => {
    const message = helpMessages.helpRequest(
      input({ request: { ...open, source: { ...open.source, link: 'javascript:alert(1)' } } }),
    );
    expect(message.text).toBe('Asha Asker asks for help.');
    expect(JSON.stringify(message.card)).not.toContain('javascript:');
  });
});

describe('the compact’s cards', () => {
  const v1 = templateVersion('2026-01-01T00:00:00.000Z');
  const v2 = {
    ...v1,
    version: 2,
    clauses: [
      ...v1.clauses.slice(1),
      { id: 'c-new', text: 'We [pair](https://evil.example) on {{DATE(2020-01-01)}} <at>Ana</at>' },
    ],
  };
  const input = {
    teamId: 'team-1',
    teamName: 'Platform',
    version: 2,
    changes: diffVersions(v1, v2),
    link: 'http://localhost:3978/#/compact',
  };

  it('shows what changed, escaped, with "I commit to this" carrying the team and version', () => {
    const card = compactMessages.compactAcknowledge(input).card!;
    const text = JSON.stringify(card);
    expect(text).toContain('Added');
    expect(text).toContain('Removed');
    expect(text).not.toContain('[pair](');
    expect(text).not.toContain('<at>');
    expect(text).not.toContain('{{DATE(2020');
    expect(text).not.toContain('Unchanged');
    const actions = (card as { actions: { verb?: string; data?: unknown; url?: string }[] })
      .actions;
    expect(actions[0]).toMatchObject({
      verb: 'compact.ack',
      data: { teamId: 'team-1', version: 2 },
    });
    expect(actions[1]).toMatchObject({ url: input.link });
  });

  it('once acknowledged, says so in the reader’s own date and asks no more', () => {
    const card = compactAckCard({ ...input, acknowledgedAt: '2026-03-02T10:00:00.123Z' });
    const text = JSON.stringify(card);
    expect(text).toContain('You committed to version 2 on {{DATE(2026-03-02T10:00:00Z, SHORT)}}');
    expect(text).not.toContain('compact.ack');
  });

  it('reminds the channel and the guardian of the review, with the page link', () => {
    const base = {
      teamName: 'Platform',
      reviewOn: '2026-06-02',
      openProposals: 2,
      link: 'http://localhost:3978/#/compact',
    };
    const week = compactMessages.compactReview({ ...base, when: 'week', audience: 'channel' });
    expect(week.text).toBe('Platform reviews its Support Compact on 2026-06-02, in a week.');
    expect(JSON.stringify(week.card)).toContain('2 proposals are open');
    const day = compactMessages.compactReview({ ...base, when: 'day', audience: 'guardian' });
    expect(day.text).toBe('Platform reviews its Support Compact today.');
    expect(JSON.stringify(day.card)).toContain('As Culture Guardian you facilitate it');
    expect(JSON.stringify(day.card)).toContain(base.link);
  });
});
