/**
 * Runs an erasure request once it is written (INSERT of `USER#<sub> / ERASURE`). A failure is
 * a batch item failure: Lambda retries it, every step skips what is done, and the daily
 * retention job finishes any request still pending after that.
 */
import * as z from 'zod';
import { runErasure } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { ticketEventConsumer } from '../../shared/adapters/streams/ticket-event-consumer.js';
import { logger } from '../../shared/http/logger.js';

const ErasureRequest = z.object({ id: z.string().min(1), userId: z.string().min(1) });

export const handler = ticketEventConsumer(async (item) => {
  const request = ErasureRequest.parse(item);
  const done = await runErasure(dependencies, request.userId);
  // The erasure id only: the user id is the very thing being forgotten.
  logger.info('erasure finished', { erasureId: request.id, steps: done?.steps });
});
