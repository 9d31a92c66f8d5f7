/**
 * One page of a Query, filled up to `limit` even when a filter drops items, with a cursor
 * made from the last item returned (not DynamoDB's LastEvaluatedKey, which may lie past it).
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../../app/ports.js';
import { documentClient } from './client.js';
import { decodeCursor, encodeCursor, type CursorShape, type KeyRule } from './cursor.js';
import { tableDefinition, tableName, type IndexName } from './table.js';

export interface PageQuery {
  index?: IndexName;
  partitionValue: string;
  /** Only items whose sort key begins with this (`begins_with`); a cursor must fit it too. */
  sortKeyPrefix?: string;
  /** On an index: the table keys of the items it lists (a ticket's `TICKET#<id>` / `TICKET`), which a cursor must match. */
  itemKey?: { pk: KeyRule; sk: KeyRule };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

export async function queryPage(query: PageQuery): Promise<Page<Record<string, unknown>>> {
  const keys = query.index ? tableDefinition.indexes[query.index] : tableDefinition;
  const prefix = query.sortKeyPrefix;
  const shape: CursorShape = {
    [tableDefinition.partitionKey]: query.itemKey?.pk ?? 'any',
    [tableDefinition.sortKey]: query.itemKey?.sk ?? 'any',
    [keys.partitionKey]: { equals: query.partitionValue },
    [keys.sortKey]: prefix ? { prefix } : 'any',
  };
  const keyNames = Object.keys(shape);
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: query.index,
    KeyConditionExpression: `#pk = :pk${prefix ? ' AND begins_with(#sk, :prefix)' : ''}`,
    ExpressionAttributeNames: { '#pk': keys.partitionKey, ...(prefix ? { '#sk': keys.sortKey } : {}), ...query.filter?.names },
    ExpressionAttributeValues: { ':pk': query.partitionValue, ...(prefix ? { ':prefix': prefix } : {}), ...query.filter?.values },
    FilterExpression: query.filter?.expression,
    ScanIndexForward: !query.newestFirst,
    ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, shape) : undefined,
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
