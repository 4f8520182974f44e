import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  HelpBoardResSchema,
  HelpRequestResSchema,
  HelpSettingsResSchema,
} from '../../src/api/contract';
import { helpRequestId, MAX_SOURCE_TEXT } from '../../src/core/help/help-request';
import type { Round } from '../../src/core/rotations/round';
import { hourBucket } from '../../src/core/schedule/scheduled-job';
import { startBotHarness, refOf, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import {
  buildAccount,
  buildTeam,
  cardAction,
  channelCardAction,
  messageActionSubmit,
  type MessagePayloadFixture,
  type TeamFixture,
} from '../support/teams-activities';
import { until } from '../support/wait';

let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OWNER, ASKER, BUDDY, HELPER, OTHER] = [0, 1, 2, 3, 4];
const p = (i: number) => people[i]!;

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = ['Olga Owner', 'Asha Asker', 'Bruno Buddy', 'Hiro Helper', 'Omar Other'].map((name) =>
    buildAccount({ name }),
  );
  expect((await h.install(team, people)).status).toBe(200);
  const ref = refOf(team);
  for (const person of people)
    await h.server.services.updateProfile(
      { tenantId: team.tenantId, userId: person.aadObjectId! },
      team.teamId,
      { optedIn: true },
    );
  // The asker and Bruno are blocker buddies this round.
  const round: Round = {
    id: 'blocker_buddy-202601050900',
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
        members: [p(ASKER).aadObjectId!, p(BUDDY).aadObjectId!],
        reason: { kind: 'text' as const, text: 'buddies' },
        weight: 1,
      },
    ],
    unplaced: [],
    totalWeight: 1,
    method: 'exact',
    seed: 1,
  };
  await h.server.ports.rounds.create(ref, round);
});

afterAll(async () => {
  await h?.stop();
});

let messages = 0;
const message = (html: string): MessagePayloadFixture => ({
  id: `17000${String(++messages).padStart(8, '0')}`,
  html,
  authorName: 'Someone in the channel',
  link: `https://teams.microsoft.com/l/message/${encodeURIComponent(team.teamId)}/${messages}`,
});

interface TaskAnswer {
  task: { type: string; value: string | { card: { content: Record<string, unknown> } } };
}

async function submit(
  from: ConnectorAccount,
  msg: MessagePayloadFixture,
  data: Record<string, unknown>,
) {
  const res = await h.send(
    messageActionSubmit({
      serviceUrl: h.connector.url,
      team,
      from,
      message: msg,
      data: { action: 'createHelpRequest', messageId: msg.id, ...data },
    }),
  );
  expect(res.status).toBe(200);
  return (res.body as TaskAnswer).task;
}

interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: unknown;
}

async function press(from: ConnectorAccount, verb: string, requestId: string, personal = false) {
  const data = { teamId: team.teamId, requestId };
  const activity = personal
    ? cardAction({ serviceUrl: h.connector.url, tenantId: team.tenantId, from, verb, data })
    : channelCardAction({ serviceUrl: h.connector.url, team, from, verb, data });
  const res = await h.send(activity);
  expect(res.status).toBe(200);
  return res.body as InvokeAnswer;
}

const idOf = (asker: ConnectorAccount, msg: MessagePayloadFixture) =>
  helpRequestId(team.teamId, msg.id!, asker.aadObjectId!);
const stored = async (id: string) => (await h.server.ports.help.get(refOf(team), id))?.value;
const shown = (value: unknown) => JSON.stringify(value).replace(/\\\\(.)/g, '$1');

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

describe('ask for help, end to end over the bot', () => {
  test('a submit makes one request, posts the channel card and tells the buddy first', async () => {
    const msg = message('<p>The nightly export fails and the retry times out.</p>');
    const task = await submit(p(ASKER), msg, {
      blocker: 'I cannot tell whether the warehouse or the job is at fault.',
      skills: 'SQL, data pipelines',
      urgency: 'high',
    });
    expect(task.type).toBe('message');
    expect(task.value).toMatch(/posted in General/);
    expect(task.value).toMatch(/Bruno Buddy, your blocker buddy, hears first/);
    expect(task.value).toMatch(/within 4 hours/);

    const id = idOf(p(ASKER), msg);
    const request = await stored(id);
    expect(request).toMatchObject({
      status: 'open',
      buddyId: p(BUDDY).aadObjectId,
      skills: ['SQL', 'data pipelines'],
      urgency: 'high',
      responseHours: 4,
    });
    expect(Date.parse(request!.dueAt) - Date.parse(request!.createdAt)).toBe(4 * 3_600_000);

    // Teams delivers the same submit again (a retry, with a new activity id): still one request.
    const again = await submit(p(ASKER), msg, {
      blocker: 'I cannot tell whether the warehouse or the job is at fault.',
      skills: 'SQL',
      urgency: 'high',
    });
    expect(again.value).toMatch(/already asked/);
    const all = await h.server.ports.help.list(refOf(team));
    expect(all.filter((r) => r.value.id === id)).toHaveLength(1);
    expect(all.find((r) => r.value.id === id)!.value.skills).toEqual(['SQL', 'data pipelines']);

    await until(
      () => h.connector.sent.filter((s) => shown(s.activity).includes(id)).length >= 2,
      'the channel card and the buddy card',
    );
    const posts = h.connector.sent.filter((s) => shown(s.activity).includes(id));
    expect(posts).toHaveLength(2);
    const channelPost = posts.find((s) => s.conversationId === team.teamId);
    expect(shown(channelPost!.activity)).toContain('Asha Asker is blocked and asks for help');
    const buddyChat = h.connector.created.find((c) =>
      JSON.stringify(c.parameters).includes(p(BUDDY).id),
    );
    expect(buddyChat).toBeDefined();
    expect(shown(posts.find((s) => s.conversationId === buddyChat!.id)!.activity)).toContain(
      'You are Asha’s blocker buddy',
    );
    const records = await h.server.ports.notifications.listByPrefix(refOf(team), `help~${id}~`);
    expect(records.map((r) => r.id).sort()).toEqual([
      `help~${id}~post~buddy`,
      `help~${id}~post~channel`,
    ]);
  });

  test('of two simultaneous claims one wins; the other hears who has it; cards update in place', async () => {
    const msg = message('<p>Which query gives monthly cohorts?</p>');
    await submit(p(ASKER), msg, { blocker: 'I need cohorts by Thursday.', urgency: 'normal' });
    const id = idOf(p(ASKER), msg);
    await until(
      async () =>
        (await h.server.ports.notifications.get(refOf(team), `help~${id}~post~channel`))?.value
          .status === 'sent',
      'the channel card to be sent',
    );

    const [a, b] = await Promise.all([
      press(p(HELPER), 'help.claim', id),
      press(p(OTHER), 'help.claim', id),
    ]);
    const answers = [a, b];
    const won = answers.filter((x) => x.type === 'application/vnd.microsoft.card.adaptive');
    const lost = answers.filter((x) => x.type === 'application/vnd.microsoft.activity.message');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const request = await stored(id);
    expect(request!.status).toBe('claimed');
    const winner = people.find((x) => x.aadObjectId === request!.helperId)!;
    expect(lost[0]!.value).toBe(`${winner.name} is already helping with this request.`);
    expect(shown(won[0]!.value)).toContain(`${winner.name} is helping.`);
    expect(request!.firstResponseAt).not.toBe('');

    // Everyone's copy of the channel card is replaced in place by the worker.
    const channelPost = await h.server.ports.notifications.get(
      refOf(team),
      `help~${id}~post~channel`,
    );
    await until(
      () =>
        h.connector.updated.some(
          (u) =>
            u.activityId === channelPost!.value.activityId &&
            shown(u.activity).includes(`${winner.name} is helping.`),
        ),
      'the channel card to be updated',
    );

    // Only the helper can release; then someone else can claim it.
    const loser = winner === p(HELPER) ? p(OTHER) : p(HELPER);
    const refused = await press(loser, 'help.release', id);
    expect(refused.value).toBe('Only the person helping can release it.');
    const released = await press(winner, 'help.release', id);
    expect(shown(released.value)).toContain('Open for');
    expect((await stored(id))!).toMatchObject({ status: 'open', helperId: '' });
    const reclaimed = await press(loser, 'help.claim', id);
    expect(reclaimed.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await stored(id))!.helperId).toBe(loser.aadObjectId);
    // The first response stays the first claim.
    expect((await stored(id))!.firstResponseAt).toBe(request!.firstResponseAt);
  });

  test('resolve by the helper, thank by the requester (kudos), refusals for everyone else', async () => {
    const msg = message('<p>The hero banner fails the contrast check.</p>');
    await submit(p(ASKER), msg, { blocker: 'Which colours pass AA?', urgency: 'low' });
    const id = idOf(p(ASKER), msg);
    await press(p(HELPER), 'help.claim', id);

    const outsider = await press(p(OTHER), 'help.resolve', id);
    expect(outsider.value).toBe(
      'Only the person who asked, or the person helping, can resolve it.',
    );
    const early = await press(p(ASKER), 'help.thank', id);
    expect(early.value).toMatch(/once someone has helped and it is resolved/);

    const resolved = await press(p(HELPER), 'help.resolve', id);
    expect(shown(resolved.value)).toContain('Resolved after');
    const after = (await stored(id))!;
    expect(after).toMatchObject({ status: 'resolved', resolvedBy: p(HELPER).aadObjectId });

    const byHelper = await press(p(HELPER), 'help.thank', id);
    expect(byHelper.value).toBe('Only the person who asked can thank the helper.');
    // The requester thanks from their own 1:1 copy: the card is drawn for them.
    const thanked = await press(p(ASKER), 'help.thank', id, true);
    expect(thanked.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(shown(thanked.value)).toContain('and thanked');
    const twice = await press(p(ASKER), 'help.thank', id);
    expect(twice.value).toBe('You have already thanked them for this one.');

    const kudos = await h.server.ports.kudos.list(refOf(team), 50);
    const mine = kudos.filter((k) => k.helpRequestId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      fromId: p(ASKER).aadObjectId,
      toIds: [p(HELPER).aadObjectId],
    });
    expect((await stored(id))!.thankedAt).not.toBe('');
  });

  test('bad input: a clear message on the form or the card, nothing half-written', async () => {
    // An empty blocker: the form comes back with what to fix and what was typed.
    const msg = message('<p>Help?</p>');
    const empty = await submit(p(ASKER), msg, { blocker: '   ', skills: 'SQL', urgency: 'high' });
    expect(empty.type).toBe('continue');
    const form = shown(empty.value);
    expect(form).toContain('Say what blocks you, so a helper knows where to start.');
    expect(form).toContain('"value":"SQL"');
    expect(await stored(idOf(p(ASKER), msg))).toBeUndefined();

    const long = await submit(p(ASKER), msg, { blocker: 'x'.repeat(1001), urgency: 'high' });
    expect(shown(long.value)).toContain('under 1000 characters');
    const odd = await submit(p(ASKER), msg, { blocker: 'Stuck', urgency: 'yesterday' });
    expect(shown(odd.value)).toContain('Choose how urgent it is');
    expect(await stored(idOf(p(ASKER), msg))).toBeUndefined();

    // A huge message is kept to the storage limit.
    const huge = message(`<p>${'word '.repeat(8_000)}</p>`);
    await submit(p(ASKER), huge, { blocker: 'Too long to read', urgency: 'low' });
    const kept = (await stored(idOf(p(ASKER), huge)))!;
    expect(kept.source.text.length).toBeLessThanOrEqual(MAX_SOURCE_TEXT + 1);

    // Markdown, mentions and card-template syntax show as typed, never as links or mentions.
    const tricky = message('<p>see [here](https://evil.example) &lt;at&gt;Everyone&lt;/at&gt;</p>');
    const blocker =
      '**Urgent** [click](https://evil.example) <at>Olga</at> ${secret} {{DATE(2020-01-01T00:00:00Z)}}';
    await submit(p(ASKER), tricky, { blocker, urgency: 'normal' });
    const trickyId = idOf(p(ASKER), tricky);
    await until(
      () =>
        h.connector.sentTo(team.teamId).some((s) => JSON.stringify(s.activity).includes(trickyId)),
      'the tricky card',
    );
    const card = JSON.stringify(
      h.connector.sentTo(team.teamId).find((s) => JSON.stringify(s.activity).includes(trickyId))!
        .activity,
    );
    expect(card).toContain('\\\\*\\\\*Urgent\\\\*\\\\*');
    expect(card).toContain('\\\\[click\\\\]\\\\(https://evil.example\\\\)');
    expect(card).not.toContain('<at>');
    expect(card).toContain('{\u200b{DATE');
    expect(card).not.toContain('"mention"');
    expect((await stored(trickyId))!.blocker).toBe(blocker);

    // A request that does not exist, and people outside the team.
    const missing = await press(p(HELPER), 'help.claim', 'h0000000000000000');
    expect(missing.value).toBe('That help request no longer exists.');
    const stranger = buildAccount({ name: 'Sam Stranger' });
    const before = (await stored(trickyId))!;
    const outside = await press(stranger, 'help.claim', trickyId);
    expect(outside.value).toBe('You are not a member of this team.');
    const damaged = await h.send(
      channelCardAction({
        serviceUrl: h.connector.url,
        team,
        from: p(HELPER),
        verb: 'help.claim',
        data: { teamId: team.teamId, requestId: '../../etc' },
      }),
    );
    expect((damaged.body as InvokeAnswer).value).toMatch(/card is damaged/);
    expect(await stored(trickyId)).toEqual(before);

    // Outside a team (a group chat), the action says where it works.
    const { channelData: _ignored, ...inChat } = messageActionSubmit({
      serviceUrl: h.connector.url,
      team,
      from: p(ASKER),
      message: message('<p>hi</p>'),
      data: { blocker: 'x', urgency: 'low' },
    });
    const chat = await h.send({ ...inChat, channelData: { tenant: { id: team.tenantId } } });
    expect((chat.body as TaskAnswer).task.value).toMatch(/channels of a team where Mutual/);
  });

  test('owners choose the support channel; the board lists requests with what each may do', async () => {
    h.connector.setChannels(team.teamId, [{ id: '19:help-desk@thread.tacv2', name: 'Help desk' }]);
    const settings = await api(p(OWNER), 'GET', '/help-settings');
    expect(settings.status).toBe(200);
    const dto = HelpSettingsResSchema.parse(settings.body).data;
    expect(dto.supportChannel).toEqual({ id: team.teamId, name: 'General' });
    expect(dto.channels.map((c) => c.name)).toEqual(['General', 'Help desk']);

    expect(
      (await api(p(ASKER), 'PUT', '/help-settings', { channelId: '19:help-desk@thread.tacv2' }))
        .status,
    ).toBe(403);
    expect(
      (await api(p(OWNER), 'PUT', '/help-settings', { channelId: '19:nope@thread.tacv2' })).status,
    ).toBe(400);
    const saved = await api(p(OWNER), 'PUT', '/help-settings', {
      channelId: '19:help-desk@thread.tacv2',
    });
    expect(HelpSettingsResSchema.parse(saved.body).data.supportChannel.name).toBe('Help desk');

    const msg = message('<p>Deploy is stuck.</p>');
    const task = await submit(p(OTHER), msg, {
      blocker: 'The pipeline waits forever.',
      urgency: 'high',
    });
    expect(task.value).toMatch(/posted in Help desk/);
    const id = idOf(p(OTHER), msg);
    await until(
      () =>
        h.connector.sentTo('19:help-desk@thread.tacv2').some((s) => shown(s.activity).includes(id)),
      'the card in the help desk channel',
    );

    const board = HelpBoardResSchema.parse((await api(p(HELPER), 'GET', '/help')).body).data;
    const item = board.requests.find((r) => r.id === id)!;
    expect(item).toMatchObject({
      status: 'open',
      requester: { name: 'Omar Other' },
      overdue: false,
      mine: null,
      can: { claim: true, release: false, resolve: false, thank: false },
    });
    expect(item.source.link).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const claimed = await api(p(HELPER), 'POST', `/help/${id}/claim`, {});
    expect(HelpRequestResSchema.parse(claimed.body).data).toMatchObject({
      status: 'claimed',
      helper: { name: 'Hiro Helper' },
      mine: 'helper',
      can: { release: true, resolve: true },
    });
    const conflictAnswer = await api<{ error: { message: string } }>(
      p(OWNER),
      'POST',
      `/help/${id}/claim`,
      {},
    );
    expect(conflictAnswer.status).toBe(409);
    expect(conflictAnswer.body.error.message).toBe(
      'Hiro Helper is already helping with this request.',
    );
    expect((await api(p(OWNER), 'POST', `/help/${id}/resolve`, {})).status).toBe(403);
    expect((await api(p(OWNER), 'POST', `/help/${id}/dance`, {})).status).toBe(400);
  });

  // Last in the file: it moves the server's clock on by a night.
  test('the buddy’s card waits for the end of their quiet hours, then is sent once', async () => {
    const buddy = { tenantId: team.tenantId, userId: p(BUDDY).aadObjectId! };
    await h.server.services.updateProfile(buddy, team.teamId, {
      quietHours: { start: '22:00', end: '01:00' },
      timeZone: 'Europe/Lisbon',
    });
    // 23:00 in Lisbon (UTC in January): Bruno is asleep; the request is due at 03:00.
    h.server.clock.set('2026-01-07T23:00:00Z');
    const msg = message('<p>The release branch will not merge.</p>');
    const task = await submit(p(ASKER), msg, { blocker: 'Merge conflicts', urgency: 'high' });
    expect(task.value).toMatch(/Bruno Buddy, your blocker buddy, hears when their quiet hours end/);
    const id = idOf(p(ASKER), msg);
    const ref = refOf(team);
    const statusOf = async (name: string) =>
      (await h.server.ports.notifications.get(ref, `help~${id}~post~${name}`))?.value.status;
    await until(async () => (await statusOf('channel')) === 'sent', 'the channel card');
    // The channel is not a person and is not held; Bruno's card is not even filed yet.
    expect(await statusOf('buddy')).toBeUndefined();
    const cards = () =>
      h.connector.sent.filter(
        (s) => shown(s.activity).includes(id) && s.activity.text === 'Asha Asker asks for help.',
      );
    expect(cards()).toHaveLength(1);
    const filed = await h.server.ports.schedule.due(
      hourBucket(new Date('2026-01-08T01:00:00Z')),
      new Date('2026-01-08T01:59:00Z'),
      100,
    );
    // When his quiet hours end (to the second: the server's clock runs on while it works).
    expect(filed.find((j) => j.value.id === `help~${id}~buddy-first`)?.value.dueAt).toMatch(
      /^2026-01-08T01:00:00\./,
    );

    // Still asleep at 00:59: a tick sends nothing. At 01:00 his card goes, once.
    h.server.clock.set('2026-01-08T00:59:00Z');
    await h.server.runDueJobs();
    expect(await statusOf('buddy')).toBeUndefined();
    h.server.clock.set('2026-01-08T01:00:05Z');
    await h.server.runDueJobs();
    await until(async () => (await statusOf('buddy')) === 'sent', 'the buddy card after 01:00');
    await h.server.runDueJobs();
    const toBuddy = cards().filter((s) => s.conversationId.startsWith('a:'));
    expect(toBuddy).toHaveLength(1);
    expect(shown(toBuddy[0]!.activity)).toContain('You are Asha’s blocker buddy');
  });
});
