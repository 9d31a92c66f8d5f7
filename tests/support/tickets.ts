/**
 * Test data for the workflow: departments put straight into this file's table (independent of
 * the seed) and tickets written through the store as intake would, at a chosen time.
 */
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { departmentItem } from '../../shared/adapters/dynamodb/department-directory.js';
import { categoryItem, holidaysKey } from '../../shared/adapters/dynamodb/reference-store.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import type { Category } from '../../shared/domain/category.js';
import type { Department } from '../../shared/domain/department.js';
import { openTicket, type Ticket } from '../../shared/domain/ticket.js';
import { formatRef, refDay } from '../../shared/domain/ticket-ref.js';
import { seedCategories } from '../../shared/reference/categories.js';
import { seedHolidays } from '../../shared/reference/holidays.js';

export const ulid = monotonicFactory();

export function department(id: string, opts: Partial<Department> = {}): Department {
  return { id, name: { vi: id, en: id }, kind: 'ward', areaCode: '00001', active: true, ...opts };
}

export async function putDepartments(departments: Department[]): Promise<void> {
  for (let i = 0; i < departments.length; i += 25) {
    await documentClient.send(
      new BatchWriteCommand({ RequestItems: { [tableName()]: departments.slice(i, i + 25).map((d) => ({ PutRequest: { Item: departmentItem(d) } })) } }),
    );
  }
}

/** Seed categories: `health` needs no evidence, `roads_traffic` does. */
export const categories = {
  plain: seedCategories.find((c) => c.code === 'health')!,
  evidence: seedCategories.find((c) => c.code === 'roads_traffic')!,
} satisfies Record<string, Category>;

/** The reference data the workflow reads (two categories, the seeded holidays), without the full seed. */
export async function putWorkflowReference(): Promise<void> {
  const items = [
    ...Object.values(categories).map(categoryItem),
    ...Object.entries(seedHolidays).map(([year, dates]) => ({ ...holidaysKey(Number(year)), entity: 'holidays', year: Number(year), dates })),
  ];
  await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: items.map((Item) => ({ PutRequest: { Item } })) } }));
}

export interface NewTicket {
  departmentId: string;
  citizenId?: string;
  category?: Category;
  now?: Date;
  urgent?: boolean;
  districtCode?: string;
  overrides?: Partial<Ticket>;
}

/** A ticket as intake writes it (version 1, `created` event), optionally with fields changed. */
export async function seedTicket(opts: NewTicket): Promise<Ticket> {
  const category = opts.category ?? categories.plain;
  const now = opts.now ?? new Date();
  const { ticket, event } = openTicket({
    id: ulid(),
    // allocated as intake does, so references stay unique within the file's table
    ref: formatRef('HN', refDay(now), await dynamoTicketStore.nextRefSequence('HN', refDay(now))),
    eventId: ulid(),
    now,
    citizen: { userId: opts.citizenId ?? 'citizen-1', role: 'citizen' },
    input: { category: category.code, description: 'Đèn đường hỏng trước số 12', location: { wardCode: '00001' }, urgent: opts.urgent },
    category,
    routing: { departmentId: opts.departmentId, ruleId: null, ...(opts.districtCode ? { districtCode: opts.districtCode } : {}) },
    calendar: { holidays: new Set() },
  });
  const full = { ...ticket, ...opts.overrides };
  await dynamoTicketStore.create(full, event);
  return full;
}

/** The stored ticket item (keys included) and its events, to prove a failed request wrote nothing. */
export async function snapshot(id: string) {
  const item = (await documentClient.send(new GetCommand({ TableName: tableName(), Key: { pk: `TICKET#${id}`, sk: 'TICKET' } }))).Item;
  const events = (
    await documentClient.send(
      new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': `TICKET#${id}`, ':e': 'EVENT#' } }),
    )
  ).Items;
  return { item, events };
}
