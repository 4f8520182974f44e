import { describe, expect, it } from 'vitest';
import { newProposal, takeStance } from '../../src/core/compact/proposal';
import { templateVersion } from '../../src/core/compact/template';
import { newHelpRequest } from '../../src/core/help/help-request';
import { kudosForHelp } from '../../src/core/kudos/kudos';
import {
  blankKudosStory,
  DELETED_TEXT,
  FORMER_MEMBER,
  forgetInProposal,
  forgetMember,
  isForgotten,
  isWithdrawn,
  redactHelpRequest,
  releaseForgottenHelper,
  namesMember,
} from '../../src/core/privacy/personal-data';
import type { Team } from '../../src/core/team/team';
import { deletePersonalData } from '../../src/services/privacy/delete-personal-data';
import { exportPersonalData } from '../../src/services/privacy/export-personal-data';
import { removeTeamData } from '../../src/services/privacy/remove-team-data';
import { buildMember, buildTeamRef, memoryPorts } from '../support/memory-ports';

const now = new Date('2026-03-02T10:00:00Z');
const v1 = templateVersion('2026-01-01T00:00:00.000Z');

const request = (requesterId: string) =>
  newHelpRequest(
    {
      teamId: 'team',
      requesterId,
      source: { id: 'm1', text: 'The quoted message', authorName: 'Someone', link: 'https://x' },
      blocker: 'What blocks me',
      skills: ['SQL'],
      urgency: 'normal',
      buddyId: '',
      responseHours: 4,
    },
    now,
  );

describe('what "delete my data" does to each record', () => {
  it('clears the member row down to the id, role and joined date, and knows when it is done', () => {
    const ana = buildMember({ department: 'Data', teaches: [{ name: 'SQL', level: 'expert' }] });
    const forgotten = forgetMember({ ...ana, optedIn: true, pausedUntil: '2026-04-01' });
    expect(forgotten).toMatchObject({
      userId: ana.userId,
      role: ana.role,
      joinedAt: ana.joinedAt,
      name: '',
      email: '',
      botUserId: '',
      active: false,
      department: '',
      teaches: [],
      optedIn: false,
      pausedUntil: '',
    });
    expect(isForgotten(ana)).toBe(false);
    expect(isForgotten(forgotten)).toBe(true);
  });

  it('redacts a resolved request’s words once, keeping its people, status and times', () => {
    const r = { ...request('ana'), status: 'resolved' as const, resolvedAt: now.toISOString() };
    const later = new Date(now.getTime() + 3_600_000);
    const redacted = redactHelpRequest(r, later)!;
    expect(redacted).toEqual({
      ...r,
      blocker: DELETED_TEXT,
      source: { id: 'm1', text: DELETED_TEXT, authorName: '', link: '' },
      revision: r.revision + 1,
    });
    expect(isWithdrawn(redacted)).toBe(false);
    expect(redactHelpRequest(redacted, later)).toBeUndefined();
  });

  it('withdraws an unresolved request as it redacts it, so nobody is nudged about it', () => {
    const later = new Date(now.getTime() + 3_600_000);
    for (const r of [
      request('ana'),
      { ...request('ana'), status: 'claimed' as const, helperId: 'bo' },
    ]) {
      const withdrawn = redactHelpRequest(r, later)!;
      expect(withdrawn).toMatchObject({
        status: 'resolved',
        resolvedAt: later.toISOString(),
        resolvedBy: FORMER_MEMBER,
        helperId: r.helperId,
        blocker: DELETED_TEXT,
        revision: r.revision + 1,
      });
      expect(isWithdrawn(withdrawn)).toBe(true);
      expect(redactHelpRequest(withdrawn, later)).toBeUndefined();
    }
    // Redacted before withdrawing existed: the next run withdraws it.
    const older = {
      ...request('ana'),
      blocker: DELETED_TEXT,
      source: { id: 'm1', text: DELETED_TEXT, authorName: '', link: '' },
    };
    expect(redactHelpRequest(older, later)?.status).toBe('resolved');
  });

  it('hands back what the member was helping with, keeping when it was first answered', () => {
    const claimed = {
      ...request('ana'),
      status: 'claimed' as const,
      helperId: 'bo',
      firstResponseAt: now.toISOString(),
    };
    expect(releaseForgottenHelper(claimed, 'bo')).toEqual({
      ...claimed,
      status: 'open',
      helperId: '',
      revision: claimed.revision + 1,
    });
    expect(releaseForgottenHelper(claimed, 'cy')).toBeUndefined();
    expect(releaseForgottenHelper({ ...claimed, status: 'resolved' }, 'bo')).toBeUndefined();
  });

  it('takes the member out of a proposal but keeps the proposal, credited to a former member', () => {
    let p = newProposal(
      {
        kind: 'add',
        clauseId: '',
        text: 'We pair on Fridays.',
        commitmentHours: null,
        reason: 'R',
      },
      v1,
      'ana',
      'p-1',
      now,
    );
    p = takeStance(p, 'ben', 'object', 'Fridays are busy', now);
    const forgotten = forgetInProposal(p, 'ana')!;
    expect(forgotten).toMatchObject({ proposedBy: FORMER_MEMBER, text: 'We pair on Fridays.' });
    expect(forgotten.stances.map((s) => s.userId)).toEqual(['ben']);
    expect(forgotten.revision).toBe(p.revision + 1);
    expect(forgetInProposal(forgotten, 'ana')).toBeUndefined();
    expect(forgetInProposal(p, 'chen')).toBeUndefined();
  });

  it('blanks only the story of kudos the member gave', () => {
    const k = kudosForHelp({ id: 'h1', requesterId: 'ana', helperId: 'ben' }, 'Thanks!', now);
    expect(blankKudosStory(k, 'ana')).toEqual({ ...k, story: '' });
    expect(blankKudosStory(k, 'ben')).toBeUndefined();
    expect(blankKudosStory({ ...k, story: '' }, 'ana')).toBeUndefined();
  });
});

describe('the personal-data use cases over the in-memory ports', () => {
  async function seeded() {
    const ports = memoryPorts({ now: () => now });
    const ref = buildTeamRef();
    const team: Team = {
      ...ref,
      name: 'Platform',
      active: true,
      installedAt: now.toISOString(),
      updatedAt: now.toISOString(),
      channel: { serviceUrl: 'https://smba.example/', conversationId: ref.teamId },
      supportChannel: null,
    };
    await ports.teams.create(team);
    const [owner, ana, ben] = [
      buildMember({ role: 'owner' }),
      buildMember({ department: 'Data' }),
      buildMember(),
    ];
    for (const m of [owner, ana, ben]) await ports.members.create(ref, m);
    const r = { ...request(ana.userId), helperId: ben.userId };
    await ports.help.create(ref, r);
    await ports.kudos.add(ref, kudosForHelp(r, 'Thanks, Ben', now));
    await ports.compacts.add(ref, v1);
    await ports.acknowledgements.add(ref, {
      version: 1,
      userId: ana.userId,
      at: now.toISOString(),
    });
    await ports.acknowledgements.add(ref, {
      version: 1,
      userId: ben.userId,
      at: now.toISOString(),
    });
    await ports.notifications.record({
      id: 'test~ana',
      team: ref,
      target: { kind: 'member', userId: ana.userId },
      message: { text: 'Hello Ana' },
      createdAt: now.toISOString(),
    });
    await ports.conversations.create({
      team: ref,
      key: `member:${ana.userId}`,
      conversationId: 'a:1',
      dead: false,
      deadReason: '',
      updatedAt: now.toISOString(),
    });
    const actor = (m: { userId: string }) => ({ tenantId: ref.tenantId, userId: m.userId });
    return { ports, ref, team, owner, ana, ben, r, actor };
  }

  it('exports the member’s records, deletes them once, and a second run changes nothing', async () => {
    const { ports, ref, ana, ben, r, actor } = await seeded();
    const before = await exportPersonalData(actor(ana), ref.teamId, ports);
    expect(before.helpRequests.map((x) => x.id)).toEqual([r.id]);
    expect(before.acknowledgements).toHaveLength(1);
    expect(before.notifications.map((n) => n.id)).toEqual(['test~ana']);
    expect(before.chat?.conversationId).toBe('a:1');

    await expect(deletePersonalData(actor(ana), ref.teamId, 'yes', ports)).rejects.toMatchObject({
      code: 'invalid',
      field: 'confirm',
    });
    const first = await deletePersonalData(actor(ana), ref.teamId, 'delete', ports);
    expect(first).toEqual({
      profileCleared: true,
      removed: {
        checkIns: 0,
        acknowledgements: 1,
        stances: 0,
        notifications: 1,
        undeliveredNotifications: 0,
        chat: 1,
      },
      anonymised: { proposals: 0, kudos: 1, helpRequests: 1 },
      released: { helpRequests: 0 },
    });
    const second = await deletePersonalData(actor(ana), ref.teamId, 'delete', ports);
    expect(second.profileCleared).toBe(false);
    expect([
      ...Object.values(second.removed),
      ...Object.values(second.anonymised),
      ...Object.values(second.released),
    ]).toEqual(Array(10).fill(0));
    expect((await ports.acknowledgements.forVersion(ref, 1)).map((a) => a.userId)).toEqual([
      ben.userId,
    ]);
    expect((await ports.help.get(ref, r.id))?.value.blocker).toBe(DELETED_TEXT);
  });

  it('removes an uninstalled team’s rows for an owner, and only then', async () => {
    const { ports, ref, team, owner, ana, actor } = await seeded();
    await expect(removeTeamData(actor(owner), ref.teamId, 'Platform', ports)).rejects.toMatchObject(
      { code: 'conflict' },
    );
    const stored = (await ports.teams.get(ref))!;
    await ports.teams.update({ ...team, active: false }, stored.etag);
    await expect(removeTeamData(actor(ana), ref.teamId, 'Platform', ports)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(removeTeamData(actor(owner), ref.teamId, 'Other', ports)).rejects.toMatchObject({
      code: 'invalid',
    });

    await removeTeamData(actor(owner), ref.teamId, 'Platform', ports);
    expect(await ports.teams.get(ref)).toBeUndefined();
    expect(await ports.members.list(ref)).toEqual([]);
    expect(await ports.help.list(ref)).toEqual([]);
    expect(await ports.kudos.list(ref, 10)).toEqual([]);
    expect(await ports.compacts.current(ref)).toBeUndefined();
    expect(await ports.notifications.get(ref, 'test~ana')).toBeUndefined();
    expect(await ports.members.teamsOf(ref.tenantId, ana.userId)).toEqual([]);
    await expect(removeTeamData(actor(owner), ref.teamId, 'Platform', ports)).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });
});

describe('whether stored text names a member', () => {
  const mal = { name: 'Mal Reyes', email: 'mal.reyes@contoso.example' };
  it('finds the name as whole words, through markdown escapes, and the e-mail', () => {
    expect(namesMember('Mal Reyes gave you kudos', mal)).toBe(true);
    expect(namesMember('"text":"You and Mal Reyes\\(SQL\\)"', mal)).toBe(true);
    expect(namesMember('Mal\\ Reyes asks for help', mal)).toBe(true);
    expect(namesMember('write to MAL.REYES@contoso.example', mal)).toBe(true);
  });
  it('does not find a name inside other words, nor an empty or one-letter name', () => {
    expect(namesMember('Normal Reyesville', mal)).toBe(false);
    expect(namesMember('anything', { name: '', email: '' })).toBe(false);
    expect(namesMember('a b c', { name: 'a', email: '' })).toBe(false);
  });
});
