/**
 * How tickets, their events and idempotency claims sit in the single table
 * (see docs/data-model.md). Key prefixes live here and nowhere else.
 */
import { openStatuses, processedStatuses, type Ticket, type TicketEvent } from '../../domain/ticket.js';
import { localDate } from '../../domain/working-hours.js';
import { nextSlaDeadline } from '../../domain/sla.js';
import { fromItem } from './table.js';
import { doneAt } from '../../domain/personal-data.js';

export const ticketKey = (id: string) => ({ pk: `TICKET#${id}`, sk: 'TICKET' });
export const eventSk = (version: number) => `EVENT#${String(version).padStart(6, '0')}`;
export const citizenPartition = (citizenId: string) => `CITIZEN#${citizenId}`;
export const queuePartition = (departmentId: string, open: boolean) => `DEPT#${departmentId}#${open ? 'OPEN' : 'DONE'}`;
export const OPEN_TICKETS_PARTITION = 'OPEN';
export const receivedDayPartition = (localDay: string) => `RECEIVED#${localDay}`;
export const PUBLIC_TICKETS_PARTITION = 'PUBLIC';
/** gsi3, beside `OPEN`: done tickets still holding personal data, by when they were done (retention job). */
export const RETENTION_PARTITION = 'RETENTION';
export const idempotencyKey = (citizenId: string, key: string) => ({ pk: `IDEMPOTENCY#${citizenId}#${key}`, sk: 'IDEMPOTENCY' });

export function ticketToItem(ticket: Ticket): Record<string, unknown> {
  const open = openStatuses.has(ticket.status);
  // The next instant the SLA sweep must look at this ticket (domain/sla.ts); none once nothing is due.
  const deadline = nextSlaDeadline(ticket);
  const anonymised = ticket.personalDataRemovedAt !== undefined;
  // A done ticket has no SLA step, so gsi3 is free to carry it until retention removes its personal data.
  const retainedSince = !deadline && !anonymised ? doneAt(ticket) : undefined;
  return {
    ...ticketKey(ticket.id),
    entity: 'ticket',
    // An anonymised ticket belongs to nobody's list.
    ...(anonymised ? {} : { gsi1pk: citizenPartition(ticket.citizenId), gsi1sk: `TICKET#${ticket.id}` }),
    gsi2pk: queuePartition(ticket.departmentId, open),
    gsi2sk: `${ticket.dueAt}#${ticket.id}`,
    ...(deadline ? { gsi3pk: OPEN_TICKETS_PARTITION, gsi3sk: `${deadline}#${ticket.id}` } : {}),
    ...(retainedSince ? { gsi3pk: RETENTION_PARTITION, gsi3sk: `${retainedSince}#${ticket.id}` } : {}),
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
