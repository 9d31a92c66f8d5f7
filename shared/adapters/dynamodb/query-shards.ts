/**
 * One page over a sharded index key: every shard is queried in parallel and the results are
 * merged in sort-key order, as if the shards were one partition. Each shard is read lazily, a
 * slice at a time, so a page reads about what it returns plus one (possibly empty) Query per
 * shard. Sort keys are unique across the shards (they end with the item's id), so the cursor is
 * the last sort key handed out, and every shard resumes after it with a key condition: a cursor
 * of one short key whatever the number of shards (a CSV export's part cursor must fit a URL),
 * and an item written since into any shard after that key is found, as in one partition. The
 * cursor also names its list (a hash of the index and partitions): another list's cursor is a 400.
 */
import { createHash } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '../../domain/errors.js';
import type { Page } from '../../app/ports.js';
import { documentClient } from './client.js';
import { tableDefinition, tableName, type IndexName } from './table.js';

export interface ShardedQuery {
  index: IndexName;
  partitions: string[];
  /** Only sort keys strictly below this. */
  sortKeyBelow?: string;
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
  limit: number;
  cursor?: string;
}

/** AWS bills a Query at least 0.5 read units (eventually consistent), even an empty one. */
export const MIN_QUERY_READ_UNITS = 0.5;

/** DynamoDB's own limit on a sort key value. */
const MAX_KEY_BYTES = 1024;

type Item = Record<string, unknown>;
interface Shard {
  partition: string;
  start: Item | undefined;
  buffer: Item[];
  done: boolean;
}

export async function queryShardsPage(query: ShardedQuery): Promise<Page<Item> & { readUnits: number; billedReadUnits: number }> {
  const keys = tableDefinition.indexes[query.index];
  const list = listTag(query);
  const after = query.cursor ? decodePosition(query.cursor, list, query.sortKeyBelow) : undefined;
  const shards: Shard[] = query.partitions.map((partition) => ({ partition, start: undefined, buffer: [], done: false }));
  const before = (a: string, b: string) => (query.newestFirst ? a > b : a < b);
  let readUnits = 0;
  let billedReadUnits = 0;
  const items: Item[] = [];

  // One condition on the sort key: past the cursor (in the read's direction) and below the bound.
  // Ascending with both, BETWEEN is inclusive at both ends: the two end keys are dropped below.
  const range =
    after === undefined
      ? query.sortKeyBelow
        ? { condition: ' AND #sk < :below', values: { ':below': query.sortKeyBelow } }
        : undefined
      : query.newestFirst
        ? { condition: ' AND #sk < :after', values: { ':after': after } }
        : query.sortKeyBelow
          ? { condition: ' AND #sk BETWEEN :after AND :below', values: { ':after': after, ':below': query.sortKeyBelow } }
          : { condition: ' AND #sk > :after', values: { ':after': after } };
  const inRange = (item: Item) => {
    const k = sortKey(item, keys.sortKey);
    return k !== after && (query.sortKeyBelow === undefined || k < query.sortKeyBelow);
  };

  const fetch = async (shard: Shard, count: number) => {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: query.index,
        KeyConditionExpression: `#pk = :pk${range?.condition ?? ''}`,
        ExpressionAttributeNames: { '#pk': keys.partitionKey, ...(range ? { '#sk': keys.sortKey } : {}), ...query.filter?.names },
        ExpressionAttributeValues: { ':pk': shard.partition, ...range?.values, ...query.filter?.values },
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
    shard.buffer.push(...(out.Items ?? []).filter(inRange));
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
      next.buffer.shift();
      items.push(head);
    }
  }
  const more = shards.some((s) => !s.done || s.buffer.length > 0);
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodePosition(list, sortKey(last, keys.sortKey)) : null, readUnits, billedReadUnits };
}

const sortKey = (item: Item | undefined, name: string) => String(item?.[name] ?? '');

const listTag = (query: ShardedQuery) => createHash('sha1').update(JSON.stringify([query.index, query.partitions])).digest('base64url').slice(0, 12);
const encodePosition = (list: string, after: string) => Buffer.from(JSON.stringify({ list, after })).toString('base64url');

/** The sort key a cursor resumes after, if it is one this query could have issued; anything else is a 400. */
function decodePosition(cursor: string, list: string, below: string | undefined): string {
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    position = undefined;
  }
  const fields = typeof position === 'object' && position !== null && !Array.isArray(position) && Object.keys(position).length === 2 ? (position as { list?: unknown; after?: unknown }) : {};
  const after = fields.list === list ? fields.after : undefined;
  if (typeof after !== 'string' || after.length === 0 || Buffer.byteLength(after) > MAX_KEY_BYTES || (below !== undefined && after >= below)) {
    throw new ValidationError('The cursor is not valid for this list.', [{ path: 'query.cursor', message: 'invalid cursor' }]);
  }
  return after;
}
