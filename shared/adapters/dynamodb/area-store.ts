/**
 * Areas in the table: one item per unit, listed by parent through gsi1. Areas change only when
 * a new catalog is seeded, so each instance caches every unit it has looked up.
 */
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AreaStore } from '../../app/ports.js';
import type { Area } from '../../domain/area.js';
import type { AreaMapping } from '../../reference/area-mapping.js';
import { documentClient } from './client.js';
import { queryPage } from './query-page.js';
import { fromItem, tableName } from './table.js';

const childrenPartition = (parentCode: string) => `AREA_CHILDREN#${parentCode}`;
export const areaItem = (a: Area) => ({ pk: `AREA#${a.code}`, sk: 'AREA', entity: 'area', gsi1pk: childrenPartition(a.parentCode), gsi1sk: a.code, ...a });

const cache = new Map<string, Promise<Area | undefined>>();
/** Drops what this instance remembers of areas: after a new catalog is seeded into a running process. */
export const forgetAreas = () => cache.clear();

export const dynamoAreaStore: AreaStore = {
  get(code) {
    let area = cache.get(code);
    if (!area) {
      area = documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: `AREA#${code}`, sk: 'AREA' } })).then((out) => (out.Item ? fromItem<Area>(out.Item) : undefined));
      // Unknown codes are not remembered: they may be seeded later.
      area.then((a) => a ?? cache.delete(code), () => cache.delete(code));
      cache.set(code, area);
    }
    return area;
  },

  async children(parentCode, page) {
    const out = await queryPage({ index: 'gsi1', partitionValue: childrenPartition(parentCode), itemKey: { pk: { prefix: 'AREA#' }, sk: { equals: 'AREA' } }, ...page });
    return { items: out.items.map((item) => fromItem<Area>(item)), nextCursor: out.nextCursor };
  },
};

/** The 2024 → 2025 ward table: one partition, read whole by the area migration. */
export const AREA_MAPPING_PARTITION = 'AREA_MAPPING#2024';
export const areaMappingItem = (m: AreaMapping) => ({ pk: AREA_MAPPING_PARTITION, sk: m.oldCode, entity: 'area_mapping', ...m });

export async function writeAreaMappings(mappings: readonly AreaMapping[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < mappings.length; i += 25) batches.push(mappings.slice(i, i + 25).map(areaMappingItem));
  await inParallel(batches, 8, (batch) => batchWrite(batch));
}

/** Areas are not edited by admins, so seeding overwrites them in batches. */
export async function writeAreas(areas: readonly Area[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < areas.length; i += 25) batches.push(areas.slice(i, i + 25).map(areaItem));
  await inParallel(batches, 8, (batch) => batchWrite(batch));
}

/** BatchWriteItem takes at most 25 items: larger lists (a page of 100 access entries) go in slices. */
const BATCH_MAX = 25;

export async function batchWrite(items: Record<string, unknown>[]): Promise<void> {
  if (items.length > BATCH_MAX) {
    for (let i = 0; i < items.length; i += BATCH_MAX) await batchWrite(items.slice(i, i + BATCH_MAX));
    return;
  }
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    const out = await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }));
    requests = (out.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
    if (requests.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
  }
}

export async function inParallel<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}
