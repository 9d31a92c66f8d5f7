/** Counts each ticket event once into the metric counters (see metric-store.ts). */
import * as z from 'zod';
import { applyEvent } from '../../shared/adapters/dynamodb/metric-store.js';
import { ticketEventConsumer } from '../../shared/adapters/streams/ticket-event-consumer.js';

/** What counting needs; anything else in the item is ignored. A record without it is poison. */
const CountedEvent = z.object({
  eventId: z.string().min(1),
  type: z.string().min(1),
  at: z.iso.datetime(),
  data: z.record(z.string(), z.unknown()).default({}),
  ticket: z.object({
    departmentId: z.string(),
    category: z.string(),
    wardCode: z.string(),
    districtCode: z.string().optional(),
    createdAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    reopenCount: z.number().optional(),
    respondedAt: z.string().optional(),
  }),
});

export const handler = ticketEventConsumer(async (item) => {
  await applyEvent(CountedEvent.parse(item));
});
