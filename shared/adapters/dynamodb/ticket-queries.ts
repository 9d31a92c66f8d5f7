/**
 * The workflow's reads, each one Query on a key or an index (docs/data-model.md):
 * a department's queue on gsi2 (or gsi7, most followed first), a ticket's events under its own partition, and the SLA
 * sweep's due tickets on the sparse gsi3 (its cost follows the tickets due, not the table).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TicketQueries } from '../../app/ports.js';
import type { TicketEvent } from '../../domain/ticket.js';
import { documentClient } from './client.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { queryPage } from './query-page.js';
import { tableName } from './table.js';
import { eventFromItem, OPEN_TICKETS_PARTITION, queuePartition, TICKET_ITEM_KEY, ticketFromItem, ticketKey } from './ticket-items.js';

function clauses(parts: Array<[string, Record<string, string>, Record<string, unknown>] | undefined>) {
  const present = parts.filter((p) => p !== undefined);
  if (present.length === 0) return undefined;
  return {
    expression: present.map(([e]) => e).join(' AND '),
    names: Object.assign({}, ...present.map(([, n]) => n)) as Record<string, string>,
    values: Object.assign({}, ...present.map(([, , v]) => v)) as Record<string, unknown>,
  };
}

/** The event as the API shows it: without the ticket snapshot the outbox carries for consumers. */
function eventOnly(item: Record<string, unknown>): TicketEvent {
  const { ticket: _snapshot, ...event } = eventFromItem(item);
  return event;
}

export const dynamoTicketQueries: TicketQueries = {
  async departmentQueue(departmentId, { done, status, overdue, category, wardCode, assignee, sort, limit, cursor }) {
    const page = await queryPage({
      // Same partitions on both: gsi2 orders by due date, gsi7 by followers (then due date).
      index: sort === 'followers' ? 'gsi7' : 'gsi2',
      partitionValue: queuePartition(departmentId, !done),
      itemKey: TICKET_ITEM_KEY,
      // The flag, not dueAt < now: a paused or re-graded ticket keeps the deadline it missed.
      filter: clauses([
        status ? ['#status = :status', { '#status': 'status' }, { ':status': status }] : undefined,
        overdue !== undefined ? ['#overdue = :overdue', { '#overdue': 'overdue' }, { ':overdue': overdue }] : undefined,
        category ? ['#category = :category', { '#category': 'category' }, { ':category': category }] : undefined,
        wardCode ? ['#location.#wardCode = :wardCode', { '#location': 'location', '#wardCode': 'wardCode' }, { ':wardCode': wardCode }] : undefined,
        assignee === 'none' ? ['attribute_not_exists(#assignee)', { '#assignee': 'assignee' }, {}] : undefined,
        assignee && assignee !== 'none' ? ['#assignee.#userId = :assigneeId', { '#assignee': 'assignee', '#userId': 'userId' }, { ':assigneeId': assignee.userId }] : undefined,
      ]),
      limit,
      cursor,
    });
    return { items: page.items.map(ticketFromItem), nextCursor: page.nextCursor };
  },

  async history(ticketId, { publicOnly, limit, cursor }) {
    const page = await queryPage({
      partitionValue: ticketKey(ticketId).pk,
      sortKeyPrefix: 'EVENT#',
      filter: publicOnly ? { expression: '#visibility = :public', names: { '#visibility': 'visibility' }, values: { ':public': 'public' } } : undefined,
      limit,
      cursor,
    });
    return { items: page.items.map(eventOnly), nextCursor: page.nextCursor };
  },

  async dueBefore(now, { limit, cursor }) {
    const out = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi3',
        // gsi3sk is `<deadline>#<id>`: every key below the bare instant is due strictly before it.
        KeyConditionExpression: 'gsi3pk = :open AND gsi3sk < :now',
        ExpressionAttributeValues: { ':open': OPEN_TICKETS_PARTITION, ':now': now.toISOString() },
        Limit: limit,
        ExclusiveStartKey: cursor ? decodeCursor(cursor, { ...TICKET_ITEM_KEY, gsi3pk: { equals: OPEN_TICKETS_PARTITION }, gsi3sk: { below: now.toISOString() } }) : undefined,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const last = out.LastEvaluatedKey;
    return {
      items: (out.Items ?? []).map(ticketFromItem),
      nextCursor: last ? encodeCursor(Object.fromEntries(Object.entries(last).map(([k, v]) => [k, String(v)]))) : null,
      readUnits: out.ConsumedCapacity?.CapacityUnits ?? 0,
    };
  },
};
