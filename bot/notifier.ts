import {
  ManagedIdentityAppCredentials,
  MicrosoftAppCredentials,
  type AppCredentials,
} from 'botframework-connector';
// Not re-exported from the package root; the factory that ManagedIdentityAppCredentials needs.
import { JwtTokenProviderFactory } from 'botframework-connector/lib/auth/jwtTokenProviderFactory.js';
import type { OutgoingMessage } from '../src/core/notify/notification';
import { parseRetryAfter } from '../src/core/notify/delivery-policy';
import type { Notifier, SendResult } from '../src/core/ports';

export interface NotifierOptions {
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string;
  /** The bot's own channel id (`28:…`), needed to open 1:1 chats. Defaults to the app id. */
  botId?: string;
  timeoutMs?: number;
}

/**
 * Proactive sends through the Bot Connector's REST API. It makes exactly one HTTP request per call
 * and reports the status: retries, waits and rate limits belong to the notification worker, so
 * nothing here retries on its own (botbuilder's client would, and hold a worker slot meanwhile).
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const credentials = credentialsFor(options);
  const timeoutMs = options.timeoutMs ?? 15_000;

  const call = async (
    url: string,
    body: unknown,
    method: 'POST' | 'PUT' | 'GET' = 'POST',
  ): Promise<SendResult & { json?: unknown }> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (credentials) headers.authorization = `Bearer ${await credentials.getToken()}`;
    try {
      const res = await fetch(url, {
        method,
        headers,
        ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const json: unknown = await res.json().catch(() => undefined);
      return {
        status: res.status,
        // An HTTP date in Retry-After is Teams' real time, so it is read against the real clock.
        // eslint-disable-next-line no-restricted-syntax -- see above
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), Date.now()),
        json,
      };
    } catch {
      return { status: undefined };
    }
  };

  return {
    async send(_tenantId, address, message) {
      const url = `${base(address.serviceUrl)}/v3/conversations/${encodeURIComponent(address.conversationId)}/activities`;
      const result = await call(url, activityOf(message));
      return { status: result.status, retryAfterMs: result.retryAfterMs, id: idOf(result.json) };
    },
    async update(_tenantId, address, activityId, message) {
      const url = `${base(address.serviceUrl)}/v3/conversations/${encodeURIComponent(address.conversationId)}/activities/${encodeURIComponent(activityId)}`;
      const result = await call(url, { ...activityOf(message), id: activityId }, 'PUT');
      return { status: result.status, retryAfterMs: result.retryAfterMs, id: activityId };
    },
    async listChannels(_tenantId, serviceUrl, teamId) {
      const url = `${base(serviceUrl)}/v3/teams/${encodeURIComponent(teamId)}/conversations`;
      const result = await call(url, undefined, 'GET');
      if (result.status === undefined || result.status >= 300)
        return { status: result.status, channels: [] };
      return { status: result.status, channels: channelsOf(result.json, teamId) };
    },
    async openPersonalChat(tenantId, serviceUrl, botUserId) {
      const result = await call(`${base(serviceUrl)}/v3/conversations`, {
        isGroup: false,
        bot: { id: options.botId ?? options.appId },
        members: [{ id: botUserId }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      });
      return { status: result.status, retryAfterMs: result.retryAfterMs, id: idOf(result.json) };
    },
  };
}

const base = (serviceUrl: string) => serviceUrl.replace(/\/+$/, '');

/** Teams lists the General channel without a name; its id is the team's. */
function channelsOf(json: unknown, teamId: string) {
  const list = (json as { conversations?: unknown } | undefined)?.conversations;
  if (!Array.isArray(list)) return [];
  return list
    .map((c: { id?: unknown; name?: unknown }) => ({
      id: typeof c.id === 'string' ? c.id : '',
      name: typeof c.name === 'string' && c.name ? c.name : c.id === teamId ? 'General' : '',
    }))
    .filter((c) => c.id && c.name);
}

const idOf = (json: unknown) =>
  typeof (json as { id?: unknown } | undefined)?.id === 'string'
    ? (json as { id: string }).id
    : undefined;

function activityOf(message: OutgoingMessage) {
  return {
    type: 'message',
    text: message.text,
    ...(message.card
      ? {
          attachments: [
            { contentType: 'application/vnd.microsoft.card.adaptive', content: message.card },
          ],
        }
      : {}),
  };
}

function credentialsFor(options: NotifierOptions): AppCredentials | undefined {
  // Local mode: the local connector needs no token.
  if (!options.appId) return undefined;
  if (options.appType === 'UserAssignedMSI')
    return new ManagedIdentityAppCredentials(
      options.appId,
      'https://api.botframework.com',
      new JwtTokenProviderFactory(),
    );
  return new MicrosoftAppCredentials(
    options.appId,
    options.appPassword,
    options.appType === 'SingleTenant' ? options.tenantId : undefined,
  );
}
