/**
 * Test data for the workflow: departments put straight into this file's table (independent of
 * the seed) and tickets written through the store as intake would, at a chosen time.
 */
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/adapters/dynamodb/client.js';
import { departmentItem } from '../../shared/adapters/dynamodb/department-directory.js';
import { categoryItem, holidaysKey } from '../../shared/adapters/dynamodb/reference-store.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { dynamoTicketStore } from '../../shared/adapters/dynamodb/ticket-store.js';
import type { Department } from '../../shared/domain/department.js';
import type { Ticket } from '../../shared/domain/ticket.js';
import { formatRef, refDay } from '../../shared/domain/ticket-ref.js';
import { seedHolidays } from '../../shared/reference/holidays.js';
import { categories, newTicket, type TicketFixture } from './ticket-fixture.js';

export { categories, ulid } from './ticket-fixture.js';

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

/** The reference data the workflow reads (two categories, the seeded holidays), without the full seed. */
export async function putWorkflowReference(): Promise<void> {
  const items = [
    ...Object.values(categories).map(categoryItem),
    ...Object.entries(seedHolidays).map(([year, dates]) => ({ ...holidaysKey(Number(year)), entity: 'holidays', year: Number(year), dates })),
  ];
  await documentClient.send(new BatchWriteCommand({ RequestItems: { [tableName()]: items.map((Item) => ({ PutRequest: { Item } })) } }));
}

export interface NewTicket extends Omit<TicketFixture, 'departmentId' | 'ref'> {
  departmentId: string;
}

/** The ticket fixture (ticket-fixture.ts) written as intake writes it, its reference allocated as intake does. */
export async function seedTicket(opts: NewTicket): Promise<Ticket> {
  const now = opts.now ?? new Date();
  // allocated as intake does, so references stay unique within the file's table
  const ref = formatRef('HN', refDay(now), await dynamoTicketStore.nextRefSequence('HN', refDay(now)));
  const { ticket, event } = newTicket({ ...opts, now, ref });
  await dynamoTicketStore.create(ticket, event);
  return ticket;
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
