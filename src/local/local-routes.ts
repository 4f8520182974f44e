import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import { LocalTokenReqSchema, SandboxMessageActionReqSchema } from '../api/contract';
import { invalid, notFound, unavailable } from '../core/errors';
import type { DevIssuer } from './dev-issuer';
import { DEMO_PEOPLE, DEMO_TEAM, SAMPLE_MESSAGES } from './demo-team';
import type { SandboxStore } from './sandbox-store';

export interface LocalRoutesOptions {
  issuer: DevIssuer;
  sandbox: SandboxStore;
  /** This server's own URL, known once it listens. */
  selfUrl: () => string;
}

/** The Bot Connector id the local bot goes by. */
export const LOCAL_BOT_ID = '28:local-mutual-bot';

/**
 * `/api/local/...`, local mode only: the demo identities for the user switcher, tokens from the
 * dev issuer, and the sandbox (what the bot sent, and the message action on sample messages).
 */
export function createLocalRoutes({ issuer, sandbox, selfUrl }: LocalRoutesOptions): Router {
  const router = Router();
  router.use(express.json({ limit: '16kb' }));

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
    const person = DEMO_PEOPLE.find((p) => p.userId === userId);
    if (!person) throw invalid('That user is not in the demo directory.', 'userId');
    const message = SAMPLE_MESSAGES.find((m) => m.id === messageId);
    if (!message) throw notFound('There is no sample message with that id.');
    const author = DEMO_PEOPLE.find((p) => p.userId === message.authorId);

    // The same invoke Teams sends when someone picks "Ask for help" on a channel message, posted
    // to our own bot endpoint over HTTP, so the sandbox runs exactly the production path.
    const activity = {
      type: 'invoke',
      name: 'composeExtension/fetchTask',
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: `${selfUrl()}/local/connector/`,
      from: { id: person.botUserId, name: person.name, aadObjectId: person.userId },
      recipient: { id: LOCAL_BOT_ID, name: 'Mutual' },
      conversation: {
        id: `${DEMO_TEAM.teamId};messageid=${message.id}`,
        conversationType: 'channel',
        isGroup: true,
        tenantId: DEMO_TEAM.tenantId,
      },
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
        messagePayload: {
          id: message.id,
          messageType: 'message',
          createdDateTime: new Date().toISOString(),
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
    const answer = await fetch(`${selfUrl()}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const body = (await answer.json().catch(() => undefined)) as
      | {
          task?: {
            type?: string;
            value?: { title?: string; card?: { content?: Record<string, unknown> } };
          };
        }
      | undefined;
    const card = body?.task?.value?.card?.content;
    if (!answer.ok || !card)
      throw unavailable(`The bot did not answer with a task module (HTTP ${answer.status}).`);
    res.json({ data: { title: body?.task?.value?.title ?? 'Ask for help', card } });
  });

  return router;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
