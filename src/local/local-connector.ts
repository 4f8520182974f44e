import { Router, json as jsonBody } from 'express';
import { z } from 'zod';
import { DEMO_CHANNELS, DEMO_PEOPLE, DEMO_TEAM, type DemoPerson } from './demo-team';
import type { SandboxStore } from './sandbox-store';

const ActivitySchema = z
  .object({
    type: z.string().default('message'),
    text: z.string().optional(),
    attachments: z
      .array(z.object({ contentType: z.string(), content: z.unknown().optional() }).loose())
      .optional(),
  })
  .loose();

const CreateConversationSchema = z
  .object({ members: z.array(z.object({ id: z.string() }).loose()).min(1) })
  .loose();

/** 1:1 conversations the local connector opens look like Teams' personal chat ids. */
const personalConversationId = (botUserId: string) => `a:local-${botUserId}`;

/**
 * A stand-in for Teams' Bot Connector, on loopback in local mode only: what the bot sends
 * (replies, proactive posts, card updates) is stored for the sandbox page to render, and roster
 * reads answer from the demo directory.
 */
export function createLocalConnector(sandbox: SandboxStore, clock: () => Date): Router {
  const router = Router();
  router.use(jsonBody({ limit: '1mb' }));

  router.post('/v3/conversations', (req, res) => {
    const body = CreateConversationSchema.parse(req.body);
    res.status(201).json({ id: personalConversationId(body.members[0]!.id) });
  });

  const store = async (conversationId: string, body: unknown) => {
    const activity = ActivitySchema.parse(body);
    return sandbox.add({
      conversationId,
      conversationLabel: labelOf(conversationId),
      sentAt: clock().toISOString(),
      text: activity.text ?? '',
      cards: cardsOf(activity),
    });
  };

  router.post('/v3/conversations/:conversationId/activities', async (req, res) => {
    res.json({ id: await store(req.params.conversationId, req.body) });
  });
  router.post('/v3/conversations/:conversationId/activities/:replyToId', async (req, res) => {
    res.json({ id: await store(req.params.conversationId, req.body) });
  });
  router.put('/v3/conversations/:conversationId/activities/:activityId', async (req, res) => {
    const activity = ActivitySchema.parse(req.body);
    const found = await sandbox.update(req.params.activityId, {
      text: activity.text ?? '',
      cards: cardsOf(activity),
      at: clock().toISOString(),
    });
    if (!found) {
      res.status(404).json({ error: { code: 'NotFound', message: 'No such activity.' } });
      return;
    }
    res.json({ id: req.params.activityId });
  });

  router.get('/v3/teams/:teamId/conversations', (req, res) => {
    if (req.params.teamId !== DEMO_TEAM.teamId) {
      res.status(404).json({ error: { code: 'NotFound', message: 'No such team.' } });
      return;
    }
    // Teams leaves General without a name.
    res.json({
      conversations: DEMO_CHANNELS.map((c) => ({
        id: c.id,
        ...(c.id === DEMO_TEAM.teamId ? {} : { name: c.name }),
      })),
    });
  });

  router.get('/v3/conversations/:conversationId/pagedmembers', (_req, res) => {
    res.json({ members: DEMO_PEOPLE.map(accountOf) });
  });
  router.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
    const person = DEMO_PEOPLE.find((p) => p.botUserId === req.params.memberId);
    if (!person) {
      res
        .status(404)
        .json({ error: { code: 'MemberNotFoundInConversation', message: 'Not found.' } });
      return;
    }
    res.json(accountOf(person));
  });

  return router;
}

function labelOf(conversationId: string): string {
  const base = conversationId.split(';')[0];
  const channel = DEMO_CHANNELS.find((c) => c.id === base);
  if (channel) return `${DEMO_TEAM.name} · ${channel.name}`;
  const person = DEMO_PEOPLE.find((p) => personalConversationId(p.botUserId) === base);
  return person ? `Chat with ${person.name}` : conversationId;
}

function cardsOf(activity: z.infer<typeof ActivitySchema>): Record<string, unknown>[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => (a.content ?? {}) as Record<string, unknown>);
}

const accountOf = (p: DemoPerson) => ({
  id: p.botUserId,
  name: p.name,
  aadObjectId: p.userId,
  email: p.email,
  userPrincipalName: p.email,
  tenantId: DEMO_TEAM.tenantId,
  userRole: 'user',
});
