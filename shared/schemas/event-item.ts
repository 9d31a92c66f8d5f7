/**
 * The event (outbox) item: written in the same transaction as the ticket change it records,
 * read by every stream consumer and by the metrics reconciliation. This is its one contract;
 * each consumer parses the part it needs (`pick`), and the writer is typed from it, so a field a
 * consumer reads cannot silently be missing from what is written.
 */
import * as z from 'zod';

/** The ticket as it stood after the event: what consumers need without reading the ticket. */
export const EventTicketSnapshot = z.object({
  /** The short human reference; events written before references existed have none. */
  ref: z.string().optional(),
  citizenId: z.string().min(1),
  departmentId: z.string().min(1),
  category: z.string(),
  wardCode: z.string(),
  districtCode: z.string().optional(),
  severity: z.string(),
  status: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  ackDueAt: z.iso.datetime({ offset: true }),
  dueAt: z.iso.datetime({ offset: true }),
  reopenCount: z.number().int().optional(),
  /** Set when the ticket had been answered (a rejection after an answer is not a second processing). */
  respondedAt: z.string().optional(),
});

export const TicketEventItem = z.object({
  eventId: z.string().min(1),
  ticketId: z.string().min(1),
  version: z.number().int(),
  type: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ id: z.string(), role: z.string() }),
  visibility: z.enum(['public', 'internal']).default('public'),
  data: z.record(z.string(), z.unknown()).default({}),
  ticket: EventTicketSnapshot,
});
export type TicketEventItem = z.infer<typeof TicketEventItem>;

/** What notifying needs of an event item. */
export const NotifiableEventItem = TicketEventItem.extend({
  // Items written before the snapshot carried ackDueAt may still be in the stream (24 h): optional here.
  ticket: EventTicketSnapshot.pick({ ref: true, citizenId: true, departmentId: true, category: true, wardCode: true, districtCode: true, severity: true, status: true, ackDueAt: true, dueAt: true }).partial({ ackDueAt: true }),
});
export type NotifiableEvent = z.infer<typeof NotifiableEventItem>;

/** What counting needs of an event item. */
export const CountedEventItem = TicketEventItem.pick({ eventId: true, type: true, at: true, data: true }).extend({
  ticket: EventTicketSnapshot.pick({ departmentId: true, category: true, wardCode: true, districtCode: true, createdAt: true, dueAt: true, reopenCount: true, respondedAt: true }),
});
export type CountedEvent = z.infer<typeof CountedEventItem>;
