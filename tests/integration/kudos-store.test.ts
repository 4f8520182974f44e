import { describe, expect, it } from 'vitest';
import { kudosForHelp, kudosIdFor, thankOnceKey, type Kudos } from '../../src/core/kudos/kudos';
import { teamPartition } from '../../src/store/keys';
import { buildTeamRef } from '../support/memory-ports';
import { freshStorage } from '../support/storage';

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 10));
const given = (day: number, fromId: string, toIds: string[], suffix = `g${day}`): Kudos => ({
  id: kudosIdFor(at(day), suffix),
  fromId,
  toIds,
  story: `day ${day}`,
  helpRequestId: '',
  createdAt: at(day).toISOString(),
});

describe('the kudos table store', () => {
  it('reads thanks stored before the time-ordered ids beside new kudos, latest first', async () => {
    const { storage, ports } = await freshStorage();
    const ref = buildTeamRef();
    // A thank as the help flow wrote it before: row key `k-<request>`, no pointer rows.
    const earlier = {
      id: 'k-h0123456789abcdef',
      fromId: 'ana',
      toIds: ['ben'],
      story: 'day 3 (earlier form)',
      helpRequestId: 'h0123456789abcdef',
      createdAt: at(3).toISOString(),
    };
    await storage.table('kudos').createEntity({
      partitionKey: teamPartition(ref),
      rowKey: earlier.id,
      ...earlier,
      toIds: JSON.stringify(earlier.toIds),
    });
    for (const k of [
      given(1, 'ben', ['ana']),
      given(5, 'ana', ['ben', 'carla']),
      given(2, 'carla', ['ben']),
    ])
      expect((await ports.kudos.add(ref, k)).created).toBe(true);

    const stories = (list: Kudos[]) => list.map((k) => k.story);
    expect(stories(await ports.kudos.list(ref, 10))).toEqual([
      'day 5',
      'day 3 (earlier form)',
      'day 2',
      'day 1',
    ]);
    const first = await ports.kudos.page(ref, 2);
    expect(stories(first.kudos)).toEqual(['day 5', 'day 3 (earlier form)']);
    const second = await ports.kudos.page(ref, 2, first.next);
    expect(stories(second.kudos)).toEqual(['day 2', 'day 1']);
    expect(second.next).toBeUndefined();

    const ben = await ports.kudos.ofMember(ref, 'ben', 10);
    expect(stories(ben.received)).toEqual(['day 5', 'day 3 (earlier form)', 'day 2']);
    expect(stories(ben.given)).toEqual(['day 1']);

    // Point reads and ETag-guarded updates work for both forms (personal data redacts stories).
    for (const id of [earlier.id, given(5, '', []).id]) {
      const found = (await ports.kudos.get(ref, id))!;
      await ports.kudos.update(ref, { ...found.value, story: '' }, found.etag);
      expect((await ports.kudos.get(ref, id))?.value.story).toBe('');
    }
  });

  it('adds a thank once per request, whatever time a retry makes it at', async () => {
    const { ports } = await freshStorage();
    const ref = buildTeamRef();
    const request = { id: 'hfedcba9876543210', requesterId: 'ana', helperId: 'ben' };
    const one = await ports.kudos.add(
      ref,
      kudosForHelp(request, 'Thanks!', at(1)),
      thankOnceKey(request.id),
    );
    const two = await ports.kudos.add(
      ref,
      kudosForHelp(request, 'Again', at(2)),
      thankOnceKey(request.id),
    );
    expect(one.created).toBe(true);
    expect(two).toEqual({ created: false, kudos: one.kudos });
    expect(await ports.kudos.list(ref, 10)).toEqual([one.kudos]);
    expect((await ports.kudos.ofMember(ref, 'ben', 10)).received).toEqual([one.kudos]);
  });
});
