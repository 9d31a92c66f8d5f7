/**
 * Reference data (categories, holiday calendar) read on the intake path, cached per Lambda
 * instance: categories until their version moves (see reference-version.ts), holidays for
 * `CACHE_MS`. Intake does not pay a round trip for data that changes a few times a year.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReferenceStore } from '../../app/ports.js';
import type { Category } from '../../domain/category.js';
import { localDate, type WorkCalendar } from '../../domain/working-hours.js';
import { documentClient } from './client.js';
import { bumpVersion, versionedCache } from './reference-version.js';
import { tableName } from './table.js';
import { transactWrite } from './ticket-store.js';

export const CACHE_MS = 5_000;

export const CATEGORY_PARTITION = 'CATEGORY';
export const categoryItem = (c: Category) => ({ pk: CATEGORY_PARTITION, sk: c.code, entity: 'category', ...c });
export const holidaysKey = (year: number) => ({ pk: 'CALENDAR', sk: `HOLIDAYS#${year}` });

function cached<T>(load: () => Promise<T>): { get(): Promise<T>; clear(): void } {
  let value: Promise<T> | undefined;
  let loadedAt = 0;
  return {
    get() {
      if (!value || Date.now() - loadedAt > CACHE_MS) {
        loadedAt = Date.now();
        value = load().catch((error) => {
          value = undefined;
          throw error;
        });
      }
      return value;
    },
    clear() {
      value = undefined;
    },
  };
}

const stripKeys = ({ pk: _pk, sk: _sk, entity: _e, ...rest }: Record<string, unknown>) => rest;

const categories = versionedCache('categories', async () => {
  const out = await documentClient.send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': CATEGORY_PARTITION } }),
  );
  return (out.Items ?? []).map((item) => stripKeys(item) as unknown as Category);
});

/** Holidays of last, this and next year: enough for any deadline computed today. */
const calendar = cached(async (): Promise<WorkCalendar> => {
  const year = Number(localDate(new Date()).slice(0, 4));
  const years = [year - 1, year, year + 1];
  const outs = await Promise.all(years.map((y) => documentClient.send(new GetCommand({ TableName: tableName(), Key: holidaysKey(y) }))));
  return { holidays: new Set(outs.flatMap((o) => (o.Item?.dates as string[] | undefined) ?? [])) };
});

export const dynamoReferenceStore: ReferenceStore & { clearCache(): void } = {
  categories: () => categories(),
  async category(code) {
    return (await categories()).find((c) => c.code === code);
  },
  async putCategory(category) {
    await transactWrite({ TransactItems: [{ Put: { TableName: tableName(), Item: categoryItem(category) } }, bumpVersion('categories')] });
  },
  calendar: () => calendar.get(),
  async holidays(year) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: holidaysKey(year) }));
    return out.Item ? [...(out.Item.dates as string[])].sort() : undefined;
  },
  async putHolidays(year, dates) {
    await transactWrite({
      TransactItems: [{ Put: { TableName: tableName(), Item: { ...holidaysKey(year), entity: 'holidays', year, dates } } }, bumpVersion('calendar')],
    });
    calendar.clear();
  },
  clearCache() {
    calendar.clear();
  },
};
