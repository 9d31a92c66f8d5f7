/** A ticket rejected as a duplicate → its owner and followers follow the original (idempotent). */
import * as z from 'zod';
import { dynamoFollowerStore } from '../../shared/adapters/dynamodb/follower-store.js';
import { ticketEventConsumer } from '../../shared/adapters/streams/ticket-event-consumer.js';
import { mergeDuplicate } from '../../shared/app/following.js';

const RejectedEvent = z.object({
  eventId: z.string().min(1),
  ticketId: z.string().min(1),
  type: z.literal('rejected'),
  data: z.record(z.string(), z.unknown()),
  ticket: z.object({ citizenId: z.string().min(1) }),
});

export const handler = ticketEventConsumer(async (item) => {
  if (item.type !== 'rejected') return;
  await mergeDuplicate({ followers: dynamoFollowerStore, clock: { now: () => new Date() } }, RejectedEvent.parse(item));
});
