/**
 * Personal-data items in the single table (docs/data-model.md):
 *
 *   erasure request  pk USER#<sub>       sk ERASURE                 gsi3 ERASURE_PENDING / <requestedAt>#<sub> while pending
 *   access entry     pk TICKET#<id>      sk ACCESS#<at>#<entryId>
 *   privacy notice   pk META             sk PRIVACY_NOTICE
 *
 * plus the deletions and event scrubs the erasure steps run on items other modules own.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { AccessEntry, ErasureRecord, PersonalDataStore, PrivacyNotice } from '../../app/ports.js';
import { ERASED_CITIZEN } from '../../domain/personal-data.js';
import type { Ticket } from '../../domain/ticket.js';
import { documentClient } from './client.js';
import { inboxPartition, preferencesKey } from './notification-store.js';
import { queryPage } from './query-page.js';
import { fromItem, tableName } from './table.js';
import { citizenPartition, eventFromItem, RETENTION_PARTITION, ticketFromItem, ticketKey } from './ticket-items.js';

export const erasureKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'ERASURE' });
export const ERASURE_PENDING_PARTITION = 'ERASURE_PENDING';
const accessPrefix = 'ACCESS#';
/** gsi1 sort keys of follower records under `CITIZEN#<sub>` (follower-store.ts). */
const FOLLOWING_PREFIX = 'FOLLOWING#';
const noticeKey = { pk: 'META', sk: 'PRIVACY_NOTICE' };

/** The notice is read on every submission: one read per instance a minute, and at once after a local put. */
const NOTICE_TTL_MS = 60_000;
let noticeCache: { at: number; notice: PrivacyNotice | undefined } | undefined;

async function queryAll(input: { pk: string; skPrefix?: string; index?: string; pkName?: string; skName?: string; before?: string; limit?: number }) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  const pkName = input.pkName ?? 'pk';
  const skName = input.skName ?? 'sk';
  do {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: input.index,
        KeyConditionExpression: `#pk = :pk${input.skPrefix ? ' AND begins_with(#sk, :prefix)' : input.before ? ' AND #sk < :before' : ''}`,
        ExpressionAttributeNames: { '#pk': pkName, ...(input.skPrefix || input.before ? { '#sk': skName } : {}) },
        ExpressionAttributeValues: { ':pk': input.pk, ...(input.skPrefix ? { ':prefix': input.skPrefix } : {}), ...(input.before ? { ':before': input.before } : {}) },
        ExclusiveStartKey: start,
        ...(input.limit ? { Limit: input.limit - items.length } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && (!input.limit || items.length < input.limit));
  return items;
}

async function batchDelete(keys: Array<{ pk: string; sk: string }>) {
  for (let i = 0; i < keys.length; i += 25) {
    let requests: any[] = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    while (requests.length) {
      const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = out.UnprocessedItems?.[tableName()] ?? [];
    }
  }
}

const recordFromItem = (item: Record<string, unknown>) => fromItem<ErasureRecord & { pk?: string }>(item) as ErasureRecord;

export const dynamoPersonalDataStore: PersonalDataStore = {
  async requestErasure(record) {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...erasureKey(record.userId), entity: 'erasure', gsi3pk: ERASURE_PENDING_PARTITION, gsi3sk: `${record.requestedAt}#${record.userId}`, ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return record;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // A second request (or one racing this one) is the same erasure.
      const existing = await this.erasure(record.userId);
      if (!existing) throw error;
      return existing;
    }
  },

  async erasure(userId) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: erasureKey(userId), ConsistentRead: true }));
    return out.Item ? recordFromItem(out.Item) : undefined;
  },

  async completeErasure(userId, finishedAt, steps) {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: erasureKey(userId),
        UpdateExpression: 'SET #status = :done, finishedAt = if_not_exists(finishedAt, :at), steps = :steps REMOVE gsi3pk, gsi3sk',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':done': 'done', ':at': finishedAt, ':steps': steps },
      }),
    );
  },

  async pendingErasures(requestedBefore) {
    const items = await queryAll({ pk: ERASURE_PENDING_PARTITION, index: 'gsi3', pkName: 'gsi3pk', skName: 'gsi3sk', before: requestedBefore.toISOString(), limit: 100 });
    return items.map(recordFromItem);
  },

  async deletePreferences(userId) {
    const out = await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: preferencesKey(userId), ReturnValues: 'ALL_OLD' }));
    return out.Attributes ? 1 : 0;
  },

  async deleteInbox(userId) {
    const items = await queryAll({ pk: inboxPartition({ kind: 'user', userId }) });
    await batchDelete(items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
    return items.length;
  },

  async deleteFollows(userId) {
    const items = await queryAll({ pk: citizenPartition(userId), index: 'gsi1', pkName: 'gsi1pk', skName: 'gsi1sk', skPrefix: FOLLOWING_PREFIX });
    await batchDelete(items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) })));
    return items.length;
  },

  async scrubEvents(ticketId, citizenId) {
    const items = await queryAll({ pk: ticketKey(ticketId).pk, skPrefix: 'EVENT#' });
    let changed = 0;
    for (const item of items) {
      const event = eventFromItem(item);
      const byCitizen = event.actor.id === citizenId;
      const snapshot = (event.ticket as { citizenId?: string } | undefined)?.citizenId === citizenId;
      const ratingComment = event.type === 'rated' && event.data.comment !== undefined;
      if (!byCitizen && !snapshot && !ratingComment) continue;
      const sets = [...(byCitizen ? ['actor.#id = :erased'] : []), ...(snapshot ? ['#ticket.citizenId = :erased'] : [])];
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', ratingComment ? 'REMOVE #data.#comment' : ''].filter(Boolean).join(' '),
          ExpressionAttributeNames: { ...(byCitizen ? { '#id': 'id' } : {}), ...(snapshot ? { '#ticket': 'ticket' } : {}), ...(ratingComment ? { '#data': 'data', '#comment': 'comment' } : {}) },
          ...(sets.length ? { ExpressionAttributeValues: { ':erased': ERASED_CITIZEN } } : {}),
        }),
      );
      changed++;
    }
    return changed;
  },

  async doneBefore(cutoff, limit) {
    const items = await queryAll({ pk: RETENTION_PARTITION, index: 'gsi3', pkName: 'gsi3pk', skName: 'gsi3sk', before: cutoff.toISOString(), limit });
    return items.map(ticketFromItem) as Ticket[];
  },

  async appendAccess(entries) {
    const puts = entries.map((e) => ({ PutRequest: { Item: { pk: ticketKey(e.ticketId).pk, sk: `${accessPrefix}${e.at}#${e.id}`, entity: 'access', ...e } } }));
    for (let i = 0; i < puts.length; i += 25) {
      let requests: any[] = puts.slice(i, i + 25);
      for (let attempt = 0; requests.length && attempt < 3; attempt++) {
        const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
        requests = out.UnprocessedItems?.[tableName()] ?? [];
      }
    }
  },

  async accessLog(ticketId, { limit, cursor }) {
    const page = await queryPage({
      partitionValue: ticketKey(ticketId).pk,
      sortKeyPrefix: accessPrefix,
      limit,
      cursor,
    });
    return { items: page.items.map((i) => fromItem<AccessEntry>(i)), nextCursor: page.nextCursor };
  },

  async privacyNotice() {
    if (noticeCache && Date.now() - noticeCache.at < NOTICE_TTL_MS) return noticeCache.notice;
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: noticeKey }));
    const notice = out.Item ? fromItem<PrivacyNotice>(out.Item) : undefined;
    noticeCache = { at: Date.now(), notice };
    return notice;
  },

  async putPrivacyNotice(notice, opts = {}) {
    try {
      await documentClient.send(
        new PutCommand({ TableName: tableName(), Item: { ...noticeKey, entity: 'privacy-notice', ...notice }, ...(opts.onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}) }),
      );
    } catch (error) {
      if (!(opts.onlyIfAbsent && error instanceof ConditionalCheckFailedException)) throw error;
    }
    noticeCache = undefined;
  },
};
