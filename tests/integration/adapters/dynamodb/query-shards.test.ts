import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../../../shared/adapters/dynamodb/client.js';
import { queryShardsPage, type ShardedQuery } from '../../../../shared/adapters/dynamodb/query-shards.js';
import { shardedPartitions, shardOf } from '../../../../shared/adapters/dynamodb/shards.js';
import { tableName } from '../../../../shared/adapters/dynamodb/table.js';
import { ValidationError } from '../../../../shared/domain/errors.js';
import { createTestTable } from '../../../support/table.js';

/**
 * gsi3 items under a test base key, spread over 5 shards plus the unsharded base (items written
 * before sharding), with a deliberately uneven spread: shard 3 is empty, the base holds a few.
 */
const BASE = 'QS';
const SHARDS = 5;
const partitions = shardedPartitions(BASE, SHARDS);

interface Row {
  id: string;
  sortKey: string;
  partition: string;
  kept: boolean;
}

const rows: Row[] = Array.from({ length: 83 }, (_, i) => {
  const id = `i${String(i).padStart(3, '0')}`;
  // sort keys interleave across shards: a shard's order is not the id's order
  const sortKey = `2026-12-${String(1 + ((i * 37) % 28)).padStart(2, '0')}T0${i % 10}:00:00Z#${id}`;
  const legacy = i % 11 === 0;
  const shard = shardOf(id, SHARDS - 1);
  const partition = legacy ? BASE : `${BASE}#${shard >= 3 ? shard + 1 : shard}`;
  return { id, sortKey, partition, kept: i % 4 !== 1 };
});

const ascending = (rs: Row[]) => rs.map((r) => r.sortKey).sort();

async function allPages(query: Omit<ShardedQuery, 'cursor'>): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await queryShardsPage({ ...query, cursor });
    expect(page.items.length).toBeLessThanOrEqual(query.limit);
    keys.push(...page.items.map((i) => i.gsi3sk as string));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (cursor);
  return { keys, pages };
}

beforeAll(async () => {
  await createTestTable({ seed: false });
  const items = rows.map((r) => ({ pk: `QS#${r.id}`, sk: 'ITEM', gsi3pk: r.partition, gsi3sk: r.sortKey, kept: r.kept }));
  for (let i = 0; i < items.length; i += 25) {
    await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
  // the spread the test relies on: several shards, one empty, legacy items under the base
  expect(new Set(rows.map((r) => r.partition)).size).toBe(SHARDS);
  expect(rows.some((r) => r.partition === `${BASE}#3`)).toBe(false);
});

describe('queryShardsPage', () => {
  it('lists every shard and the legacy base as one partition in sort order, within one page', async () => {
    const page = await queryShardsPage({ index: 'gsi3', partitions, limit: 100 });
    expect(page.items.map((i) => i.gsi3sk)).toEqual(ascending(rows));
    expect(page.nextCursor).toBeNull();
  });

  it.each([1, 2, 7, 30])('resumes from its cursor over many pages of %i without losing or repeating an item', async (limit) => {
    const { keys, pages } = await allPages({ index: 'gsi3', partitions, limit });
    expect(keys).toEqual(ascending(rows));
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(rows.length / limit));
  });

  it('merges newest first', async () => {
    const { keys } = await allPages({ index: 'gsi3', partitions, limit: 9, newestFirst: true });
    expect(keys).toEqual(ascending(rows).reverse());
  });

  it('pages over a filter that leaves some shards empty for a while', async () => {
    const filter = { expression: '#kept = :yes', names: { '#kept': 'kept' }, values: { ':yes': true } };
    const { keys } = await allPages({ index: 'gsi3', partitions, limit: 4, filter });
    expect(keys).toEqual(ascending(rows.filter((r) => r.kept)));
  });

  it('keeps to the sort-key bound on every page', async () => {
    const below = '2026-12-15';
    const { keys } = await allPages({ index: 'gsi3', partitions, limit: 6, sortKeyBelow: below });
    const expected = ascending(rows.filter((r) => r.sortKey < below));
    expect(expected.length).toBeGreaterThan(10);
    expect(keys).toEqual(expected);
  });

  it('sees an item written between two pages after the cursor once, even in a shard that had run dry', async () => {
    const first = await queryShardsPage({ index: 'gsi3', partitions, limit: 10 });
    // shard 3 was empty when the first page was read
    const late = { pk: 'QS#late', sk: 'ITEM', gsi3pk: `${BASE}#3`, gsi3sk: '2026-12-31T00:00:00Z#late', kept: true };
    await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: [{ PutRequest: { Item: late } }] } }));
    try {
      const keys = first.items.map((i) => i.gsi3sk as string);
      let cursor = first.nextCursor ?? undefined;
      while (cursor) {
        const page = await queryShardsPage({ index: 'gsi3', partitions, limit: 10, cursor });
        keys.push(...page.items.map((i) => i.gsi3sk as string));
        cursor = page.nextCursor ?? undefined;
      }
      expect(keys).toEqual([...ascending(rows), late.gsi3sk]);
    } finally {
      await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: [{ DeleteRequest: { Key: { pk: late.pk, sk: late.sk } } }] } }));
    }
  });

  describe('a cursor that is not one this query issued is a 400', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { list: string; after: string };
    let issued: { list: string; after: string };
    beforeAll(async () => {
      issued = decode((await queryShardsPage({ index: 'gsi3', partitions, limit: 3 })).nextCursor!);
    });
    const cases: Array<[string, () => string]> = [
      ['not base64 JSON', () => '%%%'],
      ['JSON but not an object', () => encode([1, 2])],
      ['an empty object', () => encode({})],
      ['no list', () => encode({ after: issued.after })],
      ['a position that is not a string', () => encode({ ...issued, after: 5 })],
      ['an empty position', () => encode({ ...issued, after: '' })],
      ['a position longer than any sort key', () => encode({ ...issued, after: 'x'.repeat(1025) })],
      ['another field', () => encode({ ...issued, partition: 'CITIZEN#someone' })],
      ['an ordinary single-partition cursor (an item key)', () => encode({ pk: 'QS#i005', sk: 'ITEM', gsi3pk: `${BASE}#0`, gsi3sk: '2026-12-01T00:00:00Z#i005' })],
    ];
    it.each(cases)('%s', async (_name, cursor) => {
      const error = await queryShardsPage({ index: 'gsi3', partitions, limit: 5, cursor: cursor() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ path: 'query.cursor', message: 'invalid cursor' }]);
    });

    it("another list's cursor (other partitions, or another index)", async () => {
      const other = (await queryShardsPage({ index: 'gsi3', partitions: partitions.slice(1), limit: 3 })).nextCursor!;
      await expect(queryShardsPage({ index: 'gsi3', partitions, limit: 5, cursor: other })).rejects.toBeInstanceOf(ValidationError);
      const mine = encode(issued);
      await expect(queryShardsPage({ index: 'gsi3', partitions, limit: 5, cursor: mine })).resolves.toBeDefined();
      await expect(queryShardsPage({ index: 'gsi4', partitions, limit: 5, cursor: mine })).rejects.toBeInstanceOf(ValidationError);
    });

    it('a position at or past the sort-key bound', async () => {
      const bounded = (await queryShardsPage({ index: 'gsi3', partitions, limit: 3, sortKeyBelow: '2026-12-15' })).nextCursor!;
      expect(decode(bounded).after < '2026-12-15').toBe(true);
      for (const after of ['2026-12-15', '2026-12-20T00:00:00Z#i005']) {
        const cursor = encode({ ...decode(bounded), after });
        await expect(queryShardsPage({ index: 'gsi3', partitions, limit: 5, sortKeyBelow: '2026-12-15', cursor })).rejects.toBeInstanceOf(ValidationError);
      }
    });

    it('stays short whatever the number of shards', async () => {
      expect(encode(issued).length).toBeLessThan(160);
    });
  });
});
