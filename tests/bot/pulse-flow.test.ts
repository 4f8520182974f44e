import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PulseResSchema, PulsesResSchema } from '../../src/api/contract';
import { startBotHarness, refOf, type BotHarness } from '../support/bot-harness';
import type { ConnectorAccount } from '../support/fake-connector';
import { buildAccount, buildTeam, cardAction, type TeamFixture } from '../support/teams-activities';
import { until } from '../support/wait';

/**
 * The anonymous pulse over real HTTP: started from the tab's API by an owner, asked 1:1 through
 * the outbox of everyone taking part (not the paused), answered by pressing the card as Teams
 * would and from the tab, closed, and released; with the refusals a wrong request gets, and a
 * look at the log for anything that ties a person to an answer.
 */
let h: BotHarness;
let team: TeamFixture;
let people: ConnectorAccount[];
const [OWNER, ANA, BEN, CHEN, DANA] = [0, 1, 2, 3, 4];
const p = (i: number) => people[i]!;

beforeAll(async () => {
  h = await startBotHarness();
  team = buildTeam();
  people = ['Olga Owner', 'Ana Alves', 'Ben Brook', 'Chen Chao', 'Dana Dorn', 'Eve Early'].map(
    (name) => buildAccount({ name }),
  );
  expect((await h.install(team, people)).status).toBe(200);
  const actor = (i: number) => ({ tenantId: team.tenantId, userId: p(i).aadObjectId! });
  for (const i of [OWNER, ANA, BEN, CHEN, DANA])
    await h.server.services.updateProfile(actor(i), team.teamId, { optedIn: true });
  // Dana is paused; Eve never opted in: neither is asked.
  await h.server.services.updateProfile(actor(DANA), team.teamId, { pausedUntil: '2099-12-31' });
});

afterAll(async () => {
  await h?.stop();
});

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

const api = <T = unknown>(who: ConnectorAccount, method: string, rest: string, body?: unknown) =>
  h.apiAs<T>(team, who, rest, { method, body });

const list = async (who: ConnectorAccount) => {
  const res = await api(who, 'GET', '/pulses');
  expect(res.status).toBe(200);
  return PulsesResSchema.parse(res.body).data;
};

const press = (who: ConnectorAccount, data: Record<string, unknown>) =>
  h.send(
    cardAction({
      serviceUrl: h.connector.url,
      tenantId: team.tenantId,
      from: who,
      verb: 'pulse.answer',
      data,
    }),
  );

describe('the anonymous pulse over HTTP', () => {
  test('only an owner or the Culture Guardian starts one, with bounds named by field', async () => {
    const byMember = await api<ErrorBody>(p(ANA), 'POST', '/pulses', {});
    expect(byMember.status).toBe(403);
    expect(byMember.body.error.message).toMatch(/owner or the Culture Guardian/);
    const bad: [Record<string, unknown>, string][] = [
      [{ minAnswers: 2 }, 'minAnswers'],
      [{ minAnswers: 51 }, 'minAnswers'],
      [{ minAnswers: 'five' }, 'minAnswers'],
      [{ days: 0 }, 'days'],
      [{ days: 30 }, 'days'],
    ];
    for (const [body, field] of bad) {
      const res = await api<ErrorBody>(p(OWNER), 'POST', '/pulses', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    const start = await list(p(ANA));
    expect(start).toMatchObject({ pulses: [], canRun: false });
    expect((await list(p(OWNER))).canRun).toBe(true);
  });

  test('a started pulse asks each member taking part once, 1:1; answered by card and tab, closed, released', async () => {
    const started = await api(p(OWNER), 'POST', '/pulses', { days: 7, minAnswers: 3 });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const pulse = PulseResSchema.parse(started.body).data;
    expect(pulse).toMatchObject({ status: 'open', minAnswers: 3, freeTextMin: 10 });
    expect(pulse.results).toEqual({ kind: 'open' });
    expect(JSON.stringify(started.body)).not.toMatch(/hashKey|tally/);

    const second = await api<ErrorBody>(p(OWNER), 'POST', '/pulses', {});
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/already open/);

    // Four cards through the outbox (Olga, Ana, Ben, Chen), none for paused Dana or Eve.
    const cards = () =>
      h.connector.sent.filter((s) => JSON.stringify(s.activity).includes('pulse.answer'));
    await until(() => cards().length >= 4, 'four pulse cards');
    expect(cards()).toHaveLength(4);
    const asked = await h.server.ports.notifications.listByPrefix(
      refOf(team),
      `pulse~${pulse.id}~ask~`,
    );
    expect(asked.map((n) => (n.target.kind === 'member' ? n.target.userId : '')).sort()).toEqual(
      [OWNER, ANA, BEN, CHEN].map((i) => p(i).aadObjectId!.toLowerCase()).sort(),
    );
    const card = JSON.stringify(cards()[0]!.activity);
    expect(card).toMatch(/Input\.ChoiceSet/);
    expect(card).toMatch(/What one thing would make it easier to ask for help here\?/);

    // Bad answers from the tab name their field, and count nothing.
    const badAnswers: [Record<string, unknown>, string][] = [
      [{ scores: { mistakes: 9 } }, 'scores.mistakes'],
      [{ scores: { mistakes: 0 } }, 'scores.mistakes'],
      [{ scores: { salary: 3 } }, 'scores.salary'],
      [{ scores: { help: 4 }, text: 'x'.repeat(501) }, 'text'],
      [{ scores: {}, text: '  ' }, 'scores'],
    ];
    for (const [body, field] of badAnswers) {
      const res = await api<ErrorBody>(p(BEN), 'POST', `/pulses/${pulse.id}/answers`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.field, JSON.stringify(res.body)).toBe(field);
    }

    // Ana presses the card with her choices: thanked, and her answer is not echoed.
    const logsBefore = h.server.logs.length;
    const secret = 'Fewer status meetings, more pairing';
    const pressed = await press(p(ANA), {
      teamId: team.teamId,
      pulseId: pulse.id,
      'score-mistakes': '2',
      'score-questions': '4',
      'score-ideas': '',
      'score-help': '5',
      'score-boundaries': '3',
      pulseText: secret,
    });
    expect(pressed.status).toBe(200);
    const reply = pressed.body as { type: string; value: unknown };
    expect(reply.type).toBe('application/vnd.microsoft.card.adaptive');
    const replyText = JSON.stringify(reply.value);
    expect(replyText).toMatch(/recorded anonymously/);
    expect(replyText).not.toContain(secret);
    expect(replyText).not.toMatch(/pulse\.answer/);

    // Pressing again is told it was already counted.
    const again = await press(p(ANA), {
      teamId: team.teamId,
      pulseId: pulse.id,
      'score-help': '1',
    });
    expect((again.body as { value: unknown }).value).toMatch(/already answered/);

    // Ben answers in the tab; Chen on his card.
    const fromTab = await api(p(BEN), 'POST', `/pulses/${pulse.id}/answers`, {
      scores: { mistakes: 4, questions: 4, help: null },
      text: 'A weekly open hour.',
    });
    expect(fromTab.status, JSON.stringify(fromTab.body)).toBe(200);
    expect(PulseResSchema.parse(fromTab.body).data).toMatchObject({
      answeredByMe: true,
      results: { kind: 'open' },
    });
    expect(
      (
        await press(p(CHEN), {
          teamId: team.teamId,
          pulseId: pulse.id,
          'score-mistakes': '5',
          'score-help': '4',
        })
      ).status,
    ).toBe(200);
    // A member who did not answer sees the form; one who did is told so.
    expect((await list(p(OWNER))).pulses[0]!.answeredByMe).toBe(false);
    expect((await list(p(ANA))).pulses[0]!.answeredByMe).toBe(true);
    // Olga, who started it, answers too: her own answer never counts towards what she may read.
    const byRunner = await api(p(OWNER), 'POST', `/pulses/${pulse.id}/answers`, {
      scores: { mistakes: 3 },
      text: '',
    });
    expect(byRunner.status, JSON.stringify(byRunner.body)).toBe(200);

    // Nothing logged while answering names a person or carries an answer.
    const lines = JSON.stringify(h.server.logs.slice(logsBefore)).toLowerCase();
    for (const i of [ANA, BEN, CHEN])
      for (const id of [p(i).aadObjectId!, p(i).id, p(i).name])
        expect(lines).not.toContain(id.toLowerCase());
    expect(lines).not.toContain(secret.toLowerCase());

    // Only an owner or the guardian closes it; then the results are released to everyone.
    expect((await api(p(ANA), 'POST', `/pulses/${pulse.id}/close`)).status).toBe(403);
    const closed = await api(p(OWNER), 'POST', `/pulses/${pulse.id}/close`);
    expect(closed.status).toBe(200);
    const seen = (await list(p(DANA))).pulses[0]!;
    expect(seen).toMatchObject({ status: 'closed', answeredByMe: null });
    expect(seen.results).toMatchObject({ kind: 'released', answered: 4 });
    if (seen.results.kind !== 'released') throw new Error('expected released results');
    expect(seen.results.items.find((i) => i.id === 'mistakes')).toMatchObject({
      responses: 4,
      average: 3.5,
      distribution: [0, 1, 1, 1, 1],
    });
    // Nobody rated the ideas statement: too few to show.
    expect(seen.results.items.find((i) => i.id === 'ideas')).toMatchObject({ average: null });
    // Four answered, under the 11 that written answers need (10 besides the reader's).
    expect(seen.results.freeText).toEqual({ kind: 'withheld', needed: 11 });
    expect(JSON.stringify(seen)).not.toContain(secret);

    // An answer after the close is refused, on the card and in the tab.
    const late = await api<ErrorBody>(p(OWNER), 'POST', `/pulses/${pulse.id}/answers`, {
      scores: { help: 1 },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/closed/);
    const latePress = await press(p(OWNER), {
      teamId: team.teamId,
      pulseId: pulse.id,
      'score-help': '1',
    });
    expect((latePress.body as { value: unknown }).value).toMatch(/closed/);
  });
});
