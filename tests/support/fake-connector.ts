import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Teams account as the Bot Connector describes a team member. */
export interface ConnectorAccount {
  /** The bot-facing id (`29:…`). */
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
  givenName?: string;
  surname?: string;
  tenantId?: string;
  userRole?: string;
}

/** One request the bot made, as the fake connector saw it (path parameters URL-decoded). */
export interface ConnectorRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  conversationId: string | undefined;
  body: unknown;
  /** The status the fake answered (0 while unanswered, or for a dropped or unanswered request). */
  status: number;
  /** When the request arrived (epoch ms, sub-millisecond precision), before its body was read. */
  at: number;
  /** When the fake answered it (epoch ms); 0 while unanswered, or if it never will be. */
  answeredAt: number;
}

/** A message the bot posted (reply, proactive send, or a new 1:1 chat's first message). */
export interface SentActivity {
  conversationId: string;
  /** The activity it answers, when posted as a reply. */
  replyToId: string | undefined;
  /** The id the fake gave it, as the bot would later use to update it. */
  id: string;
  activity: Record<string, unknown>;
}

export interface UpdatedActivity {
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface CreatedConversation {
  id: string;
  parameters: Record<string, unknown>;
}

export interface Failure {
  status: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  body?: unknown;
  /** Instead of answering `status`: close the connection (`drop`) or never answer (`hang`). */
  connection?: 'drop' | 'hang';
}

/**
 * Decides, per request, whether it fails and how; undefined lets the fake do its normal work.
 * Consulted after the `failNext` queue is empty, with the request as recorded so far.
 */
export type FailureRule = (request: ConnectorRequest) => Failure | undefined;

export interface FakeConnector {
  /** The service URL to put in activities (ends with a slash, as Teams sends it). */
  url: string;
  requests: ConnectorRequest[];
  sent: SentActivity[];
  updated: UpdatedActivity[];
  created: CreatedConversation[];
  /** The members `pagedmembers` and `members/:id` answer with for a conversation (a team id). */
  setRoster(conversationId: string, members: readonly ConnectorAccount[]): void;
  /** The channels `teams/:id/conversations` lists besides General (which has no name). */
  setChannels(teamId: string, channels: readonly { id: string; name: string }[]): void;
  /** Pages of at most this many members, with continuation tokens between them. */
  setPageSize(size: number): void;
  /** The next `count` requests (of any kind) answer `failure` instead of doing anything. */
  failNext(count: number, failure: Failure): void;
  /** From now on, ask `rule` about each request (undefined: stop asking). */
  failWhen(rule: FailureRule | undefined): void;
  /** What was sent to one conversation, oldest first. */
  sentTo(conversationId: string): SentActivity[];
  /** Forgets captured traffic, pending failures and the failure rule; rosters stay. */
  clear(): void;
  close(): Promise<void>;
}

const ROUTES: { method: string; pattern: RegExp; name: string }[] = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, name: 'createConversation' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, name: 'send' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, name: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, name: 'update' },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/pagedmembers$/, name: 'pagedMembers' },
  { method: 'GET', pattern: /^\/v3\/teams\/([^/]+)\/conversations$/, name: 'channels' },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, name: 'member' },
];

/**
 * A stand-in for the Teams Bot Connector on loopback: it captures what the bot sends, answers
 * roster reads from rosters a test sets, and can be told to fail (429 / 403 …) for a while.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const rosters = new Map<string, ConnectorAccount[]>();
  const channels = new Map<string, { id: string; name: string }[]>();
  const failures: Failure[] = [];
  let rule: FailureRule | undefined;
  let pageSize = Number.POSITIVE_INFINITY;
  let nextId = 1;
  const fake = {
    requests: [] as ConnectorRequest[],
    sent: [] as SentActivity[],
    updated: [] as UpdatedActivity[],
    created: [] as CreatedConversation[],
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const at = preciseNow();
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readJson(req);
    const route = ROUTES.map((r) => ({ ...r, match: r.pattern.exec(url.pathname) })).find(
      (r) => r.method === req.method && r.match,
    );
    const params = (route?.match?.slice(1) ?? []).map((p) => decodeURIComponent(p));
    const record: ConnectorRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      conversationId: route?.name === 'createConversation' ? undefined : params[0],
      body,
      status: 0,
      at,
      answeredAt: 0,
    };
    fake.requests.push(record);
    const answer = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      record.answeredAt = preciseNow();
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(payload === undefined ? undefined : JSON.stringify(payload));
    };

    const failure = failures.shift() ?? rule?.(record);
    if (failure?.connection === 'drop') {
      req.socket.destroy();
      return;
    }
    if (failure?.connection === 'hang') return;
    if (failure) {
      const headers: Record<string, string> =
        failure.retryAfter === undefined ? {} : { 'retry-after': String(failure.retryAfter) };
      answer(failure.status, failure.body ?? errorBody(failure.status), headers);
      return;
    }

    const [conversationId = '', second = ''] = params;
    switch (route?.name) {
      case 'createConversation': {
        const id = `a:fake-chat-${nextId++}`;
        fake.created.push({ id, parameters: asRecord(body) });
        answer(201, { id, activityId: `${nextId++}` });
        return;
      }
      case 'send':
      case 'reply': {
        const id = `activity-${nextId++}`;
        fake.sent.push({
          conversationId,
          replyToId: route.name === 'reply' ? second : undefined,
          id,
          activity: asRecord(body),
        });
        answer(200, { id });
        return;
      }
      case 'update':
        fake.updated.push({ conversationId, activityId: second, activity: asRecord(body) });
        answer(200, { id: second });
        return;
      case 'channels':
        answer(200, {
          conversations: [{ id: conversationId }, ...(channels.get(conversationId) ?? [])],
        });
        return;
      case 'pagedMembers': {
        const members = rosters.get(conversationId);
        if (!members) {
          answer(404, {
            error: { code: 'ConversationNotFound', message: 'Conversation not found.' },
          });
          return;
        }
        const start = Number(url.searchParams.get('continuationToken') ?? '0') || 0;
        const size = Math.min(pageSize, Number(url.searchParams.get('pageSize') ?? '500') || 500);
        const end = start + size;
        answer(200, {
          members: members.slice(start, end),
          ...(end < members.length ? { continuationToken: String(end) } : {}),
        });
        return;
      }
      case 'member': {
        const member = rosters.get(conversationId)?.find((m) => m.id === second);
        if (!member) {
          answer(404, {
            error: { code: 'MemberNotFoundInConversation', message: 'The member is not found.' },
          });
          return;
        }
        answer(200, member);
        return;
      }
      default:
        answer(404, {
          error: { code: 'NotFound', message: `No fake for ${req.method} ${url.pathname}` },
        });
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    ...fake,
    setRoster(conversationId, members) {
      rosters.set(conversationId, [...members]);
    },
    setChannels(teamId, list) {
      channels.set(teamId, [...list]);
    },
    setPageSize(size) {
      pageSize = size;
    },
    failNext(count, failure) {
      for (let i = 0; i < count; i++) failures.push(failure);
    },
    failWhen(next) {
      rule = next;
    },
    sentTo(conversationId) {
      return fake.sent.filter((s) => s.conversationId === conversationId);
    },
    clear() {
      fake.requests.length = 0;
      fake.sent.length = 0;
      fake.updated.length = 0;
      fake.created.length = 0;
      failures.length = 0;
      rule = undefined;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Wall-clock milliseconds with the monotonic clock's precision. */
export const preciseNow = () => performance.timeOrigin + performance.now();

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function errorBody(status: number) {
  const code =
    status === 429 ? 'TooManyRequests' : status === 403 ? 'BotDisabledByAdmin' : `Http${status}`;
  return { error: { code, message: `The fake connector was told to answer ${status}.` } };
}
