import { describe, expect, test } from 'vitest';
import { DomainError } from '../../src/core/errors';
import { claim, MAX_SOURCE_TEXT, newHelpRequest } from '../../src/core/help/help-request';
import { buildTeamRef } from '../support/memory-ports';
import { freshStorage } from '../support/storage';

const ask = (messageId: string, at: string, text = 'The deploy fails') =>
  newHelpRequest(
    {
      teamId: '19:team@thread.tacv2',
      requesterId: 'asker',
      source: {
        id: messageId,
        text,
        authorName: 'Ana',
        link: 'https://teams.microsoft.com/l/message/19%3Ax/1',
      },
      blocker: 'The migration step times out',
      skills: ['SQL'],
      urgency: 'normal',
      buddyId: 'buddy',
      responseHours: 4,
    },
    new Date(at),
  );

describe('the help request store', () => {
  test('stores a request whole, and a second submit of it is a conflict that changes nothing', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const request = ask(
      '1',
      '2026-01-05T09:00:00Z',
      `*bold* <at>All</at> \${x} ${'y'.repeat(MAX_SOURCE_TEXT)}`,
    );
    await ports.help.create(ref, request);
    const again = { ...request, blocker: 'something else' };
    await expect(ports.help.create(ref, again)).rejects.toMatchObject({ code: 'conflict' });
    expect((await ports.help.get(ref, request.id))?.value).toEqual(request);
    expect(await ports.help.get(ref, 'not-an-id')).toBeUndefined();
    expect(await ports.help.get(buildTeamRef(), request.id)).toBeUndefined();
  });

  test('of two simultaneous claims on the same version exactly one is stored', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const request = ask('2', '2026-01-05T09:00:00Z');
    const { etag } = await ports.help.create(ref, request);
    const now = new Date('2026-01-05T09:10:00Z');
    const results = await Promise.allSettled([
      ports.help.update(ref, claim(request, 'helper-a', now), etag),
      ports.help.update(ref, claim(request, 'helper-b', now), etag),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected');
    expect((lost as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
    expect(((lost as PromiseRejectedResult).reason as DomainError).code).toBe('conflict');
    const stored = (await ports.help.get(ref, request.id))!.value;
    expect(['helper-a', 'helper-b']).toContain(stored.helperId);
    expect(stored.revision).toBe(2);
  });

  test('lists a team’s requests latest first, and no other team’s', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    await ports.help.create(ref, ask('a', '2026-01-05T09:00:00Z'));
    await ports.help.create(ref, ask('b', '2026-01-07T09:00:00Z'));
    await ports.help.create(ref, ask('c', '2026-01-06T09:00:00Z'));
    await ports.help.create(buildTeamRef(), ask('d', '2026-01-08T09:00:00Z'));
    const listed = await ports.help.list(ref);
    expect(listed.map((r) => r.value.source.id)).toEqual(['b', 'c', 'a']);
  });
});
