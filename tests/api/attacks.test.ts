import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ProfileResSchema,
  ProposalResSchema,
  RoundResSchema,
  type ProgramUpdateReq,
} from '../../src/api/contract';
import type { ProgramKind } from '../../src/core/rotations/program';
import { helpRequestId } from '../../src/core/help/help-request';
import { escapeCardText } from '../../bot/cards/escape';
import { renderSafeMarkdown } from '../../src/tab/ui/cards/safe-markdown';
import { refOf, startBotHarness, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import {
  buildAccount,
  buildTeam,
  channelCardAction,
  membersRemovedFromTeam,
  messageActionSubmit,
  type MessagePayloadFixture,
  type TeamFixture,
} from '../support/teams-activities';
import { guid } from '../support/tokens';
import { until } from '../support/wait';

/**
 * The API's attack list beyond the token checks (tests/api/authentication.test.ts): who may touch a
 * team's data. Each attack runs against the real server (local mode, verified tokens from the dev
 * issuer, the bot fed Teams-shaped activities) and must be refused, with every store of the target
 * team unchanged and nothing sent.
 *
 * Team B is the target: an owner, a requester with an open help request and an open proposal, an
 * ordinary member (Mallory, the attacker inside the team), a victim, and a member who has left.
 * Team A, in the same tenant, has its own owner and member (attackers from next door).
 */
let h: BotHarness;
let teamA: TeamFixture;
let teamB: TeamFixture;
let ownerA: ConnectorAccount;
let memberA: ConnectorAccount;
let ownerB: ConnectorAccount;
let askerB: ConnectorAccount;
let mallory: ConnectorAccount;
let victim: ConnectorAccount;
let leaver: ConnectorAccount;
/** The state the routes name: a draft round, an open proposal, an open help request. */
const target = { roundId: '', roundRevision: 0, a: '', b: '', proposalId: '', proposalRevision: 0 };
let helpId = '';

const skillShare: ProgramUpdateReq = {
  enabled: true,
  cadence: 'weekly',
  weekday: 1,
  hour: 9,
  timeZone: 'Europe/Lisbon',
  groupSize: 2,
  preview: true,
  sprintWeeks: 2,
};

/** Waits until the connector has heard nothing new for a while (the outbox is idle). */
async function settled() {
  let seen = -1;
  while (seen !== h.connector.requests.length) {
    seen = h.connector.requests.length;
    await new Promise((r) => setTimeout(r, 1_500));
  }
  return seen;
}

const message = (id: string, html: string): MessagePayloadFixture => ({
  id,
  html,
  authorName: 'Someone in the channel',
  link: `https://teams.microsoft.com/l/message/${encodeURIComponent(teamB.teamId)}/${id}`,
});

/** Submits "Ask for help" on a channel message of team B, as `from`. */
async function askForHelp(from: ConnectorAccount, msg: MessagePayloadFixture, blocker: string) {
  const res = await h.send(
    messageActionSubmit({
      serviceUrl: h.connector.url,
      team: teamB,
      from,
      message: msg,
      data: { action: 'createHelpRequest', messageId: msg.id, blocker, urgency: 'normal' },
    }),
  );
  expect(res.status).toBe(200);
  return (res.body as { task: { type: string; value: unknown } }).task;
}

beforeAll(async () => {
  h = await startBotHarness();
  teamA = buildTeam();
  teamB = buildTeam({ tenantId: teamA.tenantId });
  [ownerA, memberA] = [buildAccount({ name: 'Alma Owner' }), buildAccount({ name: 'Abe Member' })];
  ownerB = buildAccount({ name: 'Bea Owner' });
  askerB = buildAccount({ name: 'Bo Asker' });
  mallory = buildAccount({ name: 'Mallory Member' });
  victim = buildAccount({ name: 'Vic Victim' });
  leaver = buildAccount({ name: 'Lee Leaver' });
  expect((await h.install(teamA, [ownerA, memberA])).status).toBe(200);
  const peopleB = [ownerB, askerB, mallory, victim, leaver];
  expect((await h.install(teamB, peopleB)).status).toBe(200);

  for (const person of peopleB) {
    const res = await h.apiAs(teamB, person, '/profile', {
      method: 'PUT',
      body: { optedIn: true, department: `Dept of ${person.name}` },
    });
    expect(res.status).toBe(200);
  }
  expect(
    (await h.apiAs(teamB, ownerB, '/programs/skill_share', { method: 'PUT', body: skillShare }))
      .status,
  ).toBe(200);
  const made = await h.apiAs(teamB, ownerB, '/programs/skill_share/rounds', { method: 'POST' });
  expect(made.status).toBe(201);
  const draft = RoundResSchema.parse(made.body).data;
  expect(draft.status).toBe('draft');
  target.roundId = draft.id;
  target.roundRevision = draft.revision;
  // Two people in different groups: what an owner's swap would exchange.
  target.a = draft.groups[0]!.members[0]!.id;
  target.b = draft.groups[1]!.members[0]!.id;

  const proposed = await h.apiAs(teamB, askerB, '/compact/proposals', {
    method: 'POST',
    body: { kind: 'add', text: 'We pair on every incident review.', reason: 'Shared context.' },
  });
  expect(proposed.status).toBe(201);
  const proposal = ProposalResSchema.parse(proposed.body).data;
  target.proposalId = proposal.id;
  target.proposalRevision = proposal.revision;

  const msg = message('1700000000001', '<p>The nightly export fails.</p>');
  expect((await askForHelp(askerB, msg, 'Which job owns the export?')).type).toBe('message');
  helpId = helpRequestId(teamB.teamId, msg.id!, askerB.aadObjectId!);

  // Lee leaves team B: Teams tells the bot.
  const left = await h.send(
    membersRemovedFromTeam({
      serviceUrl: h.connector.url,
      team: teamB,
      from: ownerB,
      members: [leaver],
    }),
  );
  expect(left.status).toBe(200);
  await settled();
});

afterAll(async () => {
  await h?.stop();
});

/** Everything Mutual stores for team B that a refused request could have changed. */
async function snapshotB() {
  const ref = refOf(teamB);
  const p = h.server.ports;
  const kinds: ProgramKind[] = ['skill_share', 'cross_check', 'blocker_buddy'];
  return {
    team: (await p.teams.get(ref))?.value,
    members: (await p.members.list(ref)).map((m) => m.value),
    programs: (await p.programs.list(ref)).map((x) => x.value),
    rounds: await Promise.all(
      kinds.map(async (k) => (await p.rounds.list(ref, k, 50)).map((x) => x.value)),
    ),
    checkIns: await p.checkIns.listForRound(ref, target.roundId),
    guardian: (await p.guardians.settings(ref))?.value,
    terms: await p.guardians.terms(ref, 50),
    compacts: await p.compacts.list(ref, 50),
    compactSettings: (await p.compactSettings.get(ref))?.value,
    reviews: await p.compactReviews.list(ref),
    acknowledgements: await p.acknowledgements.forVersion(ref, 1),
    proposals: (await p.proposals.list(ref)).map((x) => x.value),
    help: (await p.help.list(ref)).map((x) => x.value),
    kudos: await p.kudos.list(ref, 50),
    deadLetters: await p.deadLetters.list(ref, 50),
    pulses: (await p.pulses.list(ref, 50)).map((x) => x.value),
    insightSettings: (await p.insights.settings(ref))?.value,
  };
}

interface Route {
  name: string;
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  rest: () => string;
  body?: () => unknown;
}

/** Every read of a team the tab makes. */
const reads: Route[] = [
  { name: 'the team', method: 'GET', rest: () => '' },
  { name: 'its members', method: 'GET', rest: () => '/members' },
  { name: 'the compact', method: 'GET', rest: () => '/compact' },
  { name: 'the compact overview', method: 'GET', rest: () => '/compact/overview' },
  { name: 'a compact version', method: 'GET', rest: () => '/compact/versions/1' },
  { name: 'a compact diff', method: 'GET', rest: () => '/compact/diff?from=1&to=1' },
  { name: 'the compact settings', method: 'GET', rest: () => '/compact-settings' },
  { name: 'my profile there', method: 'GET', rest: () => '/profile' },
  { name: 'the programs', method: 'GET', rest: () => '/programs' },
  { name: 'the rounds', method: 'GET', rest: () => '/rounds?program=skill_share' },
  { name: 'the draft round', method: 'GET', rest: () => `/rounds/${target.roundId}` },
  { name: 'the guardian', method: 'GET', rest: () => '/guardian' },
  { name: 'the help board', method: 'GET', rest: () => '/help' },
  { name: 'the help settings', method: 'GET', rest: () => '/help-settings' },
  { name: 'the dead letters', method: 'GET', rest: () => '/dead-letters' },
  { name: 'the kudos feed', method: 'GET', rest: () => '/kudos' },
  { name: 'my kudos there', method: 'GET', rest: () => '/me/kudos' },
  { name: 'the pulses', method: 'GET', rest: () => '/pulses' },
  { name: 'the insights', method: 'GET', rest: () => '/insights?period=4w' },
  { name: 'the helper-load settings', method: 'GET', rest: () => '/insight-settings' },
];

/** Writes any member may make in their own team. */
const memberWrites: Route[] = [
  {
    name: 'change my profile',
    method: 'PUT',
    rest: () => '/profile',
    body: () => ({ department: 'Hijacked', optedIn: false }),
  },
  {
    name: 'propose a clause',
    method: 'POST',
    rest: () => '/compact/proposals',
    body: () => ({ kind: 'add', text: 'Owners answer nothing.', reason: 'Because.' }),
  },
  {
    name: 'endorse a proposal',
    method: 'POST',
    rest: () => `/compact/proposals/${target.proposalId}/stance`,
    body: () => ({ stance: 'endorse', comment: '', revision: target.proposalRevision }),
  },
  {
    name: 'withdraw a proposal',
    method: 'POST',
    rest: () => `/compact/proposals/${target.proposalId}/withdraw`,
    body: () => ({ reason: 'gone', revision: target.proposalRevision }),
  },
  {
    name: 'acknowledge the compact',
    method: 'POST',
    rest: () => '/compact/acknowledge',
    body: () => ({ version: 1 }),
  },
  { name: 'claim a help request', method: 'POST', rest: () => `/help/${helpId}/claim` },
  {
    name: 'check in on a round',
    method: 'PUT',
    rest: () => `/rounds/${target.roundId}/check-in`,
    body: () => ({ answer: 'met' }),
  },
  {
    name: 'give kudos',
    method: 'POST',
    rest: () => '/kudos',
    body: () => ({ toIds: [target.a], story: 'Thanks!', requestKey: 'attack-kudos-1' }),
  },
];

/** Writes only a team owner may make (the services check the stored role). */
const ownerWrites: Route[] = [
  {
    name: 'start a pulse (owner or guardian)',
    method: 'POST',
    rest: () => '/pulses',
    body: () => ({ days: 7, minAnswers: 5 }),
  },
  {
    name: 'change the helper-load alert',
    method: 'PUT',
    rest: () => '/insight-settings',
    body: () => ({ helperLoadPercent: 20, helperLoadMinRequests: 1 }),
  },
  {
    name: 'set up a program',
    method: 'PUT',
    rest: () => '/programs/skill_share',
    body: () => ({ ...skillShare, groupSize: 3, preview: false }),
  },
  { name: 'make a round now', method: 'POST', rest: () => '/programs/cross_check/rounds' },
  {
    name: 'swap people in a draft round',
    method: 'POST',
    rest: () => `/rounds/${target.roundId}/swap`,
    body: () => ({ a: target.a, b: target.b, revision: target.roundRevision }),
  },
  {
    name: 'publish a round',
    method: 'POST',
    rest: () => `/rounds/${target.roundId}/publish`,
    body: () => ({ revision: target.roundRevision }),
  },
  {
    name: 'turn the guardian rotation on',
    method: 'PUT',
    rest: () => '/guardian',
    body: () => ({ enabled: true, everyMonths: 3 }),
  },
  { name: 'rotate the guardian now', method: 'POST', rest: () => '/guardian/rotate' },
  {
    name: 'choose the help channel',
    method: 'PUT',
    rest: () => '/help-settings',
    body: () => ({ channelId: teamB.teamId }),
  },
  {
    name: 'change the compact settings',
    method: 'PUT',
    rest: () => '/compact-settings',
    body: () => ({ adoptionRule: 'majority', reviewEveryMonths: 6, nextReviewOn: '2031-01-06' }),
  },
  {
    name: 'record a compact review',
    method: 'POST',
    rest: () => '/compact/reviews',
    body: () => ({ heldOn: '2026-01-05', participantIds: [], note: 'We met.' }),
  },
  {
    name: 'adopt a proposal (owner rule)',
    method: 'POST',
    rest: () => `/compact/proposals/${target.proposalId}/adopt`,
    body: () => ({ revision: target.proposalRevision }),
  },
  {
    name: 'decline a proposal',
    method: 'POST',
    rest: () => `/compact/proposals/${target.proposalId}/decline`,
    body: () => ({ reason: 'No.', revision: target.proposalRevision }),
  },
  {
    name: 'retry a dead letter',
    method: 'POST',
    rest: () => '/dead-letters/help~x~post~channel/retry',
  },
  {
    name: 'discard a dead letter',
    method: 'DELETE',
    rest: () => '/dead-letters/help~x~post~channel',
  },
];

/**
 * Calls each route of team B as `who` (a token for `tenantId`, team B's by default) and answers
 * the statuses and error codes by route name, whether any body leaked a team B member's name, and
 * whether anything was stored or sent.
 */
async function attempt(who: ConnectorAccount, routes: readonly Route[], tenantId = teamB.tenantId) {
  await settled();
  const before = await snapshotB();
  const sentBefore = h.connector.requests.length;
  const answers: Record<string, string> = {};
  const bodies: string[] = [];
  for (const route of routes) {
    const res = await h.apiAs<{ error?: { code: string } }>(
      { ...teamB, tenantId },
      who,
      route.rest(),
      { method: route.method, ...(route.body ? { body: route.body() } : {}) },
    );
    answers[route.name] = `${res.status} ${res.body?.error?.code ?? ''}`.trim();
    bodies.push(JSON.stringify(res.body));
    // Stay under the per-user rate limit (20 a second), which would answer 429 instead.
    await new Promise((r) => setTimeout(r, 60));
  }
  const names = [ownerB, askerB, victim, leaver].map((p) => p.name);
  const leaked = bodies.some((b) => names.some((n) => b.includes(n)));
  await settled();
  return {
    answers,
    leaked,
    unchanged: JSON.stringify(await snapshotB()) === JSON.stringify(before),
    sent: h.connector.requests.length - sentBefore,
  };
}

const all = (routes: readonly Route[], answer: string) =>
  Object.fromEntries(routes.map((r) => [r.name, answer]));

describe('a valid user of team A against team B (same tenant)', () => {
  test('reads nothing of team B: 403 on every read, no name of B in any answer', async () => {
    const result = await attempt(memberA, reads);

    expect(result.answers).toEqual(all(reads, '403 forbidden'));
    expect(result.leaked).toBe(false);
  });

  test('writes nothing to team B: 403 on every write, nothing stored or sent', async () => {
    const writes = [...memberWrites, ...ownerWrites];

    const result = await attempt(memberA, writes);

    expect(result.answers).toEqual(all(writes, '403 forbidden'));
    expect(result.unchanged).toBe(true);
    expect(result.sent).toBe(0);
  });

  test('being an owner of team A gives no owner rights in team B', async () => {
    const result = await attempt(ownerA, ownerWrites);

    expect(result.answers).toEqual(all(ownerWrites, '403 forbidden'));
    expect(result.unchanged).toBe(true);
    expect(result.sent).toBe(0);
  });
});

describe('a member of team B whose token names another tenant', () => {
  test('cannot even name team B: 404 on every read and write, nothing stored', async () => {
    const routes = [...reads, ...memberWrites, ...ownerWrites];

    const result = await attempt(askerB, routes, guid());

    expect(result.answers).toEqual(all(routes, '404 not_found'));
    expect(result.leaked).toBe(false);
    expect(result.unchanged).toBe(true);
    expect(result.sent).toBe(0);
  });
});

describe('a member calling owner-only actions', () => {
  test('is refused 403 by the service on every owner action, and nothing changes', async () => {
    const result = await attempt(mallory, ownerWrites);

    expect(result.answers).toEqual(all(ownerWrites, '403 forbidden'));
    expect(result.unchanged).toBe(true);
    expect(result.sent).toBe(0);
  });

  test('the control: the same member may read the team and act as a member', async () => {
    const res = await h.apiAs(teamB, mallory, '/members');
    expect(res.status).toBe(200);
  });

  test('the control: the owner’s same request is let through and the snapshot sees it', async () => {
    const guardian = ownerWrites.find((r) => r.rest() === '/guardian')!;

    const result = await attempt(ownerB, [guardian]);

    expect(result.answers).toEqual({ [guardian.name]: '200' });
    expect(result.unchanged).toBe(false);
  });
});

describe('a member removed from team B (Teams told the bot)', () => {
  test('the roster marks them inactive', async () => {
    const row = await h.server.ports.members.get(refOf(teamB), leaver.aadObjectId!);
    expect(row?.value.active).toBe(false);
  });

  test('reads and writes nothing over the API: 403 everywhere, nothing stored or sent', async () => {
    const routes = [...reads, ...memberWrites, ...ownerWrites];

    const result = await attempt(leaver, routes);

    expect(result.answers).toEqual(all(routes, '403 forbidden'));
    expect(result.leaked).toBe(false);
    expect(result.unchanged).toBe(true);
    expect(result.sent).toBe(0);
  });

  test('cannot ask for help through the message action: refused, no request stored', async () => {
    await settled();
    const before = await snapshotB();

    const task = await askForHelp(
      leaver,
      message('1700000000002', '<p>Still here?</p>'),
      'Let me in',
    );

    expect(task.type).toBe('message');
    expect(task.value).toBe('You are not a member of this team.');
    expect(JSON.stringify(await snapshotB())).toBe(JSON.stringify(before));
  });

  test('cannot press "I can help" on the team’s card: refused, the request unchanged', async () => {
    const before = await snapshotB();

    const res = await h.send(
      channelCardAction({
        serviceUrl: h.connector.url,
        team: teamB,
        from: leaver,
        verb: 'help.claim',
        data: { teamId: teamB.teamId, requestId: helpId },
      }),
    );

    expect(res.status).toBe(200);
    expect((res.body as { value: unknown }).value).toBe('You are not a member of this team.');
    expect(JSON.stringify(await snapshotB())).toBe(JSON.stringify(before));
  });
});

describe('a user id supplied by the client, differing from the token', () => {
  const victimProfile = async () =>
    (await h.server.ports.members.get(refOf(teamB), victim.aadObjectId!))!.value;

  test('in a profile update, changes only the caller’s own profile', async () => {
    const before = await victimProfile();
    const impersonation = {
      userId: victim.aadObjectId,
      id: victim.aadObjectId,
      oid: victim.aadObjectId,
      tid: guid(),
    };

    const res = await h.apiAs(teamB, mallory, '/profile', {
      method: 'PUT',
      body: { ...impersonation, department: 'Changed by Mallory' },
    });

    expect(res.status).toBe(200);
    expect(ProfileResSchema.parse(res.body).data.id).toBe(mallory.aadObjectId);
    expect(await victimProfile()).toEqual(before);
    const own = await h.server.ports.members.get(refOf(teamB), mallory.aadObjectId!);
    expect(own?.value.department).toBe('Changed by Mallory');
  });

  test('in a query string or a header, is ignored: the caller reads their own profile', async () => {
    const res = await h.apiAs(
      teamB,
      mallory,
      `/profile?userId=${victim.aadObjectId}&oid=${victim.aadObjectId}`,
    );

    expect(res.status).toBe(200);
    expect(ProfileResSchema.parse(res.body).data).toMatchObject({
      id: mallory.aadObjectId,
      name: mallory.name,
    });
    const token = await h.server.tokenFor({
      tenantId: teamB.tenantId,
      userId: mallory.aadObjectId!,
    });
    const me = await fetch(`${h.server.url}/api/me`, {
      headers: {
        authorization: `Bearer ${token}`,
        'x-user-id': victim.aadObjectId!,
        'x-ms-client-principal-id': victim.aadObjectId!,
      },
    });
    expect(((await me.json()) as { data: { user: { id: string } } }).data.user.id).toBe(
      mallory.aadObjectId,
    );
  });

  test('in a proposal, does not make someone else its author', async () => {
    const res = await h.apiAs(teamB, mallory, '/compact/proposals', {
      method: 'POST',
      body: {
        kind: 'add',
        text: 'Everyone reviews on Fridays.',
        reason: 'Rhythm.',
        proposedBy: victim.aadObjectId,
        userId: victim.aadObjectId,
      },
    });

    expect(res.status).toBe(201);
    const id = ProposalResSchema.parse(res.body).data.id;
    const stored = await h.server.ports.proposals.get(refOf(teamB), id);
    expect(stored?.value.proposedBy).toBe(mallory.aadObjectId);
    expect(stored?.value.stances.map((s) => s.userId)).toEqual([mallory.aadObjectId]);
  });

  test('in a help claim, does not make someone else the helper', async () => {
    const res = await h.apiAs(teamB, mallory, `/help/${helpId}/claim`, {
      method: 'POST',
      body: { userId: victim.aadObjectId, helperId: victim.aadObjectId },
    });

    expect(res.status).toBe(200);
    const stored = await h.server.ports.help.get(refOf(teamB), helpId);
    expect(stored?.value.helperId).toBe(mallory.aadObjectId);
  });
});

describe('injection through text a member writes', () => {
  const tricky =
    '**Urgent** [click](https://evil.example) <at>Bea Owner</at> ${process.env.SECRET} {{DATE(2020-01-01T00:00:00Z)}}';

  test('a proposal’s text is stored as typed and reaches members’ cards escaped', async () => {
    const proposed = await h.apiAs(teamB, askerB, '/compact/proposals', {
      method: 'POST',
      body: { kind: 'add', text: tricky, reason: tricky },
    });
    expect(proposed.status).toBe(201);
    const proposal = ProposalResSchema.parse(proposed.body).data;
    expect((await h.server.ports.proposals.get(refOf(teamB), proposal.id))?.value.text).toBe(
      tricky,
    );

    const adopted = await h.apiAs(teamB, ownerB, `/compact/proposals/${proposal.id}/adopt`, {
      method: 'POST',
      body: { revision: proposal.revision },
    });
    expect(adopted.status).toBe(200);
    const version = ProposalResSchema.parse(adopted.body).data.adoptedVersion;

    const cards = () =>
      h.connector.sent
        .map((s) => JSON.stringify(s.activity))
        .filter((a) => a.includes('evil.example') && a.includes(`version ${version}`));
    await until(() => cards().length > 0, 'an acknowledgement card with the new clause');
    for (const card of cards()) {
      expect(card).toContain(JSON.stringify(escapeCardText(tricky)).slice(1, -1));
      expect(card).not.toContain('[click](https://evil.example)');
      expect(card).not.toContain('<at>');
      expect(card).not.toContain('"mention"');
      expect(card).toContain('${process.env.SECRET}');
      expect(card).not.toContain('{{DATE');
    }
  });

  test('the tab’s card renderer shows escaped text as text, and never emits markup from it', () => {
    const shown = renderSafeMarkdown(escapeCardText(tricky));
    expect(shown).not.toContain('<a ');
    expect(shown).not.toContain('<strong>');
    expect(shown).toContain('[click](https://evil.example)');
    expect(shown).toContain('&lt;\u200bat&gt;Bea Owner');

    // Raw HTML in card text stays text.
    expect(renderSafeMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
    // Only http(s) links become links.
    expect(renderSafeMarkdown('[x](javascript:alert(1))')).not.toContain('<a');
    // A quote in a link's address cannot close the attribute and add an event handler.
    expect(renderSafeMarkdown('[x](https://a.example/"onmouseover="alert`1`)')).toMatch(
      /^<a href="https:\/\/a\.example\/&quot;onmouseover=&quot;alert`1`" target="_blank" rel="noopener noreferrer">x<\/a>$/,
    );
  });

  test('no tab source writes HTML from data (React text and the safe renderer only)', () => {
    const dir = resolve(import.meta.dirname, '../../src/tab');
    const files = (function walk(d: string): string[] {
      return readdirSync(d).flatMap((f) => {
        const path = join(d, f);
        return statSync(path).isDirectory() ? walk(path) : /\.tsx?$/.test(f) ? [path] : [];
      });
    })(dir);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write|new Function\(|\beval\(/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the server’s log after all of the above', () => {
  test('carries ids and counts only: no name, email or text any member wrote', () => {
    const logged = JSON.stringify(h.server.logs);
    expect(h.server.logs.length).toBeGreaterThan(0);
    const personal = [
      ...[ownerA, memberA, ownerB, askerB, mallory, victim, leaver].flatMap((p) => [
        p.name,
        p.email!,
      ]),
      'Which job owns the export?',
      'The nightly export fails.',
      'We pair on every incident review.',
      'Changed by Mallory',
      'Dept of',
      'evil.example',
    ];

    expect(personal.filter((text) => logged.includes(text))).toEqual([]);
  });
});
