/**
 * The workflow's reads, each one Query on a key or an index (docs/data-model.md):
 * a department's queue on gsi2 (or gsi7, most followed first), a ticket's events under its own partition, and the SLA
 * sweep's due tickets on the sparse gsi3 (its cost follows the tickets due, not the table).
 */
import type { TicketQueries } from '../../app/ports.js';
import type { TicketEvent } from '../../domain/ticket.js';
import { queryPage } from './query-page.js';
import { eventFromItem, openPartitions, queuePartitions, receivedDayPartitions, TICKET_ITEM_KEY, ticketFromItem, ticketKey } from './ticket-items.js';
import { queryShardsPage } from './query-shards.js';

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
    const partitions = queuePartitions(departmentId, !done);
    const query = {
      // Same partitions on both: gsi2 orders by due date, gsi7 by followers (then due date).
      index: sort === 'followers' ? ('gsi7' as const) : ('gsi2' as const),
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
    };
    // A sharded queue (a province-wide unit's) merges its shards in the index's order.
    const page = partitions.length > 1 ? await queryShardsPage({ ...query, partitions }) : await queryPage({ ...query, partitionValue: partitions[0]! });
    return { items: page.items.map(ticketFromItem), nextCursor: page.nextCursor };
  },

  async receivedPage(day, { where, limit, cursor }) {
    const location = where?.field === 'districtCode' || where?.field === 'wardCode';
    const page = await queryShardsPage({
      index: 'gsi4',
      partitions: receivedDayPartitions(day),
      filter: where
        ? {
            expression: location ? '#location.#field = :value' : '#field = :value',
            names: { ...(location ? { '#location': 'location' } : {}), '#field': where.field },
            values: { ':value': where.value },
          }
        : undefined,
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
    // gsi3sk is `<deadline>#<id>`: every key below the bare instant is due strictly before it.
    const page = await queryShardsPage({ index: 'gsi3', partitions: openPartitions(), sortKeyBelow: now.toISOString(), limit, cursor });
    // What AWS bills: every shard's Query costs at least 0.5 units, an empty one too.
    return { items: page.items.map(ticketFromItem), nextCursor: page.nextCursor, readUnits: page.billedReadUnits };
  },
};
