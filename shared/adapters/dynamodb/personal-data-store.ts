/**
 * Personal-data items of the single table (docs/data-model.md):
 *
 *   privacy notice  pk SETTINGS          sk PRIVACY_NOTICE
 *   erasure         pk ERASURE#<sub>     sk ERASURE            gsi4 ERASURES_PENDING / <requestedAt>#<id> while pending
 *   access entry    pk ACCESS#<ticketId> sk <at>#<id>
 *   export access   pk ACCESS_EXPORTS    sk <at>#<id>
 *
 * The erasure item's INSERT starts the erasure consumer (background.ts); ticket retention
 * reads gsi3 `RETENTION` (ticket-items.ts).
 */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Erasure, ExportAccess, PersonalDataStore } from '../../app/personal-data-ports.js';
import type { AccessEntry } from '../../domain/personal-data.js';
import type { PrivacyNotice } from '../../domain/privacy-notice.js';
import { batchWrite, inParallel } from './area-store.js';
import { documentClient } from './client.js';
import { queryShardsPage } from './query-shards.js';
import { followerKey, citizenPartition, eventSk, ticketKey, retentionPartitions } from './ticket-items.js';
import { inboxPartition, preferencesKey } from './notification-store.js';
import { queryPage } from './query-page.js';
import { uploadKey } from './upload-items.js';
import { bumpVersion, forgetReferenceVersions, versionedCache } from './reference-version.js';
import { fromItem, tableName } from './table.js';
import { failedConditionIndex, transactWrite } from './transact.js';
import { queryAll } from './query-all.js';

export const PRIVACY_NOTICE_KEY = { pk: 'SETTINGS', sk: 'PRIVACY_NOTICE' } as const;
export const ERASURE_SK = 'ERASURE';
export const erasureKey = (userId: string) => ({ pk: `ERASURE#${userId}`, sk: ERASURE_SK });
const ERASURES_PENDING = 'ERASURES_PENDING';
const accessPartition = (ticketId: string) => `ACCESS#${ticketId}`;
const EXPORTS_PARTITION = 'ACCESS_EXPORTS';

const notice = versionedCache('privacyNotice', async () => {
  const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: PRIVACY_NOTICE_KEY }));
  return out.Item ? fromItem<PrivacyNotice>(out.Item) : undefined;
});

/** Every item of a partition (optionally of an index, or under a sort-key prefix), all pages. */
function partitionItems(input: { index?: string; pkName?: string; pk: string; skName?: string; skPrefix?: string; skAtMost?: string; limit?: number }): Promise<Record<string, unknown>[]> {
  const sk = input.skPrefix ? { condition: ' AND begins_with(#sk, :sk)', value: input.skPrefix } : input.skAtMost ? { condition: ' AND #sk <= :sk', value: input.skAtMost } : undefined;
  return queryAll(
    {
      IndexName: input.index,
      KeyConditionExpression: `#pk = :pk${sk?.condition ?? ''}`,
      ExpressionAttributeNames: { '#pk': input.pkName ?? 'pk', ...(sk ? { '#sk': input.skName ?? 'sk' } : {}) },
      ExpressionAttributeValues: { ':pk': input.pk, ...(sk ? { ':sk': sk.value } : {}) },
    },
    input.limit,
  );
}

async function batchDelete(keys: Array<{ pk: string; sk: string }>): Promise<void> {
  const batches: Array<typeof keys> = [];
  for (let i = 0; i < keys.length; i += 25) batches.push(keys.slice(i, i + 25));
  await inParallel(batches, 4, async (batch) => {
    let requests = batch.map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
      requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      if (requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  });
}

const erasureFromItem = (item: Record<string, unknown>) => fromItem<Erasure>(item);

export const dynamoPersonalDataStore: PersonalDataStore & { clearCache(): void } = {
  privacyNotice: () => notice(),
  async putPrivacyNotice(value, { onlyIfAbsent = false } = {}) {
    const { version, text, publishedAt } = value;
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: { ...PRIVACY_NOTICE_KEY, entity: 'privacyNotice', version, text, publishedAt },
              ...(onlyIfAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
            },
          },
          bumpVersion('privacyNotice'),
        ],
      });
    } catch (error) {
      if (onlyIfAbsent && failedConditionIndex(error) === 0) return false;
      throw error;
    }
    forgetReferenceVersions();
    return true;
  },
  clearCache: () => notice.clear(),

  async requestErasure(erasure) {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...erasureKey(erasure.userId), entity: 'erasure', gsi4pk: ERASURES_PENDING, gsi4sk: `${erasure.requestedAt}#${erasure.id}`, ...erasure },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return erasure;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.erasure(erasure.userId);
      if (!existing) throw error;
      return existing;
    }
  },
  async erasure(userId) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: erasureKey(userId), ConsistentRead: true }));
    return out.Item ? erasureFromItem(out.Item) : undefined;
  },
  async finishErasure(userId, finishedAt, counts) {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: erasureKey(userId),
        // The first finish is the one on record; a replay changes nothing.
        UpdateExpression: 'SET #status = :done, finishedAt = if_not_exists(finishedAt, :at), #counts = if_not_exists(#counts, :counts) REMOVE gsi4pk, gsi4sk',
        ExpressionAttributeNames: { '#status': 'status', '#counts': 'counts' },
        ExpressionAttributeValues: { ':done': 'done', ':at': finishedAt, ':counts': counts },
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  },
  async pendingErasures(limit) {
    return (await partitionItems({ index: 'gsi4', pkName: 'gsi4pk', pk: ERASURES_PENDING, limit })).map(erasureFromItem);
  },

  async followings(userId) {
    const items = await partitionItems({ index: 'gsi1', pkName: 'gsi1pk', skName: 'gsi1sk', pk: citizenPartition(userId), skPrefix: 'FOLLOWING#' });
    return items.map((i) => ({ ticketId: i.ticketId as string, at: i.at as string, via: i.via as string }));
  },
  async deleteFollowings(userId, ticketIds) {
    await batchDelete(ticketIds.map((id) => followerKey(id, userId)));
    return ticketIds.length;
  },
  async deleteInbox(userId) {
    const items = await partitionItems({ pk: inboxPartition({ kind: 'user', userId }) });
    await batchDelete(items.map((i) => ({ pk: i.pk as string, sk: i.sk as string })));
    return items.length;
  },
  async deletePreferences(userId) {
    const out = await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: preferencesKey(userId), ReturnValues: 'ALL_OLD' }));
    return out.Attributes ? 1 : 0;
  },
  async deleteUploads(ids) {
    await batchDelete(ids.map(uploadKey));
  },
  async scrubEvent(ticketId, version, { actorId, removeData }) {
    // DynamoDB rejects names an expression does not use: `#data` only with removals.
    const names: Record<string, string> = removeData.length ? { '#data': 'data' } : {};
    const removes = removeData.map((field, i) => {
      names[`#f${i}`] = field;
      return `#data.#f${i}`;
    });
    const sets = actorId ? ['#actor.#id = :actor'] : [];
    if (actorId) Object.assign(names, { '#actor': 'actor', '#id': 'id' });
    if (!sets.length && !removes.length) return;
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: ticketKey(ticketId).pk, sk: eventSk(version) },
        UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
        ExpressionAttributeNames: names,
        ...(actorId ? { ExpressionAttributeValues: { ':actor': actorId } } : {}),
        ConditionExpression: 'attribute_exists(pk)',
      }),
    ).catch((error) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
  },
  async scrubEventOwners(ticketId, versions, citizenId) {
    await inParallel(versions, 4, (version) =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: ticketKey(ticketId).pk, sk: eventSk(version) },
          UpdateExpression: 'SET #ticket.#citizen = :c',
          ExpressionAttributeNames: { '#ticket': 'ticket', '#citizen': 'citizenId' },
          ExpressionAttributeValues: { ':c': citizenId },
          ConditionExpression: 'attribute_exists(#ticket)',
        }),
      ).catch((error) => {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }),
    );
  },

  async retentionDue(lastDay, limit) {
    // `<day>#<ulid>` sorts below `<day>#~`: every ticket finalised on or before lastDay, oldest first over all shards.
    const page = await queryShardsPage({ index: 'gsi3', partitions: retentionPartitions(), sortKeyBelow: `${lastDay}#~`, limit });
    return page.items.map((i) => i.id as string);
  },

  async appendAccess(entries) {
    if (!entries.length) return;
    await batchWrite(entries.map((e) => ({ pk: accessPartition(e.ticketId), sk: `${e.at}#${e.id}`, entity: 'access', ...e })));
  },
  async appendExportAccess(entry) {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: { pk: EXPORTS_PARTITION, sk: `${entry.at}#${entry.id}`, entity: 'exportAccess', ...entry } }));
  },
  async accessLog(ticketId, { limit, cursor }) {
    const page = await queryPage({ partitionValue: accessPartition(ticketId), limit, cursor });
    return { items: page.items.map((i) => fromItem<AccessEntry>(i)), nextCursor: page.nextCursor };
  },
  async exportsSince(since) {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': EXPORTS_PARTITION, ':since': since },
      }),
    );
    return (out.Items ?? []).map((i) => fromItem<ExportAccess>(i));
  },
};
