import { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { UploadStore } from '../../app/ports.js';
import { documentClient } from './client.js';
import { queryShardsPage } from './query-shards.js';
import { tableName } from './table.js';
import { unattachedDayPartitions, uploadFromItem, uploadKey, uploadToItem } from './upload-items.js';
import type { Upload } from '../../domain/upload.js';

export const dynamoUploadStore: UploadStore = {
  async create(upload) {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: uploadToItem(upload), ConditionExpression: 'attribute_not_exists(pk)' }));
  },

  async get(id) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: uploadKey(id), ConsistentRead: true }));
    return out.Item ? uploadFromItem(out.Item) : undefined;
  },

  async getMany(ids) {
    const found = new Map<string, Upload>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found;
    let keys: Record<string, unknown>[] | undefined = unique.map(uploadKey);
    // ≤ 10 keys (two lists of ≤ 5): one call, plus retries of anything left unprocessed.
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const out = await documentClient.send(new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }));
      for (const item of out.Responses?.[tableName()] ?? []) {
        const upload = uploadFromItem(item);
        found.set(upload.id, upload);
      }
      keys = out.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
    return found;
  },

  async finish(id, outcome, at) {
    const fields = { ...outcome, processedAt: at };
    const names = Object.keys(fields);
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: uploadKey(id),
          UpdateExpression: `SET ${names.map((n, i) => `#f${i} = :v${i}`).join(', ')}`,
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { ...Object.fromEntries(names.map((n, i) => [`#f${i}`, n])), '#status': 'status' },
          ExpressionAttributeValues: { ...Object.fromEntries(names.map((n, i) => [`:v${i}`, fields[n as keyof typeof fields]])), ':pending': 'pending' },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },

  async unattachedOn(day, page) {
    const out = await queryShardsPage({ index: 'gsi4', partitions: unattachedDayPartitions(day), limit: page.limit, cursor: page.cursor });
    return { items: out.items.map(uploadFromItem), nextCursor: out.nextCursor };
  },

  async delete(id) {
    try {
      await documentClient.send(
        new DeleteCommand({ TableName: tableName(), Key: uploadKey(id), ConditionExpression: '#status <> :attached', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':attached': 'attached' } }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  },
};
