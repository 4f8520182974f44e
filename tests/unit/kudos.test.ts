import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors';
import {
  kudosForHelp,
  kudosIdFor,
  kudosOrderKey,
  MAX_KUDOS_STORY,
  newKudos,
  type NewKudos,
} from '../../src/core/kudos/kudos';

const now = new Date('2026-03-02T10:00:00Z');
const input = (overrides: Partial<NewKudos> = {}): NewKudos => ({
  fromId: 'ana',
  toIds: ['ben', 'carla'],
  story: '  Ben and Carla stayed late to get the release out.  ',
  ...overrides,
});
const refused = (overrides: Partial<NewKudos>) => {
  try {
    newKudos(input(overrides), now, 'id');
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.code, field: e.field, message: e.message };
  }
  throw new Error('newKudos accepted it');
};

describe('newKudos', () => {
  it('makes a kudos with the story trimmed and each recipient once', () => {
    const k = newKudos(input({ toIds: ['ben', 'carla', 'ben'] }), now, 'k1');
    expect(k).toEqual({
      id: 'k1',
      fromId: 'ana',
      toIds: ['ben', 'carla'],
      story: 'Ben and Carla stayed late to get the release out.',
      helpRequestId: '',
      createdAt: '2026-03-02T10:00:00.000Z',
    });
  });

  it('needs at least one recipient and at most ten', () => {
    expect(refused({ toIds: [] })).toMatchObject({ code: 'invalid', field: 'toIds' });
    expect(refused({ toIds: ['  '] })).toMatchObject({ field: 'toIds' });
    const eleven = Array.from({ length: 11 }, (_, i) => `p${i}`);
    expect(refused({ toIds: eleven })).toMatchObject({ field: 'toIds', message: /at most 10/ });
    expect(newKudos(input({ toIds: eleven.slice(0, 10) }), now, 'k').toIds).toHaveLength(10);
  });

  it('refuses kudos to oneself, even among others', () => {
    expect(refused({ toIds: ['ben', 'ana'] })).toMatchObject({
      field: 'toIds',
      message: /leave yourself out/,
    });
  });

  it('needs a story of at most 500 characters after trimming', () => {
    expect(refused({ story: '   ' })).toMatchObject({ field: 'story' });
    expect(refused({ story: 'x'.repeat(MAX_KUDOS_STORY + 1) })).toMatchObject({
      field: 'story',
      message: /500/,
    });
    const padded = ` ${'x'.repeat(MAX_KUDOS_STORY)} `;
    expect(newKudos(input({ story: padded }), now, 'k').story).toHaveLength(MAX_KUDOS_STORY);
  });
});

describe('kudos order', () => {
  it('sorts later kudos first, whatever form their id has', () => {
    const later = { id: kudosIdFor(new Date('2026-03-03T00:00:00Z'), 'aa'), createdAt: '' };
    const earlierThank = { id: 'k-h0123456789abcdef', createdAt: '2026-03-02T00:00:00.000Z' };
    const earliest = { id: kudosIdFor(new Date('2026-03-01T00:00:00Z'), 'bb'), createdAt: '' };
    const sorted = [earliest, earlierThank, later].sort((a, b) =>
      kudosOrderKey(a).localeCompare(kudosOrderKey(b)),
    );
    expect(sorted.map((k) => k.id)).toEqual([later.id, earlierThank.id, earliest.id]);
  });

  it('gives a thank an id from its time and its request', () => {
    const k = kudosForHelp({ id: 'h0123456789abcdef', requesterId: 'a', helperId: 'b' }, '', now);
    expect(k.id).toBe(kudosIdFor(now, 'h0123456789abcdef'));
    expect(k.id).toMatch(/^t-\d{15}-h[0-9a-f]{16}$/);
  });
});
