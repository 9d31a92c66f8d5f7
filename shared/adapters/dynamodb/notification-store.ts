/**
 * Inbox items and notification preferences in the single table (docs/data-model.md):
 *
 *   inbox item   pk INBOX#USER#<sub> | INBOX#DEPT#<departmentId>   sk <eventId>   expiresAt (TTL)
 *   preferences  pk USER#<sub>                                    sk PREFERENCES
 *
 * The inbox item's sort key is the event id (a ULID, so newest first is a reverse Query), and
 * it is written with `attribute_not_exists(pk)`: a replayed event writes nothing new. The item
 * also keeps the ledger of the messages sent for it (`deliveries`), so a retry sends only what
 * had not gone out yet: a first delivery writes the item once, ledger included.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Delivery, InboxItem, NotificationStore } from '../../app/ports.js';
import type { InboxOwner, NotificationPreferences } from '../../domain/notifications.js';
import { documentClient } from './client.js';
import { queryPage } from './query-page.js';
import { tableName } from './table.js';

export const inboxPartition = (owner: InboxOwner) => (owner.kind === 'user' ? `INBOX#USER#${owner.userId}` : `INBOX#DEPT#${owner.departmentId}`);
export const inboxKey = (owner: InboxOwner, id: string) => ({ pk: inboxPartition(owner), sk: id });
export const preferencesKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PREFERENCES' });

export function inboxToItem(item: InboxItem): Record<string, unknown> {
  const { owner, ...rest } = item;
  return {
    ...inboxKey(owner, item.id),
    entity: 'notification',
    ...(owner.kind === 'user' ? { userId: owner.userId } : { departmentId: owner.departmentId }),
    ...rest,
  };
}

export function inboxFromItem(item: Record<string, unknown>): InboxItem {
  const { pk: _pk, sk: _sk, entity: _entity, userId, departmentId, ...rest } = item;
  const owner: InboxOwner = typeof userId === 'string' ? { kind: 'user', userId } : { kind: 'department', departmentId: String(departmentId) };
  return { ...(rest as Omit<InboxItem, 'owner'>), owner, deliveries: (rest.deliveries as Record<string, Delivery> | undefined) ?? {} };
}

export const dynamoNotificationStore: NotificationStore = {
  async getInbox(owner, id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: inboxKey(owner, id), ConsistentRead: true }));
    return out.Item ? inboxFromItem(out.Item) : undefined;
  },

  async createInbox(item) {
    try {
      await documentClient.send(new PutCommand({ TableName: tableName(), Item: inboxToItem(item), ConditionExpression: 'attribute_not_exists(pk)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async recordDeliveries(owner, id, deliveries) {
    const entries = Object.entries(deliveries);
    if (entries.length === 0) return;
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: inboxKey(owner, id),
        UpdateExpression: `SET ${entries.map((_, i) => `deliveries.#c${i} = :d${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([channel], i) => [`#c${i}`, channel])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, delivery], i) => [`:d${i}`, delivery])),
      }),
    );
  },

  async listInbox(owner, query) {
    const page = await queryPage({
      partitionValue: inboxPartition(owner),
      newestFirst: true,
      limit: query.limit,
      cursor: query.cursor,
      ...(query.unread ? { filter: { expression: 'attribute_not_exists(#readAt)', names: { '#readAt': 'readAt' }, values: {} } } : {}),
    });
    return { items: page.items.map(inboxFromItem), nextCursor: page.nextCursor };
  },

  async markRead(owner, id, at) {
    try {
      const out = await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: inboxKey(owner, id),
          UpdateExpression: 'SET readAt = if_not_exists(readAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? inboxFromItem(out.Attributes) : undefined;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  },

  async preferences(userId) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: preferencesKey(userId) }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, entity: _entity, ...preferences } = out.Item;
    return preferences as NotificationPreferences;
  },

  async putPreferences(userId, preferences) {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { ...preferencesKey(userId), entity: 'preferences', ...preferences } }));
  },
};
