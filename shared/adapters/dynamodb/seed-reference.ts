/**
 * Loads reference data: categories, holidays, areas, departments and default routing rules.
 * A marker remembers a hash of what was seeded, so a restart with the same data costs one
 * read. A fresh table is filled in batches; on a table that already holds seeded data (new
 * seed data after an upgrade) only missing items are written, so admins' edits survive.
 */
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Area } from '../../domain/area.js';
import { ConflictError } from '../../domain/errors.js';
import { seedCategories } from '../../reference/categories.js';
import { seedDepartments } from '../../reference/departments.js';
import { seedHolidays } from '../../reference/holidays.js';
import { seedRoutingRules } from '../../reference/routing-rules.js';
import { batchWrite, inParallel, writeAreas } from './area-store.js';
import { documentClient } from './client.js';
import { departmentItem } from './department-directory.js';
import { categoryItem, holidaysKey } from './reference-store.js';
import { bumpVersion } from './reference-version.js';
import { dynamoRuleStore, ruleItem, slotItem } from './routing-rule-store.js';
import { tableName } from './table.js';
import { transactWrite } from './ticket-store.js';

const MARKER_KEY = { pk: 'SEED', sk: 'REFERENCE' };

export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export interface SeedInput {
  /** The catalog to load (see local/hanhchinhvn.ts). */
  areas: readonly Area[];
  /** The province whose departments and default rules are seeded. */
  provinceCode: string;
}

export async function seedReferenceData({ areas, provinceCode }: SeedInput): Promise<{ seeded: boolean }> {
  const rules = seedRoutingRules(areas, provinceCode);
  const items = [
    ...seedCategories.map(categoryItem),
    ...Object.entries(seedHolidays).map(([year, dates]) => ({ ...holidaysKey(Number(year)), entity: 'holidays', year: Number(year), dates })),
    ...seedDepartments(areas, provinceCode).map(departmentItem),
  ];
  const hash = createHash('sha256').update(JSON.stringify({ items, rules, areas })).digest('base64url');
  const marker = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: MARKER_KEY, ConsistentRead: true }))).Item;
  if (marker?.hash === hash) return { seeded: false };

  await writeAreas(areas);
  if (!marker) {
    const all = [...items, ...rules.flatMap((r) => [ruleItem(r), slotItem(r)])];
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < all.length; i += 25) batches.push(all.slice(i, i + 25));
    await inParallel(batches, 8, batchWrite);
  } else {
    await inParallel(items, 16, putIfAbsent);
    await inParallel(rules, 16, (rule) => dynamoRuleStore.put(rule).catch((e) => (e instanceof ConflictError ? undefined : Promise.reject(e))));
  }
  await transactWrite({ TransactItems: [bumpVersion('categories', 'calendar', 'departments', 'rules'), { Put: { TableName: tableName(), Item: { ...MARKER_KEY, entity: 'seed', hash } } }] });
  return { seeded: true };
}
