import { isDomainError } from '../../core/errors';
import { targetKey, type NotificationRecord } from '../../core/notify/notification';
import type { Notifier, Ports, SendResult, Versioned } from '../../core/ports';
import type { ConversationAddress } from '../../core/team/team';
import type { RateGate } from './rate-gate';

/** How long an update waits for the message it replaces to be posted first. */
const UPDATE_WAIT_MS = 5_000;

export type Address = ConversationAddress & { key: string; activityId?: string };
/** Opening the member's 1:1 chat failed: the attempt counts as a failed send. */
export type OpenFailed = { key: string; failed: SendResult };
/** Where a notification goes, or why it goes nowhere (now, or ever). */
export type Route =
  Address | OpenFailed | { drop: string } | { waitMs: number } | { superseded: true };

export interface NotificationRouterOptions {
  ports: Pick<Ports, 'teams' | 'members' | 'notifications' | 'conversations'>;
  notifier: Notifier;
  gate: RateGate;
  now: () => number;
}

/**
 * Routes a notification to an address: the team's channel, a member's 1:1 chat (opened once for
 * all notifications to them at once), or the message an update replaces.
 */
export function createNotificationRouter(options: NotificationRouterOptions) {
  const { ports, notifier, gate, now } = options;
  /** 1:1 chats being opened, so notifications to one member at once open it with one request. */
  const opening = new Map<string, Promise<SendResult>>();

  /** Where an update goes: the conversation and activity its original was posted as. */
  async function resolveUpdate(
    record: NotificationRecord,
    of: { of: string; revision: number },
  ): Promise<Address | { drop: string } | { waitMs: number } | { superseded: true }> {
    const team = await ports.teams.get(record.team);
    if (!team?.value.active) return { drop: 'Mutual is no longer installed in the team' };
    const original = await ports.notifications.get(record.team, of.of);
    if (!original) return { drop: 'the message to update was never recorded' };
    if (original.value.status === 'pending') return { waitMs: UPDATE_WAIT_MS };
    if (original.value.status !== 'sent' || !original.value.activityId)
      return { drop: 'the message to update was never delivered' };
    if ((original.value.shownRevision ?? 0) >= of.revision) return { superseded: true };
    const conversationId = original.value.conversationId ?? '';
    return {
      key: conversationId,
      serviceUrl: team.value.channel.serviceUrl,
      conversationId,
      activityId: original.value.activityId,
    };
  }

  /** Where the notification goes, or why it cannot go anywhere any more. */
  async function resolve(
    record: Versioned<NotificationRecord>,
  ): Promise<Address | OpenFailed | { drop: string } | { waitMs: number } | { superseded: true }> {
    if (record.value.update) return resolveUpdate(record.value, record.value.update);
    const { team: ref, target } = record.value;
    const team = await ports.teams.get(ref);
    if (!team?.value.active) return { drop: 'Mutual is no longer installed in the team' };
    const key = targetKey(target);
    const state = await ports.conversations.get(ref, key);
    if (state?.value.dead) return { drop: state.value.deadReason || 'the conversation is closed' };
    const serviceUrl = team.value.channel.serviceUrl;
    if (target.kind === 'channel') {
      const conversationId = target.channelId || team.value.channel.conversationId;
      return { key: conversationId, serviceUrl, conversationId };
    }
    const member = await ports.members.get(ref, target.userId);
    if (!member?.value.active) return { drop: 'the person is no longer in the team' };
    if (state?.value.conversationId) {
      return {
        key: state.value.conversationId,
        serviceUrl,
        conversationId: state.value.conversationId,
      };
    }
    const openKey = `${ref.tenantId}|${ref.teamId}|${key}`;
    let open = opening.get(openKey);
    if (!open) {
      open = openChat(ref, key, serviceUrl, member.value.botUserId).finally(() =>
        opening.delete(openKey),
      );
      opening.set(openKey, open);
    }
    const opened = await open;
    if (opened.status !== undefined && opened.status < 300 && opened.id)
      return { key: opened.id, serviceUrl, conversationId: opened.id };
    return { key: `open:${member.value.botUserId}`, failed: opened };
  }

  async function openChat(
    ref: NotificationRecord['team'],
    key: string,
    serviceUrl: string,
    botUserId: string,
  ): Promise<SendResult> {
    // Another notification to this member may have opened it since we looked.
    const known = await ports.conversations.get(ref, key);
    if (known?.value.conversationId && !known.value.dead)
      return { status: 200, id: known.value.conversationId };
    const passedAt = await gate.pass(ref.tenantId, `open:${botUserId}`);
    const opened = await notifier
      .openPersonalChat(ref.tenantId, serviceUrl, botUserId)
      .finally(() => gate.answered(ref.tenantId, `open:${botUserId}`, passedAt));
    if (opened.status !== undefined && opened.status < 300 && opened.id)
      await rememberConversation(ref, key, opened.id);
    return opened;
  }

  async function rememberConversation(ref: NotificationRecord['team'], key: string, id: string) {
    try {
      await ports.conversations.create({
        team: ref,
        key,
        conversationId: id,
        dead: false,
        deadReason: '',
        updatedAt: new Date(now()).toISOString(),
      });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      const state = await ports.conversations.get(ref, key);
      if (state && !state.value.conversationId)
        await ports.conversations.update({ ...state.value, conversationId: id }, state.etag);
    }
  }

  return { route: resolve };
}
