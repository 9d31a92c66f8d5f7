/**
 * What a department's queue can be narrowed by. The table filters the queue index with the
 * same conditions (adapters/dynamodb/ticket-queries.ts); this predicate decides for a ticket
 * found directly (a search by id or reference), so both paths answer alike.
 */
import { openStatuses, type Ticket, type TicketStatus } from './ticket.js';

export interface QueueFilter {
  status?: TicketStatus;
  overdue?: boolean;
  category?: string;
  wardCode?: string;
  /** a user id: held by them; `none`: held by nobody */
  assignee?: { userId: string } | 'none';
}

/** closed and rejected tickets sit in the department's done partition; every other status in its open one. */
export const readsDonePartition = (status?: TicketStatus) => status === 'closed' || status === 'rejected';

export function matchesQueue(ticket: Ticket, departmentId: string, filter: QueueFilter): boolean {
  if (ticket.departmentId !== departmentId) return false;
  if (openStatuses.has(ticket.status) === readsDonePartition(filter.status)) return false;
  if (filter.status !== undefined && ticket.status !== filter.status) return false;
  if (filter.overdue !== undefined && ticket.overdue !== filter.overdue) return false;
  if (filter.category !== undefined && ticket.category !== filter.category) return false;
  if (filter.wardCode !== undefined && ticket.location.wardCode !== filter.wardCode) return false;
  if (filter.assignee === 'none' && ticket.assignee) return false;
  if (filter.assignee && filter.assignee !== 'none' && ticket.assignee?.userId !== filter.assignee.userId) return false;
  return true;
}
