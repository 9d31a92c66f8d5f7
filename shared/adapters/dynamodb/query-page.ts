/**
 * One page of a Query, filled up to `limit` even when a filter drops items, with a cursor
 * made from the last item returned (not DynamoDB's LastEvaluatedKey, which may lie past it).
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../app/ports.js';
import { documentClient } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { tableDefinition, tableName, type IndexName } from './table.js';

export interface PageQuery {
  index?: IndexName;
  partitionValue: string;
  /** e.g. `begins_with(#sk, :prefix)`, using `#sk` for the sort key */
  sortCondition?: { expression: string; values: Record<string, unknown> };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

export async function queryPage(query: PageQuery): Promise<Page<Record<string, unknown>>> {
  const keys = query.index ? tableDefinition.indexes[query.index] : tableDefinition;
  const keyNames = [tableDefinition.partitionKey, tableDefinition.sortKey, keys.partitionKey, keys.sortKey];
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: query.index,
    KeyConditionExpression: `#pk = :pk${query.sortCondition ? ` AND ${query.sortCondition.expression}` : ''}`,
    ExpressionAttributeNames: { '#pk': keys.partitionKey, ...(query.sortCondition ? { '#sk': keys.sortKey } : {}), ...query.filter?.names },
    ExpressionAttributeValues: { ':pk': query.partitionValue, ...query.sortCondition?.values, ...query.filter?.values },
    FilterExpression: query.filter?.expression,
    ScanIndexForward: !query.newestFirst,
    ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, { [keys.partitionKey]: query.partitionValue }, keyNames) : undefined,
  };
  const items: Record<string, unknown>[] = [];
  for (;;) {
    const out = await documentClient.send(new QueryCommand({ ...input, Limit: query.limit - items.length + (query.filter ? 10 : 0) }));
    items.push(...(out.Items ?? []));
    if (items.length >= query.limit) {
      const page = items.slice(0, query.limit);
      const last = page[page.length - 1]!;
      const more = items.length > query.limit || out.LastEvaluatedKey !== undefined;
      return { items: page, nextCursor: more ? encodeCursor(Object.fromEntries(keyNames.map((k) => [k, String(last[k])]))) : null };
    }
    if (!out.LastEvaluatedKey) return { items, nextCursor: null };
    input.ExclusiveStartKey = out.LastEvaluatedKey;
  }
}
