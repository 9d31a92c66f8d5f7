/** What changed between the version a form was filled on and the ticket now: for the 409 box. */
import type { Schemas } from '../../shared/api/client';
import type { Ticket } from './labels';

export type TicketEvent = Schemas['TicketEvent'];

export interface Conflict {
  mine: number;
  now: Ticket;
  fields: { field: 'status' | 'severity' | 'departmentId' | 'dueAt'; from: string; to: string }[];
  events: TicketEvent[];
}

export function describeConflict(before: Ticket, after: Ticket, history: readonly TicketEvent[]): Conflict {
  const fields: Conflict['fields'] = [];
  for (const field of ['status', 'severity', 'departmentId', 'dueAt'] as const) {
    if (before[field] !== after[field]) fields.push({ field, from: String(before[field]), to: String(after[field]) });
  }
  return { mine: before.version, now: after, fields, events: history.filter((e) => e.version > before.version) };
}
