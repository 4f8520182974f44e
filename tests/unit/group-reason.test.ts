import { describe, expect, it } from 'vitest';
import type { Round } from '../../src/core/rotations/round';
import { migrateRoundReasons } from '../../src/services/rotations/migrate-round-reasons';
import { buildMember, buildTeamRef, memoryPorts } from '../support/memory-ports';
import {
  eraseFromReason,
  parseLegacyReason,
  reasonMembers,
  renderGroupReason,
  type GroupReason,
} from '../../src/core/rotations/pairing/group-reason';

const people = [
  { id: 'mal', name: 'Mal Reynolds', department: 'Ops' },
  { id: 'ben', name: 'Ben Ng', department: 'Data' },
  { id: 'zoe', name: 'Zoe Park', department: '' },
];
const personOf = (id: string) => people.find((p) => p.id === id) ?? { name: '', department: '' };

const reasons: GroupReason[] = [
  {
    kind: 'teaching',
    lessons: [
      { teacher: 'mal', learner: 'ben', skills: ['SQL'], more: 0 },
      { teacher: 'ben', learner: 'mal', skills: ['design reviews', 'Kotlin'], more: 2 },
    ],
    joiners: ['zoe'],
  },
  {
    kind: 'teaching',
    lessons: [{ teacher: 'ben', learner: 'mal', skills: ['SQL', 'testing'], more: 0 }],
    joiners: [],
  },
  { kind: 'departments', spread: 'two', members: ['mal', 'ben', 'zoe'] },
  { kind: 'new', members: ['ben', 'mal'] },
  { kind: 'again', members: ['mal', 'ben'], roundsAgo: 2 },
];

describe('a group reason stored as ids', () => {
  it('is rendered with the names people have now, and no name once erased', () => {
    expect(renderGroupReason(reasons[0]!, personOf)).toBe(
      'Mal Reynolds teaches Ben Ng SQL; Ben Ng teaches Mal Reynolds design reviews, Kotlin and 2 more. Zoe Park makes it a group of three.',
    );
    const stored = JSON.stringify(reasons);
    for (const p of people) expect(stored).not.toContain(p.name);
    const after = renderGroupReason(reasons[0]!, (id) =>
      id === 'mal' ? { name: 'A former member', department: '' } : personOf(id),
    );
    expect(after).not.toContain('Mal');
  });

  it('a reason stored as words is read back as the data it was written from', () => {
    for (const reason of reasons) {
      const members = people.filter((p) => reasonMembers(reason).includes(p.id));
      const text = renderGroupReason(reason, personOf);
      const parsed = parseLegacyReason(text, members);
      expect(parsed, text).toBeDefined();
      expect(renderGroupReason(parsed!, personOf)).toBe(text);
    }
  });

  it('words it cannot read are kept, and lose only the erased member’s name', () => {
    const text: GroupReason = {
      kind: 'text',
      text: 'Mal Reynolds (Ops) and Ben Ng both want to unblock fast',
    };
    expect(parseLegacyReason(text.text, people.slice(0, 2))).toBeUndefined();
    expect(eraseFromReason(text, people.slice(0, 2), people[0]!)).toEqual({
      kind: 'text',
      text: 'A former member and Ben Ng both want to unblock fast',
    });
    expect(eraseFromReason({ kind: 'text', text: 'buddies' }, people, people[0]!)).toBeUndefined();
  });
});

describe('migrating reasons stored as words', () => {
  const ref = buildTeamRef();
  const round = (groups: Round['groups']): Round => ({
    id: 'skill_share-202601050900',
    program: 'skill_share',
    status: 'published',
    scheduledFor: '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
    createdBy: '',
    publishedAt: '2026-01-05T09:00:00.000Z',
    publishedBy: '',
    revision: 1,
    groups,
    unplaced: [],
    totalWeight: 1,
    method: 'exact',
    seed: 1,
  });

  it('reads words back as ids by the names at the time, keeps what it cannot read, and erases a name', async () => {
    const ports = memoryPorts();
    for (const p of people)
      await ports.members.create(
        ref,
        buildMember({ userId: p.id, name: p.name, department: p.department }),
      );
    const text = (t: string) => ({ kind: 'text' as const, text: t });
    await ports.rounds.create(
      ref,
      round([
        { members: ['mal', 'ben'], reason: text('Mal Reynolds teaches Ben Ng SQL.'), weight: 1 },
        {
          members: ['zoe', 'ben'],
          reason: text('Zoe Park and Ben Ng want to unblock fast'),
          weight: 1,
        },
        {
          members: ['mal', 'zoe'],
          reason: text('Mal Reynolds (Ops) and Zoe Park like tea'),
          weight: 1,
        },
      ]),
    );
    expect(await migrateRoundReasons(ref, ports)).toBe(1);
    const [g1, g2, g3] = (await ports.rounds.get(ref, 'skill_share-202601050900'))!.value.groups;
    expect(g1!.reason).toEqual({
      kind: 'teaching',
      lessons: [{ teacher: 'mal', learner: 'ben', skills: ['SQL'], more: 0 }],
      joiners: [],
    });
    expect(g2!.reason).toEqual(text('Zoe Park and Ben Ng want to unblock fast'));
    expect(await migrateRoundReasons(ref, ports)).toBe(0);

    // Mal deletes their data: the words that cannot be read lose the name, nothing else.
    expect(
      await migrateRoundReasons(
        ref,
        ports,
        buildMember({ userId: 'mal', name: 'Mal Reynolds', department: 'Ops' }),
      ),
    ).toBe(1);
    const after = (await ports.rounds.get(ref, 'skill_share-202601050900'))!.value.groups;
    expect(after[2]!.reason).toEqual(text('A former member and Zoe Park like tea'));
    expect(after[1]!.reason).toEqual(g2!.reason);
    expect(g3).toBeDefined();
    expect(JSON.stringify(after)).not.toContain('Mal');
  });
});
