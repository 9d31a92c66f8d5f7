/** An erasure item was written (DELETE /v1/me): run it to the end. Idempotent and resumable (personal-data.ts). */
import * as z from 'zod';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { ticketEventConsumer } from '../../shared/adapters/streams/ticket-event-consumer.js';
import { runErasure } from '../../shared/app/personal-data.js';

const ErasureItem = z.object({ entity: z.literal('erasure'), userId: z.string().min(1) });

export const handler = ticketEventConsumer(async (item) => {
  if (item.entity !== 'erasure') return;
  await runErasure(dependencies, ErasureItem.parse(item).userId);
});
