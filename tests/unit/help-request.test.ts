import { describe, expect, test } from 'vitest';
import { DomainError } from '../../src/core/errors';
import {
  claim,
  helpRequestId,
  helpTimings,
  isOverdue,
  MAX_SOURCE_TEXT,
  newHelpRequest,
  release,
  resolve,
  thank,
  type NewHelpRequest,
} from '../../src/core/help/help-request';
import { allowedMessageLink } from '../../src/core/help/message-link';
import { firstAwakeMoment, hasCapacity, nudgePlan } from '../../src/core/help/nudges';
import { DEFAULT_BOUNDARIES } from '../../src/core/team/boundaries';

const at = (iso: string) => new Date(iso);
const start = at('2026-01-05T09:00:00Z');

const buildAsk = (overrides: Partial<NewHelpRequest> = {}): NewHelpRequest => ({
  teamId: '19:team@thread.tacv2',
  requesterId: 'asker',
  source: { id: '1700000000000', text: 'The deploy fails', authorName: 'Ana', link: '' },
  blocker: 'The pipeline times out on the migration step',
  skills: ['SQL', ' sql ', 'Azure  DevOps'],
  urgency: 'high',
  buddyId: 'buddy',
  responseHours: 4,
  ...overrides,
});

const failure = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return error instanceof DomainError
      ? `${error.code}${error.field ? `:${error.field}` : ''}`
      : 'other';
  }
};

describe('a new help request', () => {
  test('is due after the compact’s response commitment, with its skills tidied', () => {
    const r = newHelpRequest(buildAsk(), start);
    expect(r).toMatchObject({
      status: 'open',
      helperId: '',
      buddyId: 'buddy',
      dueAt: '2026-01-05T13:00:00.000Z',
      skills: ['SQL', 'Azure DevOps'],
      revision: 1,
    });
  });

  test('the same message asked about by the same person is the same request', () => {
    const a = newHelpRequest(buildAsk(), start);
    const again = newHelpRequest(
      buildAsk({ blocker: 'typed differently' }),
      at('2026-01-05T09:00:05Z'),
    );
    expect(again.id).toBe(a.id);
    expect(newHelpRequest(buildAsk({ requesterId: 'someone-else' }), start).id).not.toBe(a.id);
    expect(helpRequestId('t', 'm1', 'u')).toMatch(/^h[0-9a-f]{16}$/);
    expect(helpRequestId('t', 'm1', 'u')).not.toBe(helpRequestId('t', 'm2', 'u'));
  });

  test('keeps user text as typed, cut to a storable length', () => {
    const text = `[link](https://evil.example) <at>Everyone</at> \${secret} ${'x'.repeat(MAX_SOURCE_TEXT)}`;
    const r = newHelpRequest(buildAsk({ source: { ...buildAsk().source, text } }), start);
    expect(
      r.source.text.startsWith('[link](https://evil.example) <at>Everyone</at> ${secret}'),
    ).toBe(true);
    expect(r.source.text.length).toBe(MAX_SOURCE_TEXT + 1);
  });

  test('refuses what a helper could not act on, naming the field', () => {
    expect(failure(() => newHelpRequest(buildAsk({ blocker: '   ' }), start))).toBe(
      'invalid:blocker',
    );
    expect(failure(() => newHelpRequest(buildAsk({ blocker: 'x'.repeat(1001) }), start))).toBe(
      'invalid:blocker',
    );
    expect(failure(() => newHelpRequest(buildAsk({ urgency: 'yesterday' }), start))).toBe(
      'invalid:urgency',
    );
    expect(
      failure(() =>
        newHelpRequest(buildAsk({ skills: Array.from({ length: 11 }, (_, i) => `s${i}`) }), start),
      ),
    ).toBe('invalid:skills');
    expect(failure(() => newHelpRequest(buildAsk({ skills: ['x'.repeat(61)] }), start))).toBe(
      'invalid:skills',
    );
  });

  test('a requester is never their own buddy', () => {
    expect(newHelpRequest(buildAsk({ buddyId: 'asker' }), start).buddyId).toBe('');
  });
});

describe('claiming, releasing, resolving and thanking', () => {
  const open = newHelpRequest(buildAsk(), start);

  test('the first claim wins; a second is a conflict; the same helper again changes nothing', () => {
    const claimed = claim(open, 'helper', at('2026-01-05T09:30:00Z'));
    expect(claimed).toMatchObject({ status: 'claimed', helperId: 'helper', revision: 2 });
    expect(failure(() => claim(claimed, 'other', start))).toBe('conflict');
    expect(claim(claimed, 'helper', start)).toBe(claimed);
    expect(failure(() => claim(open, 'asker', start))).toBe('invalid');
  });

  test('release reopens it for someone else; the first response time stays', () => {
    const claimed = claim(open, 'helper', at('2026-01-05T09:30:00Z'));
    expect(failure(() => release(claimed, 'other'))).toBe('forbidden');
    const released = release(claimed, 'helper');
    expect(released).toMatchObject({ status: 'open', helperId: '' });
    const reclaimed = claim(released, 'other', at('2026-01-05T10:30:00Z'));
    expect(reclaimed.firstResponseAt).toBe('2026-01-05T09:30:00.000Z');
    expect(helpTimings(reclaimed).firstResponseMs).toBe(30 * 60_000);
  });

  test('only the requester or the helper resolves; only the requester thanks, once', () => {
    const claimed = claim(open, 'helper', at('2026-01-05T09:30:00Z'));
    expect(failure(() => resolve(claimed, 'bystander', start))).toBe('forbidden');
    const resolved = resolve(claimed, 'helper', at('2026-01-05T11:00:00Z'));
    expect(helpTimings(resolved).resolveMs).toBe(2 * 3_600_000);
    expect(failure(() => resolve(resolved, 'asker', start))).toBe('conflict');
    expect(failure(() => claim(resolved, 'other', start))).toBe('conflict');
    expect(failure(() => thank(resolved, 'helper', start))).toBe('forbidden');
    const thanked = thank(resolved, 'asker', at('2026-01-05T11:05:00Z'));
    expect(thanked.thankedAt).toBe('2026-01-05T11:05:00.000Z');
    expect(failure(() => thank(thanked, 'asker', start))).toBe('conflict');
    // Resolved without a helper (the requester unblocked themself): nobody to thank.
    expect(failure(() => thank(resolve(open, 'asker', start), 'asker', start))).toBe('conflict');
  });

  test('overdue only when nobody picked it up by the due time', () => {
    expect(isOverdue(open, at('2026-01-05T12:59:00Z'))).toBe(false);
    expect(isOverdue(open, at(open.dueAt))).toBe(true);
    expect(isOverdue(open, at('2026-01-05T13:01:00Z'))).toBe(true);
    expect(isOverdue(claim(open, 'helper', start), at('2026-01-05T13:01:00Z'))).toBe(false);
  });
});

describe('the compact’s clock', () => {
  test('buddy at half time, channel before the due time, escalation at it', () => {
    const r = newHelpRequest(buildAsk(), start);
    expect(nudgePlan(r).map((n) => [n.kind, n.at.toISOString()])).toEqual([
      ['buddy', '2026-01-05T11:00:00.000Z'],
      ['channel', '2026-01-05T12:00:00.000Z'],
      ['escalate', '2026-01-05T13:00:00.000Z'],
    ]);
  });

  test('a nudge waits for the end of the helper’s quiet hours', () => {
    const b = {
      ...DEFAULT_BOUNDARIES,
      quietHours: { start: '19:00', end: '08:00' },
      timeZone: 'Europe/Lisbon',
    };
    expect(firstAwakeMoment(b, at('2026-01-05T22:10:00Z')).toISOString()).toBe(
      '2026-01-06T08:10:00.000Z',
    );
    expect(firstAwakeMoment(b, at('2026-01-05T10:00:00Z')).toISOString()).toBe(
      '2026-01-05T10:00:00.000Z',
    );
  });

  test('weekly availability caps what a helper is asked to take', () => {
    expect(hasCapacity({ availabilityPerWeek: 2 }, 1)).toBe(true);
    expect(hasCapacity({ availabilityPerWeek: 2 }, 2)).toBe(false);
    expect(hasCapacity({ availabilityPerWeek: 0 }, 0)).toBe(false);
  });
});

describe('the link to the message', () => {
  const good =
    'https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1700000000000?groupId=g';
  const source = (link: string) => ({ ...buildAsk().source, link });

  test('a Teams message link on a documented Teams host is kept', () => {
    for (const link of [
      good,
      'https://teams.cloud.microsoft/l/message/19%3Aabc/1',
      'https://gov.teams.microsoft.us/l/message/19%3Aabc/1',
    ]) {
      expect(allowedMessageLink(link)).toBe(link);
      expect(newHelpRequest(buildAsk({ source: source(link) }), start).source.link).toBe(link);
    }
  });

  test('any other link is dropped and the request is still made', () => {
    for (const link of [
      'https://evil.example/l/message/1',
      'http://teams.microsoft.com/l/message/19%3Aabc/1',
      'https://teams.microsoft.com.evil.example/l/message/1',
      'https://user:pw@teams.microsoft.com/l/message/1',
      'https://teams.microsoft.com:8443/l/message/1',
      'https://teams.microsoft.com/l/chat/0/0?users=x',
      'javascript:alert(1)',
      'not a url',
      `${good}${'x'.repeat(2_000)}`,
    ]) {
      expect(allowedMessageLink(link), link).toBe('');
      const made = newHelpRequest(buildAsk({ source: source(link) }), start);
      expect(made.source.link).toBe('');
      expect(made.status).toBe('open');
    }
  });
});
