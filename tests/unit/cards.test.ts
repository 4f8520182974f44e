import { describe, expect, it } from 'vitest';
import { askForHelpCard } from '../../bot/cards/ask-for-help-card';
import { escapeCardText, htmlToText } from '../../bot/cards/escape';

describe('card text safety', () => {
  it('neutralises markdown links, emphasis and list markers in user text', () => {
    expect(escapeCardText('[click](https://evil.example) *now*')).toBe(
      '\\[click\\]\\(https://evil.example\\) \\*now\\*',
    );
    expect(escapeCardText('- item\n2. second')).toBe('\\- item\n2\\. second');
    expect(escapeCardText('a_b\\c')).toBe('a\\_b\\\\c');
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
