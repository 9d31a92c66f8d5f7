/** Counts each ticket event once into the metric counters (see metric-store.ts). */
import { applyEvent } from '../../shared/adapters/dynamodb/metric-store.js';
import { CountedEventItem } from '../../shared/schemas/event-item.js';
import { ticketEventConsumer } from '../../shared/adapters/streams/ticket-event-consumer.js';

export const handler = ticketEventConsumer(async (item) => {
  await applyEvent(CountedEventItem.parse(item));
});
