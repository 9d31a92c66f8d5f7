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
import type { AreaMapping } from '../../reference/area-mapping.js';
import { provinceUnitPrefix, seedDepartments } from '../../reference/departments.js';
import { seedHolidays } from '../../reference/holidays.js';
import { seedRoutingRules } from '../../reference/routing-rules.js';
import { batchWrite, inParallel, writeAreaMappings, writeAreas } from './area-store.js';
import { documentClient } from './client.js';
import { departmentItem } from './department-directory.js';
import { categoryItem, holidaysKey } from './reference-store.js';
import { bumpVersion } from './reference-version.js';
import { dynamoRuleStore, ruleItem, slotItem } from './routing-rule-store.js';
import { tableName } from './table.js';
import { transactWrite } from './transact.js';

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
  /** The catalog to load (see local/area-catalogs.ts). */
  areas: readonly Area[];
  /**
   * The provinces whose departments and default rules are seeded; the first is the home
   * province, whose units keep the short ids (reference/departments.ts).
   */
  provinceCode: string | readonly string[];
  /** The 2024 → 2025 ward table (seeded with the 2025 catalog) the area migration reads. */
  mappings?: readonly AreaMapping[];
}

export async function seedReferenceData({ areas, provinceCode, mappings = [] }: SeedInput): Promise<{ seeded: boolean }> {
  const provinces = typeof provinceCode === 'string' ? [provinceCode] : provinceCode;
  const rules = provinces.flatMap((code, i) => seedRoutingRules(areas, code, provinceUnitPrefix(code, i === 0)));
  const items = [
    ...seedCategories.map(categoryItem),
    ...Object.entries(seedHolidays).map(([year, dates]) => ({ ...holidaysKey(Number(year)), entity: 'holidays', year: Number(year), dates })),
    ...provinces.flatMap((code, i) => seedDepartments(areas, code, provinceUnitPrefix(code, i === 0))).map(departmentItem),
  ];
  const hash = createHash('sha256').update(JSON.stringify({ items, rules, areas, mappings })).digest('base64url');
  const marker = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: MARKER_KEY, ConsistentRead: true }))).Item;
  if (marker?.hash === hash) return { seeded: false };

  await writeAreas(areas);
  await writeAreaMappings(mappings);
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
