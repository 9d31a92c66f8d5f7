/**
 * Reference data (categories, holiday calendar) read on the intake path, cached per Lambda
 * instance until its version moves (see reference-version.ts): intake does not pay a round
 * trip for data that changes a few times a year, and an edit shows within about a second.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReferenceStore } from '../../app/ports.js';
import type { Category } from '../../domain/category.js';
import { localDate, type WorkCalendar } from '../../domain/working-hours.js';
import { documentClient } from './client.js';
import { bumpVersion, forgetReferenceVersions, versionedCache } from './reference-version.js';
import { fromItem, tableName } from './table.js';
import { transactWrite } from './transact.js';

export const CATEGORY_PARTITION = 'CATEGORY';
export const categoryItem = (c: Category) => ({ pk: CATEGORY_PARTITION, sk: c.code, entity: 'category', ...c });
export const holidaysKey = (year: number) => ({ pk: 'CALENDAR', sk: `HOLIDAYS#${year}` });


const categories = versionedCache('categories', async () => {
  const out = await documentClient.send(
    new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': CATEGORY_PARTITION } }),
  );
  return (out.Items ?? []).map((item) => fromItem<Category>(item));
});

const currentYear = () => Number(localDate(new Date()).slice(0, 4));

/** Holidays of last, this and next year: enough for any deadline computed today. */
const calendar = versionedCache(
  'calendar',
  async (): Promise<WorkCalendar & { year: number }> => {
    const year = currentYear();
    const outs = await Promise.all([year - 1, year, year + 1].map((y) => documentClient.send(new GetCommand({ TableName: tableName(), Key: holidaysKey(y) }))));
    return { year, holidays: new Set(outs.flatMap((o) => (o.Item?.dates as string[] | undefined) ?? [])) };
  },
  (loaded) => loaded.year !== currentYear(),
);

export const dynamoReferenceStore: ReferenceStore & { clearCache(): void } = {
  categories: () => categories(),
  async category(code) {
    return (await categories()).find((c) => c.code === code);
  },
  async putCategory(category) {
    await transactWrite({ TransactItems: [{ Put: { TableName: tableName(), Item: categoryItem(category) } }, bumpVersion('categories')] });
    forgetReferenceVersions();
  },
  calendar: () => calendar(),
  async holidays(year) {
    const out = await documentClient.send(new GetCommand({ TableName: tableName(), Key: holidaysKey(year) }));
    return out.Item ? [...(out.Item.dates as string[])].sort() : undefined;
  },
  async putHolidays(year, dates) {
    await transactWrite({
      TransactItems: [{ Put: { TableName: tableName(), Item: { ...holidaysKey(year), entity: 'holidays', year, dates } } }, bumpVersion('calendar')],
    });
    forgetReferenceVersions();
  },
  clearCache() {
    calendar.clear();
    categories.clear();
  },
};
