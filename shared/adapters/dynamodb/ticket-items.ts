/**
 * How tickets, their events and idempotency claims sit in the single table
 * (see docs/data-model.md). Key prefixes live here and nowhere else.
 */
import { createHash } from 'node:crypto';
import { openStatuses, processedStatuses, type Ticket, type TicketEvent } from '../../domain/ticket.js';
import { localDate } from '../../domain/working-hours.js';
import { nextSlaDeadline } from '../../domain/sla.js';
import { fromItem } from './table.js';

export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
/** The table key of every ticket item, as a cursor over an index of tickets must carry it. */
export const TICKET_ITEM_KEY = { pk: { prefix: 'TICKET#' }, sk: { equals: 'TICKET' } } as const;
export const eventSk = (version: number) => `EVENT#${String(version).padStart(6, '0')}`;
export const citizenPartition = (citizenId: string) => `CITIZEN#${citizenId}`;
export const queuePartition = (departmentId: string, open: boolean) => `DEPT#${departmentId}#${open ? 'OPEN' : 'DONE'}`;
export const OPEN_TICKETS_PARTITION = 'OPEN';
export const receivedDayPartition = (localDay: string) => `RECEIVED#${localDay}`;
export const PUBLIC_TICKETS_PARTITION = 'PUBLIC';
/**
 * A claim's key hashes the (user, key) pair as a JSON array, an unambiguous encoding: joining
 * the two with `#` let user `S#k` with key `1` and user `S` with key `k#1` share one claim.
 */
export const idempotencyKey = (citizenId: string, key: string) => ({
  pk: `IDEMPOTENCY#${createHash('sha256').update(JSON.stringify([citizenId, key])).digest('base64url')}`,
  sk: 'IDEMPOTENCY',
});

export function ticketToItem(ticket: Ticket): Record<string, unknown> {
  const open = openStatuses.has(ticket.status);
  // The next instant the SLA sweep must look at this ticket (domain/sla.ts); none once nothing is due.
  const deadline = nextSlaDeadline(ticket);
  return {
    ...ticketKey(ticket.id),
    entity: 'ticket',
    gsi1pk: citizenPartition(ticket.citizenId),
    gsi1sk: `TICKET#${ticket.id}`,
    gsi2pk: queuePartition(ticket.departmentId, open),
    gsi2sk: `${ticket.dueAt}#${ticket.id}`,
    ...(deadline ? { gsi3pk: OPEN_TICKETS_PARTITION, gsi3sk: `${deadline}#${ticket.id}` } : {}),
    gsi4pk: receivedDayPartition(localDate(new Date(ticket.createdAt))),
    gsi4sk: `TICKET#${ticket.id}`,
    ...(ticket.visibility === 'public' && processedStatuses.has(ticket.status) ? { gsi5pk: PUBLIC_TICKETS_PARTITION, gsi5sk: `TICKET#${ticket.id}` } : {}),
    ...ticket,
  };
}

export const ticketFromItem = (item: Record<string, unknown>) => fromItem<Ticket>(item);

/**
 * The event item is the outbox: stream consumers read it, so it carries what they need to
 * act without reading the ticket (department, area, category, citizen).
 */
export function eventToItem(event: TicketEvent, ticket: Ticket): Record<string, unknown> {
  return {
    pk: ticketKey(event.ticketId).pk,
    sk: eventSk(event.version),
    entity: 'event',
    ...event,
    ticket: {
      citizenId: ticket.citizenId,
      departmentId: ticket.departmentId,
      category: ticket.category,
      wardCode: ticket.location.wardCode,
      districtCode: ticket.location.districtCode,
      severity: ticket.severity,
      status: ticket.status,
      createdAt: ticket.createdAt,
      dueAt: ticket.dueAt,
      reopenCount: ticket.reopenCount,
      respondedAt: ticket.respondedAt,
    },
  };
}

export const eventFromItem = (item: Record<string, unknown>) => fromItem<TicketEvent & { ticket: Record<string, unknown> }>(item);
