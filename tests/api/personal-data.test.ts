import { randomUUID } from 'node:crypto';
import { odata } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  CompactOverviewResSchema,
  HelpBoardResSchema,
  MeResSchema,
  PersonalDataDeletionResSchema,
  PersonalDataResSchema,
  ProposalResSchema,
  TeamDataRemovalResSchema,
  type PersonalDataDto,
  type ProposalDto,
} from '../../src/api/contract';
import { helpRequestId } from '../../src/core/help/help-request';
import type { Round } from '../../src/core/rotations/round';
import { DELETED_TEXT, FORMER_MEMBER, forgetMember } from '../../src/core/privacy/personal-data';
import type { TeamRef } from '../../src/core/team/team';
import { createTableStorage } from '../../src/store';
import { teamPartition } from '../../src/store/keys';
import { partitionedBy, tableKinds } from '../../src/store/table-storage';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import { call, teamPath } from '../support/server';
import {
  botRemovedFromTeam,
  buildAccount,
  buildTeam,
  installationUpdate,
  membersAddedToTeam,
  messageActionSubmit,
  type TeamFixture,
} from '../support/teams-activities';
import { until } from '../support/wait';

/**
 * "What Mutual stores about me", "Delete my data" and an owner's removal of an uninstalled team's
 * data, over real HTTP with verified tokens and the bot's own activities, against the emulator.
 * Steps that wait for the notification worker get longer time limits: under a full parallel run
 * its sends take seconds.
 */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OLGA, ASHA, BRUNO, CARLA] = [0, 1, 2, 3];
const p = (i: number) => people[i]!;
const idOf = (i: number) => p(i).aadObjectId!;

const ROUND_ID = 'blocker_buddy-202601050900';
let ashaRequest = '';
let brunoRequest = '';
let ashaProposal: ProposalDto;
let brunoProposal: ProposalDto;

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const api = <T = unknown>(
  who: ConnectorAccount,
  method: string,
  rest: string,
  body?: unknown,
  on: TeamFixture = team,
) => h.apiAs<T>(on, who, rest, { method, body });

const ok = async <T = unknown>(...args: Parameters<typeof api>) => {
  const res = await api<T>(...args);
  expect(res.status, `${args[1]} ${args[2]}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};

const exportOf = async (who: ConnectorAccount) =>
  PersonalDataResSchema.parse(await ok(who, 'GET', '/me/data')).data;

/** The whole stored side of the team, as far as these tests change it. */
const snapshot = async (ref: TeamRef = refOf(team)) => {
  const ports = h.server.ports;
  const [members, help, kudos, proposals, acks] = await Promise.all([
    ports.members.list(ref),
    ports.help.list(ref),
    ports.kudos.list(ref, 1000),
    ports.proposals.list(ref),
    ports.acknowledgements.forVersion(ref, 1),
  ]);
  return {
    members: members.map((m) => m.value).sort((a, b) => a.userId.localeCompare(b.userId)),
    help: help.map((r) => r.value),
    kudos,
    proposals: proposals.map((x) => x.value),
    acks: acks.sort((a, b) => a.userId.localeCompare(b.userId)),
  };
};

let messages = 0;
async function ask(who: ConnectorAccount, text: string, quote: string, on: TeamFixture = team) {
  const message = {
    id: `17${String(++messages).padStart(11, '0')}`,
    html: `<p>${quote}</p>`,
    authorName: `${who.name} in the channel`,
    link: `https://teams.microsoft.com/l/message/${encodeURIComponent(on.teamId)}/${messages}`,
  };
  const res = await h.send(
    messageActionSubmit({
      serviceUrl: h.connector.url,
      team: on,
      from: who,
      message,
      data: { action: 'createHelpRequest', messageId: message.id, blocker: text, urgency: 'high' },
    }),
  );
  expect(res.status).toBe(200);
  return helpRequestId(on.teamId, message.id, who.aadObjectId!);
}

/** A card as JSON with the card text's markdown escapes (`\(`) taken out, as a reader sees it. */
const shown = (value: unknown) => JSON.stringify(value).replace(/\\\\(.)/g, '$1');

const sent = async (ref: TeamRef, id: string) =>
  (await h.server.ports.notifications.get(ref, id))?.value.status === 'sent';

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = ['Olga Owner', 'Asha Asker', 'Bruno Bright', 'Carla Cruz'].map((name) =>
    buildAccount({ name }),
  );
  expect((await h.install(team, people, p(OLGA))).status).toBe(200);
  const ref = refOf(team);
  for (const person of people) await ok(person, 'PUT', '/profile', { optedIn: true });
  await ok(p(ASHA), 'PUT', '/profile', {
    department: 'Data platform',
    teaches: [{ name: 'SQL', level: 'expert' }],
    learns: [{ name: 'Kotlin', level: 'beginner' }],
    quietHours: { start: '19:00', end: '08:00' },
    timeZone: 'Europe/Lisbon',
  });
  await ok(p(BRUNO), 'PUT', '/profile', { department: 'BRUNO-DEPARTMENT' });

  // Asha and Bruno are blocker buddies: each hears first about the other's request.
  const round: Round = {
    id: ROUND_ID,
    program: 'blocker_buddy',
    status: 'published',
    scheduledFor: '2026-01-05T09:00:00.000Z',
    createdAt: '2026-01-05T09:00:00.000Z',
    createdBy: '',
    publishedAt: '2026-01-05T09:00:00.000Z',
    publishedBy: '',
    revision: 1,
    groups: [
      {
        members: [idOf(ASHA), idOf(BRUNO)],
        reason: { kind: 'new', members: [idOf(ASHA), idOf(BRUNO)] },
        weight: 1,
      },
    ],
    unplaced: [{ id: idOf(CARLA), reason: 'An odd one out this time' }],
    totalWeight: 1,
    method: 'exact',
    seed: 1,
  };
  await h.server.ports.rounds.create(ref, round);
  await ok(p(ASHA), 'PUT', `/rounds/${ROUND_ID}/check-in`, { answer: 'met' });
  await ok(p(BRUNO), 'PUT', `/rounds/${ROUND_ID}/check-in`, { answer: 'met' });

  ashaRequest = await ask(p(ASHA), 'ASHA-BLOCKER the export fails', 'ASHA-QUOTE nightly job log');
  brunoRequest = await ask(p(BRUNO), 'BRUNO-BLOCKER the deploy hangs', 'BRUNO-QUOTE pipeline 42');
  await until(
    async () =>
      (await sent(ref, `help~${ashaRequest}~post~channel`)) &&
      (await sent(ref, `help~${brunoRequest}~post~buddy`)),
    'the channel card and the buddy card',
  );
  // Each helps the other, and each thanks the other with a story.
  for (const [helper, asker, id, story] of [
    [p(BRUNO), p(ASHA), ashaRequest, 'ASHA-STORY thanks, Bruno'],
    [p(ASHA), p(BRUNO), brunoRequest, 'BRUNO-STORY thanks, Asha'],
  ] as const) {
    await ok(helper, 'POST', `/help/${id}/claim`);
    await ok(asker, 'POST', `/help/${id}/resolve`);
    await ok(asker, 'POST', `/help/${id}/thank`, { story });
  }

  const propose = async (who: ConnectorAccount, text: string, reason: string) =>
    ProposalResSchema.parse(
      await ok(who, 'POST', '/compact/proposals', { kind: 'add', text, reason }),
    ).data;
  ashaProposal = await propose(p(ASHA), 'ASHA-CLAUSE We pair on Fridays.', 'ASHA-REASON');
  brunoProposal = await propose(p(BRUNO), 'BRUNO-CLAUSE We demo on Mondays.', 'BRUNO-REASON');
  await ok(p(ASHA), 'POST', `/compact/proposals/${brunoProposal.id}/stance`, {
    stance: 'endorse',
    comment: 'ASHA-COMMENT yes please',
  });
  await ok(p(BRUNO), 'POST', `/compact/proposals/${ashaProposal.id}/stance`, {
    stance: 'object',
    comment: 'BRUNO-OBJECTION Fridays are busy',
  });
  await ok(p(CARLA), 'POST', `/compact/proposals/${brunoProposal.id}/stance`, {
    stance: 'endorse',
    comment: 'CARLA-COMMENT',
  });
  for (const person of [p(ASHA), p(BRUNO), p(CARLA)])
    await ok(person, 'POST', '/compact/acknowledge', { version: 1 });
});

afterAll(async () => {
  await h?.stop();
});

describe('what Mutual stores about me', () => {
  test('is a JSON download of the caller’s own records, with nobody else’s names or words', async () => {
    const token = await h.server.tokenFor({ tenantId: team.tenantId, userId: idOf(ASHA) });
    const res = await fetch(`${h.server.url}${teamPath(team.teamId, '/me/data')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?mutual-data-team-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.json"?$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = PersonalDataResSchema.parse(JSON.parse(text)).data;

    expect(data).toMatchObject({
      format: 'mutual-personal-data',
      version: 1,
      team: { tenantId: team.tenantId, id: team.teamId, name: team.name },
      member: {
        userId: idOf(ASHA),
        name: 'Asha Asker',
        email: p(ASHA).email,
        role: 'member',
        active: true,
        department: 'Data platform',
        teaches: [{ name: 'SQL', level: 'expert' }],
        learns: [{ name: 'Kotlin', level: 'beginner' }],
        optedIn: true,
        quietHours: { start: '19:00', end: '08:00' },
        timeZone: 'Europe/Lisbon',
      },
      rounds: [
        {
          id: ROUND_ID,
          program: 'blocker_buddy',
          placed: true,
          partnerIds: [idOf(BRUNO)],
          // Her own name, her partner unnamed: the reason is stored as ids and rendered for her.
          reason: 'Asha Asker and your partner have not been paired before.',
        },
      ],
      checkIns: [{ roundId: ROUND_ID, answer: 'met' }],
    });
    expect(data.helpRequests.asked).toHaveLength(1);
    expect(data.helpRequests.asked[0]).toMatchObject({
      id: ashaRequest,
      status: 'resolved',
      blocker: 'ASHA-BLOCKER the export fails',
      source: { text: 'ASHA-QUOTE nightly job log' },
      helperId: idOf(BRUNO),
      buddyId: idOf(BRUNO),
    });
    expect(data.helpRequests.involved).toEqual([
      expect.objectContaining({ id: brunoRequest, role: 'helper', resolvedByYou: false }),
    ]);
    expect(data.kudos.given).toEqual([
      expect.objectContaining({ toIds: [idOf(BRUNO)], story: 'ASHA-STORY thanks, Bruno' }),
    ]);
    expect(data.kudos.received).toEqual([expect.objectContaining({ fromId: idOf(BRUNO) })]);
    // The quoted message's author is not named; the words others wrote to her are not hers.
    expect(data.helpRequests.asked[0]!.source).not.toHaveProperty('authorName');
    expect(data.kudos.received[0]).not.toHaveProperty('story');
    expect(data.compact.proposals.map((x) => [x.id, x.text, x.reason])).toEqual([
      [ashaProposal.id, 'ASHA-CLAUSE We pair on Fridays.', 'ASHA-REASON'],
    ]);
    expect(data.compact.stances.map((s) => [s.proposalId, s.stance, s.comment]).sort()).toEqual(
      [
        [ashaProposal.id, 'endorse', ''],
        [brunoProposal.id, 'endorse', 'ASHA-COMMENT yes please'],
      ].sort(),
    );
    expect(data.compact.acknowledgements).toEqual([{ version: 1, at: expect.any(String) }]);
    // Bruno's request told Asha first, in her 1:1 chat: that notification is hers (not its text).
    expect(data.notifications.map((n) => n.id)).toContain(`help~${brunoRequest}~post~buddy`);
    expect(data.chat).toMatchObject({ closed: false });
    expect(data.notIncluded.join(' ')).toMatch(/pulse/i);

    for (const theirs of [
      'BRUNO-BLOCKER',
      'BRUNO-QUOTE',
      'BRUNO-OBJECTION',
      'BRUNO-CLAUSE',
      'BRUNO-REASON',
      'BRUNO-DEPARTMENT',
      'BRUNO-STORY',
      'in the channel', // the quoted message's author
      'CARLA-COMMENT',
      'Bruno Bright',
      'Olga Owner',
      'Carla Cruz',
      p(BRUNO).email!,
      'Card', // no card bodies
    ])
      expect(text).not.toContain(theirs);
  });

  test('the user comes only from the token: a user id in the query is ignored, strangers and other tenants get nothing', async () => {
    const bruno = await api(p(BRUNO), 'GET', `/me/data?userId=${idOf(ASHA)}`);
    expect(bruno.status).toBe(200);
    const data = PersonalDataResSchema.parse(bruno.body).data;
    expect(data.member.userId).toBe(idOf(BRUNO));
    const text = JSON.stringify(data);
    for (const hers of ['ASHA-BLOCKER', 'ASHA-QUOTE', 'ASHA-COMMENT', 'ASHA-CLAUSE', 'Asha Asker'])
      expect(text).not.toContain(hers);
    // Kudos Asha gave Bruno are in his export as who thanked him, without her words.
    expect(data.kudos.received[0]?.fromId).toBe(idOf(ASHA));
    expect(text).not.toContain('ASHA-STORY');

    const stranger = buildAccount();
    expect((await api(stranger, 'GET', '/me/data')).status).toBe(403);
    expect((await api(stranger, 'DELETE', '/me/data', { confirm: 'delete' })).status).toBe(403);
    const elsewhere = { ...team, tenantId: randomUUID() };
    expect((await h.apiAs(elsewhere, p(ASHA), '/me/data')).status).toBe(404);
    expect(
      (await call(`${h.server.url}${teamPath(team.teamId, '/me/data')}`, { method: 'GET' })).status,
    ).toBe(401);
  });

  test('deleting with someone else’s user id in the body deletes only the caller’s own data', async () => {
    const before = await snapshot();
    const res = await api(p(OLGA), 'DELETE', '/me/data', {
      confirm: 'delete',
      userId: idOf(ASHA),
    });
    expect(res.status).toBe(200);
    const after = await snapshot();
    const others = (s: typeof before) => ({
      ...s,
      members: s.members.filter((m) => m.userId !== idOf(OLGA)),
    });
    expect(others(after)).toEqual(others(before));
    expect(after.members.find((m) => m.userId === idOf(OLGA))).toMatchObject({
      name: '',
      active: false,
    });
    expect((await exportOf(p(ASHA))).member.name).toBe('Asha Asker');
  });
});

describe('delete my data', () => {
  test('asks for the confirmation and changes nothing without it', async () => {
    const before = await snapshot();
    for (const body of [undefined, {}, { confirm: 'yes' }, { confirm: 'DELETE' }]) {
      const res = await api<ErrorBody>(p(ASHA), 'DELETE', '/me/data', body);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe('confirm');
    }
    expect(await snapshot()).toEqual(before);
  });

  test('removes what is only hers, anonymises what others’ history needs, and keeps the rest', async () => {
    const ref = refOf(team);
    const before = await snapshot();
    const channelPost = (await h.server.ports.notifications.get(
      ref,
      `help~${ashaRequest}~post~channel`,
    ))!.value;

    const res = await api(p(ASHA), 'DELETE', '/me/data', { confirm: 'delete' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = PersonalDataDeletionResSchema.parse(res.body).data;
    expect(report).toMatchObject({
      profileCleared: true,
      removed: { checkIns: 1, acknowledgements: 1, stances: 2, chat: 1 },
      anonymised: { proposals: 2, kudos: 1, helpRequests: 1 },
    });
    expect(report.removed.notifications).toBeGreaterThanOrEqual(1);

    const after = await snapshot();
    const asha = after.members.find((m) => m.userId === idOf(ASHA))!;
    const was = before.members.find((m) => m.userId === idOf(ASHA))!;
    expect(asha).toEqual(forgetMember(was));
    expect(asha).toMatchObject({
      userId: idOf(ASHA),
      name: '',
      email: '',
      department: '',
      teaches: [],
      learns: [],
      optedIn: false,
      quietHours: null,
      active: false,
      joinedAt: was.joinedAt,
    });
    // The others' rows are as they were.
    expect(after.members.filter((m) => m.userId !== idOf(ASHA))).toEqual(
      before.members.filter((m) => m.userId !== idOf(ASHA)),
    );

    // Her request keeps its counts and people, not her words or the message she quoted.
    const hers = after.help.find((r) => r.id === ashaRequest)!;
    const hersBefore = before.help.find((r) => r.id === ashaRequest)!;
    expect(hers).toEqual({
      ...hersBefore,
      blocker: DELETED_TEXT,
      source: { id: hersBefore.source.id, text: DELETED_TEXT, authorName: '', link: '' },
      revision: hersBefore.revision + 1,
    });
    expect(after.help.find((r) => r.id === brunoRequest)).toEqual(
      before.help.find((r) => r.id === brunoRequest),
    );

    // Her proposal stays for the team, credited to a former member, without her stance.
    const mine = after.proposals.find((x) => x.id === ashaProposal.id)!;
    expect(mine).toMatchObject({
      proposedBy: FORMER_MEMBER,
      text: 'ASHA-CLAUSE We pair on Fridays.',
      reason: 'ASHA-REASON',
    });
    expect(mine.stances.map((s) => [s.userId, s.comment])).toEqual([
      [idOf(BRUNO), 'BRUNO-OBJECTION Fridays are busy'],
    ]);
    const his = after.proposals.find((x) => x.id === brunoProposal.id)!;
    expect(his.stances.map((s) => s.userId).sort()).toEqual([idOf(BRUNO), idOf(CARLA)].sort());

    expect(after.kudos.find((k) => k.fromId === idOf(ASHA))).toMatchObject({
      story: '',
      toIds: [idOf(BRUNO)],
    });
    expect(after.kudos.find((k) => k.fromId === idOf(BRUNO))?.story).toBe(
      'BRUNO-STORY thanks, Asha',
    );
    expect(after.acks.map((a) => a.userId).sort()).toEqual([idOf(BRUNO), idOf(CARLA)].sort());
    expect(await h.server.ports.checkIns.get(ref, ROUND_ID, idOf(ASHA))).toBeUndefined();
    expect(await h.server.ports.checkIns.get(ref, ROUND_ID, idOf(BRUNO))).toBeDefined();
    expect(await h.server.ports.notifications.listTo(ref, idOf(ASHA))).toEqual([]);
    expect(await h.server.ports.conversations.get(ref, `member:${idOf(ASHA)}`)).toBeUndefined();
    // The round stays, with her id, so Bruno's history and repeat-avoidance still hold.
    expect((await h.server.ports.rounds.get(ref, ROUND_ID))?.value.groups[0]?.members).toContain(
      idOf(ASHA),
    );

    // No stored copy of a card about her request keeps her words, and Teams is told to redraw
    // the channel card from the redacted request.
    const records = await h.server.ports.notifications.listByPrefix(ref, `help~${ashaRequest}~`);
    expect(JSON.stringify(records)).not.toMatch(/ASHA-BLOCKER|ASHA-QUOTE|Asha Asker/);
    await until(
      () =>
        h.connector.updated.some(
          (u) =>
            u.activityId === channelPost.activityId &&
            shown(u.activity).includes(DELETED_TEXT) &&
            shown(u.activity).includes('A former member asks for help'),
        ),
      'the channel card to be redrawn',
    );
    const redrawn = h.connector.updated
      .filter((u) => u.activityId === channelPost.activityId)
      .at(-1)!;
    expect(shown(redrawn.activity)).not.toMatch(/ASHA-BLOCKER|ASHA-QUOTE|Asha Asker/);

    // What the others see now.
    const board = HelpBoardResSchema.parse(await ok(p(BRUNO), 'GET', '/help')).data;
    expect(board.requests.find((r) => r.id === ashaRequest)).toMatchObject({
      requester: { id: idOf(ASHA), name: 'A former member' },
      blocker: DELETED_TEXT,
      source: { text: DELETED_TEXT },
    });
    const compact = CompactOverviewResSchema.parse(
      await ok(p(BRUNO), 'GET', '/compact/overview'),
    ).data;
    expect(compact.proposals.find((x) => x.id === ashaProposal.id)?.proposedBy.name).toBe(
      'A former member',
    );
    expect(compact.members.map((m) => m.id)).not.toContain(idOf(ASHA));

    // She is out of the team in Mutual; her leftovers are hers to see.
    expect((await api(p(ASHA), 'GET', '')).status).toBe(403);
    const token = await h.server.tokenFor({ tenantId: team.tenantId, userId: idOf(ASHA) });
    const me = MeResSchema.parse((await call(`${h.server.url}/api/me`, { token })).body).data;
    expect(me.teams).toEqual([]);
    const left: PersonalDataDto = await exportOf(p(ASHA));
    expect(left.member).toMatchObject({ name: '', active: false, department: '' });
    expect(left.helpRequests.asked[0]?.blocker).toBe(DELETED_TEXT);
    expect(left.kudos.given[0]?.story).toBe('');
    expect(left.compact).toMatchObject({ proposals: [], stances: [], acknowledgements: [] });
    expect(left.checkIns).toEqual([]);
    expect(left.notifications).toEqual([]);
    expect(left.chat).toBeNull();
  });

  test('leaves her name, e-mail and words in no table at all', async () => {
    const tables = createTableStorage({
      connectionString: inject('storageConnectionString'),
      tablePrefix: h.server.tablePrefix,
    });
    // What only she wrote or is: her name, e-mail and department, her blocker and the message
    // she quoted, her thanks, her comment. (Her proposal's text stays on purpose: the team
    // endorsed or decided on it; docs/how-it-works.md "Personal data".)
    const hers = [
      'Asha Asker',
      'asha.asker@contoso.example',
      'Data platform',
      'ASHA-BLOCKER',
      'ASHA-QUOTE',
      'ASHA-STORY',
      'ASHA-COMMENT',
    ];
    const found: string[] = [];
    for (const kind of tableKinds) {
      for await (const row of tables.table(kind).listEntities()) {
        // Card text escapes markdown (`\(`): read it as a person would.
        const text = JSON.stringify(row).replace(/\\+(.)/g, '$1');
        for (const needle of hers)
          if (text.includes(needle)) found.push(`${kind} ${String(row.rowKey)}: ${needle}`);
      }
    }
    expect(found).toEqual([]);
  });

  test('running it again changes nothing and says so', async () => {
    const before = await snapshot();
    const res = await api(p(ASHA), 'DELETE', '/me/data', { confirm: 'delete' });
    expect(res.status).toBe(200);
    expect(PersonalDataDeletionResSchema.parse(res.body).data).toEqual({
      profileCleared: false,
      removed: {
        checkIns: 0,
        acknowledgements: 0,
        stances: 0,
        notifications: 0,
        undeliveredNotifications: 0,
        chat: 0,
      },
      anonymised: { proposals: 0, kudos: 0, helpRequests: 0 },
      released: { helpRequests: 0 },
    });
    expect(await snapshot()).toEqual(before);
  });

  test('a deletion interrupted after the member row is finished by running it again', async () => {
    const ref = refOf(team);
    // As if a run stopped right after its first write: the row is cleared, nothing else is.
    const row = (await h.server.ports.members.get(ref, idOf(CARLA)))!;
    await h.server.ports.members.update(ref, forgetMember(row.value), row.etag);

    const res = await api(p(CARLA), 'DELETE', '/me/data', { confirm: 'delete' });
    expect(res.status).toBe(200);
    expect(PersonalDataDeletionResSchema.parse(res.body).data).toMatchObject({
      profileCleared: false,
      removed: { acknowledgements: 1, stances: 1 },
      anonymised: { proposals: 1 },
    });
    const after = await snapshot();
    expect(after.acks.map((a) => a.userId)).toEqual([idOf(BRUNO)]);
    expect(after.proposals.flatMap((x) => x.stances).some((s) => s.userId === idOf(CARLA))).toBe(
      false,
    );
  });

  test('a member who deleted their data comes back through the roster as a new, not opted-in member', async () => {
    const res = await h.send(
      membersAddedToTeam({
        serviceUrl: h.connector.url,
        team,
        from: p(OLGA),
        members: [p(ASHA)],
      }),
    );
    expect(res.status).toBe(200);
    const asha = (await h.server.ports.members.get(refOf(team), idOf(ASHA)))!.value;
    expect(asha).toMatchObject({
      name: 'Asha Asker',
      active: true,
      optedIn: false,
      department: '',
      teaches: [],
    });
    expect((await api(p(ASHA), 'GET', '')).status).toBe(200);
  });
});

describe('delete my data, while requests are under way', () => {
  test('withdraws what they asked and nobody answered, and hands back what they were helping with', async () => {
    const ref = refOf(team);
    // Bruno asks; Asha (back through the roster in the test before) asks and Bruno takes it on;
    // then Bruno deletes his data.
    const his = await ask(p(BRUNO), 'BRUNO-OPEN nothing builds', 'BRUNO-OPEN-QUOTE');
    const hers = await ask(p(ASHA), 'ASHA-AGAIN the VPN drops', 'ASHA-AGAIN-QUOTE');
    await ok(p(BRUNO), 'POST', `/help/${hers}/claim`);
    const claimedAt = (await h.server.ports.help.get(ref, hers))!.value.firstResponseAt;
    expect(claimedAt).not.toBe('');
    await until(() => sent(ref, `help~${his}~post~channel`), 'the channel card of his request');

    const res = await api(p(BRUNO), 'DELETE', '/me/data', { confirm: 'delete' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = PersonalDataDeletionResSchema.parse(res.body).data;
    expect(report.released).toEqual({ helpRequests: 1 });

    // His open request is withdrawn: resolved by a former member, so no nudge or escalation acts.
    const withdrawn = (await h.server.ports.help.get(ref, his))!.value;
    expect(withdrawn).toMatchObject({
      status: 'resolved',
      resolvedBy: FORMER_MEMBER,
      blocker: DELETED_TEXT,
      helperId: '',
    });
    // Olga's request is open again for anyone, its first response kept.
    const back = (await h.server.ports.help.get(ref, hers))!.value;
    expect(back).toMatchObject({ status: 'open', helperId: '', firstResponseAt: claimedAt });
    const board = HelpBoardResSchema.parse(await ok(p(ASHA), 'GET', '/help')).data;
    expect(board.requests.find((r) => r.id === hers)).toMatchObject({ status: 'open' });
    expect(board.requests.find((r) => r.id === his)).toMatchObject({ status: 'resolved' });

    // The channel card of his request says it was withdrawn; hers offers "I can help" again.
    const post = (await h.server.ports.notifications.get(ref, `help~${his}~post~channel`))!.value;
    await until(
      () =>
        h.connector.updated.some(
          (u) =>
            u.activityId === post.activityId &&
            shown(u.activity).includes('Withdrawn: the person who asked deleted their data.'),
        ),
      'his channel card to say it was withdrawn',
    );
    await until(async () => {
      const herPost = (await h.server.ports.notifications.get(ref, `help~${hers}~post~channel`))
        ?.value;
      return h.connector.updated.some(
        (u) =>
          u.activityId === herPost?.activityId &&
          shown(u.activity).includes('I can help') &&
          !shown(u.activity).includes('Bruno Bright'),
      );
    }, 'her channel card to offer help again');

    // A second run changes nothing.
    const again = await api(p(BRUNO), 'DELETE', '/me/data', { confirm: 'delete' });
    expect(PersonalDataDeletionResSchema.parse(again.body).data).toMatchObject({
      anonymised: { helpRequests: 0 },
      released: { helpRequests: 0 },
    });
  });
});

describe('an owner removes a team’s data after Mutual was uninstalled', () => {
  const storage = () =>
    createTableStorage({
      connectionString: inject('storageConnectionString'),
      tablePrefix: h.server.tablePrefix,
    });

  /** Rows in the team's partition of every team table, by table. */
  async function rowsOf(ref: TeamRef) {
    const tables = storage();
    const counts: Record<string, number> = {};
    for (const kind of tableKinds.filter((k) => partitionedBy[k] === 'team')) {
      let count = 0;
      const rows = tables.table(kind).listEntities({
        queryOptions: { filter: odata`PartitionKey eq ${teamPartition(ref)}` },
      });
      for await (const _row of rows) count++;
      if (count > 0) counts[kind] = count;
    }
    return counts;
  }

  async function teamWithData() {
    const other = buildTeam();
    const [owner, member] = [buildAccount({ name: 'Otto Owner' }), buildAccount()];
    expect((await h.install(other, [owner, member], owner)).status).toBe(200);
    await ok(member, 'PUT', '/profile', { optedIn: true, department: 'Ops' }, other);
    await ok(member, 'POST', '/compact/acknowledge', { version: 1 }, other);
    await ok(
      member,
      'POST',
      '/compact/proposals',
      { kind: 'add', text: 'We rotate on-call fairly.', reason: 'Fairness' },
      other,
    );
    const request = await ask(member, 'The VPN drops', 'VPN log', other);
    const ref = refOf(other);
    await until(() => sent(ref, `help~${request}~post~channel`), 'the channel card');
    return { other, owner, member, ref };
  }

  test('is refused while Mutual is installed, to members and to strangers; then removes every row', async () => {
    const { other, owner, member, ref } = await teamWithData();
    const remove = (who: ConnectorAccount, body: unknown) =>
      api<ErrorBody>(who, 'DELETE', '/data', body, other);
    const stored = await rowsOf(ref);
    expect(Object.keys(stored)).toEqual(
      expect.arrayContaining(['teams', 'members', 'compacts', 'help', 'notifications']),
    );

    const installed = await remove(owner, { confirm: other.name });
    expect(installed.status).toBe(409);
    expect(installed.body.error.message).toMatch(/still installed/);
    expect(await rowsOf(ref)).toEqual(stored);

    expect(
      (
        await h.send(
          installationUpdate({ serviceUrl: h.connector.url, team: other, action: 'remove' }),
        )
      ).status,
    ).toBe(200);
    expect((await h.server.ports.teams.get(ref))?.value.active).toBe(false);

    // My profile offers the removal to the owner, and only to the owner.
    const meOf = async (who: ConnectorAccount) => {
      const token = await h.server.tokenFor({ tenantId: other.tenantId, userId: who.aadObjectId! });
      return MeResSchema.parse((await call(`${h.server.url}/api/me`, { token })).body).data;
    };
    expect(await meOf(owner)).toMatchObject({
      teams: [],
      removedTeams: [{ id: other.teamId, name: other.name }],
    });
    expect((await meOf(member)).removedTeams).toEqual([]);

    expect((await remove(member, { confirm: other.name })).status).toBe(403);
    expect((await remove(buildAccount(), { confirm: other.name })).status).toBe(403);
    const wrong = await remove(owner, { confirm: 'Some other team' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.field).toBe('confirm');
    expect((await remove(owner, {})).status).toBe(400);
    expect(await rowsOf(ref)).toEqual(stored);

    const done = await remove(owner, { confirm: other.name });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const total = Object.values(stored).reduce((a, b) => a + b, 0);
    expect(TeamDataRemovalResSchema.parse(done.body).data.removedRows).toBe(total);
    expect((await meOf(owner)).removedTeams).toEqual([]);
    expect(await rowsOf(ref)).toEqual({});
    for (const who of [owner, member])
      expect(await h.server.ports.members.teamsOf(other.tenantId, who.aadObjectId!)).toEqual([]);
    // Nothing of another team went with it.
    expect((await h.server.ports.teams.get(refOf(team)))?.value.active).toBe(true);
    expect((await h.server.ports.members.list(refOf(team))).length).toBe(people.length);

    expect((await remove(owner, { confirm: other.name })).status).toBe(404);
  });

  test('a removal interrupted after the team row went is finished by the owner running it again', async () => {
    const { other, owner, member, ref } = await teamWithData();
    const removed = await h.send(
      botRemovedFromTeam({ serviceUrl: h.connector.url, team: other, from: owner }),
    );
    expect(removed.status).toBe(200);
    // As if the first run stopped after the team row: only member rows are left.
    await h.server.ports.teamData.purgeRecords(ref);
    const row = (await h.server.ports.teams.get(ref))!;
    await h.server.ports.teams.remove(ref, row.etag);
    expect(Object.keys(await rowsOf(ref))).toEqual(['members']);

    const remove = (who: ConnectorAccount) =>
      api(who, 'DELETE', '/data', { confirm: 'the name went with the team row' }, other);
    expect((await remove(member)).status).toBe(403);
    expect((await remove(owner)).status).toBe(200);
    expect(await rowsOf(ref)).toEqual({});
    expect(await h.server.ports.members.teamsOf(other.tenantId, member.aadObjectId!)).toEqual([]);
  });
});
