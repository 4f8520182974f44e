import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CompactDiffResSchema,
  CompactOverviewResSchema,
  CompactReviewResSchema,
  CompactSettingsResSchema,
  CompactVersionResSchema,
  ProposalResSchema,
  type ProposalDto,
} from '../../src/api/contract';
import { startBotHarness, refOf, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import { buildAccount, buildTeam, cardAction, type TeamFixture } from '../support/teams-activities';
import { until } from '../support/wait';

/**
 * The Support Compact over real HTTP: the tab's API (propose, endorse, object, adopt, decline,
 * withdraw, versions, diff, settings, reviews) with verified tokens, and the acknowledgement card
 * the bot sends 1:1 after a new version, pressed in place as Teams would.
 */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OWNER, ANA, BEN, CHEN] = [0, 1, 2, 3];
const p = (i: number) => people[i]!;

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = ['Olga Owner', 'Ana Alves', 'Ben Brook', 'Chen Chao'].map((name) =>
    buildAccount({ name }),
  );
  expect((await h.install(team, people)).status).toBe(200);
  for (const person of people)
    await h.server.services.updateProfile(
      { tenantId: team.tenantId, userId: person.aadObjectId! },
      team.teamId,
      { optedIn: true },
    );
});

afterAll(async () => {
  await h?.stop();
});

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

const overview = async (who = p(ANA)) => {
  const res = await api(who, 'GET', '/compact/overview');
  expect(res.status).toBe(200);
  return CompactOverviewResSchema.parse(res.body).data;
};

const propose = async (who: ConnectorAccount, body: Record<string, unknown>) => {
  const res = await api(who, 'POST', '/compact/proposals', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return ProposalResSchema.parse(res.body).data;
};

const act = (who: ConnectorAccount, proposal: ProposalDto, action: string, body = {}) =>
  api(who, 'POST', `/compact/proposals/${proposal.id}/${action}`, {
    revision: proposal.revision,
    ...body,
  });

describe('the Support Compact over HTTP', () => {
  test('a new team starts from the template; bad proposals are refused with what to fix, and nothing is stored', async () => {
    const start = await overview();
    expect(start.current?.version).toBe(1);
    expect(start.current?.clauses.map((c) => c.id)).toContain('response-time');
    expect(start.current?.responseHours).toBe(4);
    expect(start.settings).toMatchObject({ adoptionRule: 'owner', reviewEveryMonths: 3 });
    expect(start.notAcknowledged).toHaveLength(4);

    const bad: [Record<string, unknown>, string][] = [
      [{ kind: 'add', text: '   ', reason: 'More' }, 'text'],
      [{ kind: 'add', text: 'x'.repeat(501), reason: 'More' }, 'text'],
      [{ kind: 'add', text: 'We pair on Fridays.', reason: '' }, 'reason'],
      [
        {
          kind: 'change',
          clauseId: 'response-time',
          text: 'Within no time.',
          commitmentHours: 0,
          reason: 'Faster',
        },
        'commitmentHours',
      ],
      [
        {
          kind: 'change',
          clauseId: 'response-time',
          text: 'Whenever.',
          commitmentHours: 10_000,
          reason: 'Slower',
        },
        'commitmentHours',
      ],
      [
        {
          kind: 'add',
          text: 'We answer within a day.',
          commitmentHours: 24,
          reason: 'A second time',
        },
        'commitmentHours',
      ],
      [{ kind: 'change', clauseId: 'no-such-clause', text: 'Hi', reason: 'x' }, 'clauseId'],
      [{ kind: 'rewrite', text: 'Hi', reason: 'x' }, 'kind'],
    ];
    for (const [body, field] of bad) {
      const res = await api<ErrorBody>(p(ANA), 'POST', '/compact/proposals', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
      expect(res.body.error.message.length).toBeGreaterThan(10);
    }
    expect((await overview()).proposals).toEqual([]);
  });

  test('propose, endorse, object, and the owner adopts: a new version, its diff, and the 1:1 cards acknowledged in place', async () => {
    const proposal = await propose(p(ANA), {
      kind: 'change',
      clauseId: 'response-time',
      text: 'We respond to help requests within 6 working hours, even if only to say who can help.',
      commitmentHours: 6,
      reason: 'Our Lisbon and Austin halves overlap for only a few hours.',
    });
    expect(proposal).toMatchObject({ status: 'open', endorsements: 1, myStance: 'endorse' });
    expect(proposal.can).toMatchObject({ adopt: false, withdraw: true, endorse: false });

    const endorsed = await act(p(BEN), proposal, 'stance', { stance: 'endorse', comment: 'Yes' });
    expect(endorsed.status).toBe(200);
    const afterBen = ProposalResSchema.parse(endorsed.body).data;
    // Ben endorsing twice is refused.
    const twice = await act(p(BEN), afterBen, 'stance', { stance: 'endorse', comment: '' });
    expect(twice.status).toBe(409);
    expect((twice.body as ErrorBody).error.message).toMatch(/already endorsed/);
    // An objection needs a comment.
    const silent = await act(p(CHEN), afterBen, 'stance', { stance: 'object', comment: '' });
    expect((silent.body as ErrorBody).error.field).toBe('comment');
    // A stance sent on an old revision is a conflict: the caller reloads.
    const stale = await act(p(CHEN), proposal, 'stance', { stance: 'object', comment: 'Too slow' });
    expect(stale.status).toBe(409);
    const objected = ProposalResSchema.parse(
      (await act(p(CHEN), afterBen, 'stance', { stance: 'object', comment: 'Six is too slow.' }))
        .body,
    ).data;
    expect(objected).toMatchObject({ endorsements: 2, objections: 1, revision: 3 });

    // A member cannot adopt under the owner rule; the owner can, on the revision they saw.
    const byMember = await act(p(BEN), objected, 'adopt');
    expect(byMember.status).toBe(403);
    expect((byMember.body as ErrorBody).error.message).toMatch(/Only a team owner adopts/);
    const adopted = await act(p(OWNER), objected, 'adopt');
    expect(adopted.status).toBe(200);
    expect(ProposalResSchema.parse(adopted.body).data).toMatchObject({
      status: 'adopted',
      adoptedVersion: 2,
      decidedBy: { name: 'Olga Owner' },
    });

    const after = await overview();
    expect(after.current).toMatchObject({ version: 2, responseHours: 6 });
    expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(after.versions[0]!.adoptedBy?.name).toBe('Olga Owner');

    const version1 = await api(p(ANA), 'GET', '/compact/versions/1');
    expect(CompactVersionResSchema.parse(version1.body).data.responseHours).toBe(4);
    const diff = CompactDiffResSchema.parse(
      (await api(p(ANA), 'GET', '/compact/diff?from=1&to=2')).body,
    ).data;
    const changed = diff.changes.filter((c) => c.kind === 'changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]!.kind === 'changed' && changed[0]!.words).toEqual(
      expect.arrayContaining([
        { kind: 'removed', text: '4' },
        { kind: 'added', text: '6' },
      ]),
    );
    expect(diff.changes.filter((c) => c.kind === 'same')).toHaveLength(6);
    expect((await api(p(ANA), 'GET', '/compact/diff?from=1&to=9')).status).toBe(404);
    expect((await api(p(ANA), 'GET', '/compact/diff?from=one&to=2')).status).toBe(400);

    // Each member gets the card once, 1:1, through the outbox.
    const ackCards = () =>
      h.connector.sent.filter((s) => JSON.stringify(s.activity).includes('version 2'));
    await until(() => ackCards().length >= 4, 'four acknowledgement cards');
    expect(ackCards()).toHaveLength(4);

    // Ben presses "I commit to this" in his chat: the card comes back saying so.
    const press = await h.send(
      cardAction({
        serviceUrl: h.connector.url,
        tenantId: team.tenantId,
        from: p(BEN),
        verb: 'compact.ack',
        data: { teamId: team.teamId, version: 2 },
      }),
    );
    expect(press.status).toBe(200);
    const answer = press.body as { statusCode: number; type: string; value: unknown };
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(answer.value)).toMatch(/You committed to version 2/);
    expect(JSON.stringify(answer.value)).not.toMatch(/compact\.ack/);
    // Pressing an old card (version 1) tells them to read the new one.
    const old = await h.send(
      cardAction({
        serviceUrl: h.connector.url,
        tenantId: team.tenantId,
        from: p(CHEN),
        verb: 'compact.ack',
        data: { teamId: team.teamId, version: 1 },
      }),
    );
    expect((old.body as { value: unknown }).value).toMatch(/now version 2/);

    // And from the tab.
    const ack = await api(p(ANA), 'POST', '/compact/acknowledge', { version: 2 });
    expect(ack.status).toBe(200);
    const seen = await overview(p(ANA));
    expect(seen.myAcknowledgedAt).toEqual(expect.any(String));
    expect(seen.me.name).toBe('Ana Alves');
    expect(seen.acknowledged.map((a) => a.person.name)).toEqual(['Ana Alves', 'Ben Brook']);
    expect(seen.notAcknowledged.map((m) => m.name)).toEqual(['Chen Chao', 'Olga Owner']);

    // The help flow uses the new commitment for new requests.
    const stored = await h.server.ports.compacts.current(refOf(team));
    expect(stored?.clauses.find((c) => c.id === 'response-time')?.commitment?.hours).toBe(6);
  });

  test('withdraw is the proposer’s, decline is an owner’s with a reason; a stale adoption is refused', async () => {
    const mine = await propose(p(BEN), {
      kind: 'add',
      text: 'We pair on a hard problem at least once a sprint.',
      reason: 'Pairing spreads knowledge.',
    });
    expect((await act(p(ANA), mine, 'withdraw')).status).toBe(403);
    const withdrawn = await act(p(BEN), mine, 'withdraw', { reason: 'Folding it into another' });
    expect(ProposalResSchema.parse(withdrawn.body).data.status).toBe('withdrawn');

    const a = await propose(p(ANA), {
      kind: 'remove',
      clauseId: 'share-credit',
      reason: 'Kudos cover it.',
    });
    const b = await propose(p(CHEN), {
      kind: 'change',
      clauseId: 'share-credit',
      text: 'We thank the people who helped us, by name.',
      reason: 'Shorter.',
    });
    expect((await act(p(BEN), a, 'decline', { reason: 'No' })).status).toBe(403);
    const noReason = await act(p(OWNER), a, 'decline', { reason: '' });
    expect((noReason.body as ErrorBody).error.field).toBe('reason');
    expect((await act(p(OWNER), b, 'adopt')).status).toBe(200);
    // The clause `a` removes has changed since: adopting it now is a conflict, nothing written.
    const view = await overview(p(OWNER));
    const outdated = view.proposals.find((x) => x.id === a.id)!;
    expect(outdated).toMatchObject({ outdated: true, can: { adopt: false, decline: true } });
    const stale = await act(p(OWNER), outdated, 'adopt');
    expect(stale.status).toBe(409);
    expect((stale.body as ErrorBody).error.message).toMatch(/clause changed since/);
    expect((await overview()).current?.version).toBe(3);
    const declined = await act(p(OWNER), outdated, 'decline', { reason: 'Superseded by v3.' });
    expect(ProposalResSchema.parse(declined.body).data).toMatchObject({
      status: 'declined',
      decisionNote: 'Superseded by v3.',
    });
    expect((await api(p(OWNER), 'POST', '/compact/proposals/p-bad/adopt', {})).status).toBe(400);
  });

  test('settings are the owner’s; the majority rule adopts once more than half endorse', async () => {
    const future = new Date(h.server.clock.now().getTime() + 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const settings = { adoptionRule: 'majority', reviewEveryMonths: 3, nextReviewOn: future };
    expect((await api(p(ANA), 'PUT', '/compact-settings', settings)).status).toBe(403);
    const bad = await api<ErrorBody>(p(OWNER), 'PUT', '/compact-settings', {
      ...settings,
      reviewEveryMonths: 13,
    });
    expect(bad.body.error.field).toBe('reviewEveryMonths');
    const saved = await api(p(OWNER), 'PUT', '/compact-settings', settings);
    expect(CompactSettingsResSchema.parse(saved.body).data).toMatchObject(settings);

    const proposal = await propose(p(ANA), {
      kind: 'add',
      text: 'We say when we are at capacity, and nobody is judged for it.',
      reason: 'Burnout is quiet until it is not.',
    });
    const two = ProposalResSchema.parse(
      (await act(p(BEN), proposal, 'stance', { stance: 'endorse', comment: '' })).body,
    ).data;
    expect(two.status).toBe('open');
    const three = ProposalResSchema.parse(
      (await act(p(CHEN), two, 'stance', { stance: 'endorse', comment: 'Agreed' })).body,
    ).data;
    expect(three).toMatchObject({
      status: 'adopted',
      decidedBy: { name: 'a majority of the team' },
    });
    expect((await overview()).current?.version).toBe(4);
  });

  test('a review is recorded by an owner with who took part and the versions adopted', async () => {
    const today = h.server.clock.now().toISOString().slice(0, 10);
    const body = {
      heldOn: today,
      participantIds: [p(OWNER), p(ANA), p(BEN)].map((x) => x.aadObjectId),
      note: 'Walked through every clause.',
    };
    expect((await api(p(ANA), 'POST', '/compact/reviews', body)).status).toBe(403);
    const res = await api(p(OWNER), 'POST', '/compact/reviews', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const review = CompactReviewResSchema.parse(res.body).data;
    expect(review.adoptedVersions).toEqual([2, 3, 4]);
    expect(review.participants.map((x) => x.name).sort()).toEqual([
      'Ana Alves',
      'Ben Brook',
      'Olga Owner',
    ]);
    const view = await overview();
    expect(view.reviews.map((r) => r.id)).toEqual([review.id]);
    expect(view.settings.nextReviewOn > today).toBe(true);
    expect(view.reviewOverdue).toBe(false);
  });

  test('someone outside the team reads nothing and changes nothing', async () => {
    const stranger = buildAccount({ name: 'Sam Stranger' });
    expect((await api(stranger, 'GET', '/compact/overview')).status).toBe(403);
    const res = await api(stranger, 'POST', '/compact/proposals', {
      kind: 'add',
      text: 'Hi',
      reason: 'x',
    });
    expect(res.status).toBe(403);
  });
});
