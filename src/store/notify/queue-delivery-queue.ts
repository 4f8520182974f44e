import { QueueClient } from '@azure/storage-queue';
import { z } from 'zod';
import type { DeliveryQueue, QueuedDelivery } from '../../core/ports';
import { unavailable } from '../../core/errors';
import type { StorageAccess } from '../storage-access';

/** The Storage Queue caps a message's invisibility at 7 days. */
const MAX_DELAY_SECONDS = 7 * 24 * 3600;

const BodySchema = z.object({ t: z.string(), g: z.string(), n: z.string() });

const seconds = (ms: number) => Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(ms / 1000)));

/** The notification queue on Azure Storage Queues: each message names one notification. */
export function createDeliveryQueue(access: StorageAccess, name: string) {
  const options = { retryOptions: { maxTries: 4, retryDelayInMs: 200, maxRetryDelayInMs: 4000 } };
  const client =
    'connectionString' in access
      ? new QueueClient(access.connectionString, name, options)
      : new QueueClient(`${access.queueUrl}/${name}`, access.credential, options);
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw unavailable('The notification queue is unavailable right now.', error);
    }
  };
  const queue: DeliveryQueue & { ensure(): Promise<void> } = {
    async ensure() {
      await guard(() => client.createIfNotExists());
    },
    async push(team, notificationId, delayMs = 0) {
      const body = JSON.stringify({ t: team.tenantId, g: team.teamId, n: notificationId });
      await guard(() => client.sendMessage(body, { visibilityTimeout: seconds(delayMs) }));
    },
    async receive(max, visibilityMs) {
      const response = await guard(() =>
        client.receiveMessages({
          numberOfMessages: Math.min(32, Math.max(1, max)),
          visibilityTimeout: Math.max(1, seconds(visibilityMs)),
        }),
      );
      const out: QueuedDelivery[] = [];
      for (const item of response.receivedMessageItems) {
        const parsed = BodySchema.safeParse(safeJson(item.messageText));
        if (!parsed.success) {
          // Not ours (or corrupted): drop it rather than let it block the queue forever.
          await guard(() => client.deleteMessage(item.messageId, item.popReceipt));
          continue;
        }
        out.push({
          messageId: item.messageId,
          popReceipt: item.popReceipt,
          team: { tenantId: parsed.data.t, teamId: parsed.data.g },
          notificationId: parsed.data.n,
          dequeueCount: item.dequeueCount,
        });
      }
      return out;
    },
    async delete(delivery) {
      try {
        await client.deleteMessage(delivery.messageId, delivery.popReceipt);
      } catch (error) {
        // 404: it is gone already (its receipt expired and another receive deleted it).
        if ((error as { statusCode?: number }).statusCode === 404) return;
        throw unavailable('The notification queue is unavailable right now.', error);
      }
    },
    async delay(delivery, delayMs) {
      const result = await guard(() =>
        client.updateMessage(delivery.messageId, delivery.popReceipt, undefined, seconds(delayMs)),
      );
      return { ...delivery, popReceipt: result.popReceipt ?? delivery.popReceipt };
    },
    async depth() {
      const properties = await guard(() => client.getProperties());
      return properties.approximateMessagesCount ?? 0;
    },
  };
  return queue;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
