/**
 * Loads reference data into the table. Only missing items are written, so re-running it (every
 * `npm start`, every deploy) never overwrites what admins changed since.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { seedCategories } from '../../reference/categories.js';
import { seedHolidays } from '../../reference/holidays.js';
import { documentClient } from './client.js';
import { categoryItem, holidaysKey } from './reference-store.js';
import { tableName } from './table.js';

export async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
  try {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export async function seedReferenceData(): Promise<{ written: number }> {
  const items = [
    ...seedCategories.map(categoryItem),
    ...Object.entries(seedHolidays).map(([year, dates]) => ({ ...holidaysKey(Number(year)), entity: 'holidays', year: Number(year), dates })),
  ];
  const results = await Promise.all(items.map(putIfAbsent));
  return { written: results.filter(Boolean).length };
}
