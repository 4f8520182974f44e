import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import {
  LocalTokenReqSchema,
  SandboxCardActionReqSchema,
  SandboxMessageActionReqSchema,
  SandboxSubmitReqSchema,
} from '../api/contract';
import { invalid, notFound, unavailable } from '../core/errors';
import type { Clock } from '../core/ports';
import type { DevIssuer } from './dev-issuer';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES, type DemoPerson } from './demo-team';
import type { SandboxStore } from './sandbox-store';

export interface LocalRoutesOptions {
  issuer: DevIssuer;
  sandbox: SandboxStore;
  clock: Clock;
  /** This server's own URL, known once it listens. */
  selfUrl: () => string;
}

/** The Bot Connector id the local bot goes by. */
export const LOCAL_BOT_ID = '28:local-mutual-bot';

/**
 * `/api/local/...`, local mode only: the demo identities for the user switcher, tokens from the
 * dev issuer, and the sandbox (what the bot sent, and the message action on sample messages).
 */
export function createLocalRoutes({ issuer, sandbox, clock, selfUrl }: LocalRoutesOptions): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

  /** Posts an activity to our own bot endpoint over HTTP: the sandbox runs the production path. */
  const invoke = async (activity: object) => {
    const answer = await fetch(`${selfUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return {
      ok: answer.ok,
      status: answer.status,
      body: (await answer.json().catch(() => undefined)) as unknown,
    };
  };

  const envelope = (person: DemoPerson, conversation: Record<string, unknown>) => ({
    type: 'invoke',
    id: randomUUID(),
    timestamp: clock.now().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${selfUrl()}/local/connector/`,
    from: { id: person.botUserId, name: person.name, aadObjectId: person.userId },
    recipient: { id: LOCAL_BOT_ID, name: 'Mutual' },
    conversation,
  });

  /** The invoke Teams sends when someone picks "Ask for help" on a channel message. */
  const messageActionActivity = (
    name: string,
    userId: string,
    messageId: string,
    data: Record<string, unknown>,
  ) => {
    const person = personOf(userId);
    const message = SAMPLE_MESSAGES.find((m) => m.id === messageId);
    if (!message) throw notFound('There is no sample message with that id.');
    const author = DEMO_PEOPLE.find((p) => p.userId === message.authorId);
    return {
      ...envelope(person, {
        id: `${DEMO_TEAM.teamId};messageid=${message.id}`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: DEMO_TEAM.tenantId,
      }),
      name,
      channelData: {
        tenant: { id: DEMO_TEAM.tenantId },
        team: { id: DEMO_TEAM.teamId, name: DEMO_TEAM.name },
        channel: { id: DEMO_TEAM.teamId, name: 'General' },
        source: { name: 'message' },
      },
      value: {
        commandId: 'askForHelp',
        commandContext: 'message',
        context: { theme: 'default' },
        ...(name === 'composeExtension/submitAction' ? { data } : {}),
        messagePayload: {
          id: message.id,
          messageType: 'message',
          createdDateTime: clock.now().toISOString(),
          body: { contentType: 'html', content: `<p>${escapeHtml(message.text)}</p>` },
          from: {
            user: {
              id: author?.botUserId ?? '',
              displayName: message.authorName,
              aadObjectId: message.authorId,
            },
          },
          linkToMessage: `https://teams.microsoft.com/l/message/${encodeURIComponent(DEMO_TEAM.teamId)}/${message.id}`,
        },
      },
    };
  };

  router.get('/users', (_req, res) => {
    res.json({
      data: {
        teamId: DEMO_TEAM.teamId,
        teamName: DEMO_TEAM.name,
        users: DEMO_PEOPLE.map((p) => ({
          id: p.userId,
          name: p.name,
          department: p.department,
          role: p.role ?? 'member',
        })),
      },
    });
  });

  router.post('/token', async (req, res) => {
    const { userId } = LocalTokenReqSchema.parse(req.body);
    const person = DEMO_PEOPLE.find((p) => p.userId === userId);
    if (!person) throw invalid('That user is not in the demo directory.', 'userId');
    const { token, expiresAt } = await issuer.mint({
      tenantId: DEMO_TEAM.tenantId,
      userId: person.userId,
      name: person.name,
    });
    res.json({ data: { token, expiresAt: expiresAt.toISOString() } });
  });

  router.get('/sandbox/messages', async (_req, res) => {
    res.json({ data: await sandbox.list() });
  });

  router.get('/sandbox/samples', (_req, res) => {
    res.json({ data: SAMPLE_MESSAGES });
  });

  router.post('/sandbox/message-action', async (req, res) => {
    const { userId, messageId } = SandboxMessageActionReqSchema.parse(req.body);
    const answer = await invoke(
      messageActionActivity('composeExtension/fetchTask', userId, messageId, {}),
    );
    const task = taskOf(answer.body);
    if (!answer.ok || task?.kind !== 'card')
      throw unavailable(`The bot did not answer with a task module (HTTP ${answer.status}).`);
    res.json({ data: { title: task.title, card: task.card } });
  });

  router.post('/sandbox/message-action/submit', async (req, res) => {
    const { userId, messageId, data } = SandboxSubmitReqSchema.parse(req.body);
    const answer = await invoke(
      messageActionActivity('composeExtension/submitAction', userId, messageId, data),
    );
    const task = taskOf(answer.body);
    if (!answer.ok || !task)
      throw unavailable(`The bot did not answer the submit (HTTP ${answer.status}).`);
    res.json({ data: task });
  });

  router.post('/sandbox/card-action', async (req, res) => {
    const { userId, sandboxMessageId, verb, data } = SandboxCardActionReqSchema.parse(req.body);
    const person = personOf(userId);
    const message = await sandbox.get(sandboxMessageId);
    if (!message) throw notFound('That bot message is not in the sandbox any more.');
    const personal = message.conversationId.startsWith('a:');
    const answer = await invoke({
      ...envelope(person, {
        id: message.conversationId,
        conversationType: personal ? 'personal' : 'channel',
        isGroup: !personal,
        tenantId: DEMO_TEAM.tenantId,
      }),
      name: 'adaptiveCard/action',
      replyToId: sandboxMessageId,
      channelData: {
        tenant: { id: DEMO_TEAM.tenantId },
        ...(personal ? {} : { team: { id: DEMO_TEAM.teamId, name: DEMO_TEAM.name } }),
      },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    // A refusal comes back with its own status (e.g. 400) and a body Teams shows the person.
    const body = answer.body as { type?: string; value?: unknown } | undefined;
    if (!body?.type)
      throw unavailable(`The bot did not answer the button (HTTP ${answer.status}).`);
    if (body.type === 'application/vnd.microsoft.card.adaptive') {
      // Teams shows the card the bot answered with in place of the one pressed.
      const card = (body.value ?? {}) as Record<string, unknown>;
      await sandbox.update(sandboxMessageId, {
        text: message.text,
        cards: [card],
        at: clock.now().toISOString(),
      });
      res.json({ data: { kind: 'card', card } });
      return;
    }
    const text =
      typeof body.value === 'string'
        ? body.value
        : String((body.value as { message?: unknown } | undefined)?.message ?? 'The bot refused.');
    res.json({ data: { kind: 'error', message: text } });
  });

  return router;
}

function personOf(userId: string): DemoPerson {
  const person = DEMO_PEOPLE.find((p) => p.userId === userId);
  if (!person) throw invalid('That user is not in the demo directory.', 'userId');
  return person;
}

/** A task module answer: a message, or a card (the form again). */
function taskOf(
  body: unknown,
):
  | { kind: 'message'; text: string }
  | { kind: 'card'; title: string; card: Record<string, unknown> }
  | undefined {
  const task = (body as { task?: { type?: string; value?: unknown } } | undefined)?.task;
  if (task?.type === 'message' && typeof task.value === 'string')
    return { kind: 'message', text: task.value };
  const value = task?.value as
    { title?: string; card?: { content?: Record<string, unknown> } } | undefined;
  if (task?.type === 'continue' && value?.card?.content)
    return { kind: 'card', title: value.title ?? 'Ask for help', card: value.card.content };
  return undefined;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
