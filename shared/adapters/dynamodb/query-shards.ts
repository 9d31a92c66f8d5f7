/**
 * One page over a sharded index key: every shard is queried in parallel and the results are
 * merged in sort-key order, as if the shards were one partition. Each shard is read lazily, a
 * slice at a time, so a page reads about what it returns plus one (possibly empty) Query per
 * shard. The cursor holds each unfinished shard's position; a finished shard drops out of it.
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../domain/errors.js';
import type { Page } from '../../app/ports.js';
import { documentClient } from './client.js';
import { decodeCursor, encodeCursor, type KeyRule } from './cursor.js';
import { tableDefinition, tableName, type IndexName } from './table.js';

export interface ShardedQuery {
  index: IndexName;
  partitions: string[];
  /** Only sort keys strictly below this. */
  sortKeyBelow?: string;
  /** On an index: the table keys of the items it lists, which a cursor must match. */
  itemKey?: { pk: KeyRule; sk: KeyRule };
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

/** AWS bills a Query at least 0.5 read units (eventually consistent), even an empty one. */
export const MIN_QUERY_READ_UNITS = 0.5;

type Item = Record<string, unknown>;
interface Shard {
  partition: string;
  start: Item | undefined;
  buffer: Item[];
  done: boolean;
  /** Where this page began in the shard (undefined: at its start). */
  initial: Item | undefined;
  /** The last item of this shard handed out in this page. */
  lastOut: Item | undefined;
}

export async function queryShardsPage(query: ShardedQuery): Promise<Page<Item> & { readUnits: number; billedReadUnits: number }> {
  const keys = tableDefinition.indexes[query.index];
  const keyNames = [tableDefinition.partitionKey, tableDefinition.sortKey, keys.partitionKey, keys.sortKey];
  const shards = openShards(query, keyNames);
  const before = (a: string, b: string) => (query.newestFirst ? a > b : a < b);
  let readUnits = 0;
  let billedReadUnits = 0;
  const items: Item[] = [];

  const fetch = async (shard: Shard, count: number) => {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: `#pk = :pk${query.sortKeyBelow ? ' AND #sk < :below' : ''}`,
        ExpressionAttributeNames: { '#pk': keys.partitionKey, ...(query.sortKeyBelow ? { '#sk': keys.sortKey } : {}), ...query.filter?.names },
        ExpressionAttributeValues: { ':pk': shard.partition, ...(query.sortKeyBelow ? { ':below': query.sortKeyBelow } : {}), ...query.filter?.values },
        FilterExpression: query.filter?.expression,
        ScanIndexForward: !query.newestFirst,
        ExclusiveStartKey: shard.start,
        Limit: count,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const units = out.ConsumedCapacity?.CapacityUnits ?? 0;
    readUnits += units;
    billedReadUnits += Math.max(units, MIN_QUERY_READ_UNITS);
    shard.buffer.push(...(out.Items ?? []));
    shard.start = out.LastEvaluatedKey;
    shard.done = !out.LastEvaluatedKey;
  };

  while (items.length < query.limit) {
    const live = shards.filter((s) => !s.done || s.buffer.length > 0);
    if (live.length === 0) break;
    const slice = Math.max(1, Math.ceil((query.limit - items.length) / live.length));
    await Promise.all(live.filter((s) => !s.done && s.buffer.length === 0).map((s) => fetch(s, slice)));
    // Safe to hand out: whatever sorts before the furthest point every unfinished shard has read to.
    const reached = live.filter((s) => !s.done).map((s) => sortKey(s.buffer.at(-1) ?? s.start, keys.sortKey));
    const bound = reached.reduce<string | undefined>((b, k) => (b === undefined || before(k, b) ? k : b), undefined);
    for (;;) {
      if (items.length >= query.limit) break;
      const next = shards
        .filter((s) => s.buffer.length > 0)
        .reduce<Shard | undefined>((best, s) => (!best || before(sortKey(s.buffer[0], keys.sortKey), sortKey(best.buffer[0], keys.sortKey)) ? s : best), undefined);
      if (!next) break;
      const head = next.buffer[0]!;
      if (bound !== undefined && before(bound, sortKey(head, keys.sortKey))) break;
      next.lastOut = next.buffer.shift()!;
      items.push(head);
    }
  }
  const remaining = shards.filter((s) => !s.done || s.buffer.length > 0);
  const nextCursor = remaining.length
    ? encodeCursor(
        Object.fromEntries(
          remaining.map((s) => {
            // Items read but not handed out are read again from the last one handed out.
            const at = s.buffer.length > 0 ? (s.lastOut ?? s.initial) : s.start;
            return [s.partition, at ? encodeCursor(Object.fromEntries(keyNames.map((k) => [k, String(at[k])]))) : ''];
          }),
        ),
      )
    : null;
  return { items, nextCursor, readUnits, billedReadUnits };
}

const sortKey = (item: Item | undefined, name: string) => String(item?.[name] ?? '');

function openShards(query: ShardedQuery, keyNames: string[]): Shard[] {
  const fresh = (partition: string, start?: Item): Shard => ({ partition, start, buffer: [], done: false, initial: start, lastOut: undefined });
  if (!query.cursor) return query.partitions.map((p) => fresh(p));
  const keys = tableDefinition.indexes[query.index];
  const invalid = () => new ValidationError('The cursor is not valid for this list.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  let outer: unknown;
  try {
    outer = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof outer !== 'object' || outer === null || Array.isArray(outer) || Object.keys(outer).length === 0) throw invalid();
  return Object.entries(outer as Record<string, unknown>).map(([partition, inner]) => {
    if (!query.partitions.includes(partition) || typeof inner !== 'string') throw invalid();
    if (inner === '') return fresh(partition);
    const start = decodeCursor(inner, {
      [keyNames[0]!]: query.itemKey?.pk ?? 'any',
      [keyNames[1]!]: query.itemKey?.sk ?? 'any',
      [keys.partitionKey]: { equals: partition },
      [keys.sortKey]: query.sortKeyBelow ? { below: query.sortKeyBelow } : 'any',
    });
    return fresh(partition, start);
  });
}
