/**
 * The notifications stream consumer: each ticket event item → `notifyEvent`. A record whose
 * messages still fail after the in-process retries is reported as a batch item failure (the
 * others in the batch are not held up); Lambda retries it and, in the end, sends it to the
 * on-failure destination. Unknown event types are skipped, not failed.
 */
import * as z from 'zod';
import { notifyEvent, type NotifyDeps } from '../../app/notifications.js';
import { ruleFor, type NotifiableEvent } from '../../domain/notifications.js';
import { ticketEventConsumer } from './ticket-event-consumer.js';

/** What notifying needs of an event item; anything else is ignored. Without it the record is poison. */
export const NotifiableEventItem = z.object({
  eventId: z.string().min(1),
  ticketId: z.string().min(1),
  version: z.number().int(),
  type: z.string().min(1),
  at: z.iso.datetime(),
  actor: z.object({ id: z.string(), role: z.string() }),
  visibility: z.enum(['public', 'internal']).default('public'),
  data: z.record(z.string(), z.unknown()).default({}),
  ticket: z.object({
    citizenId: z.string().min(1),
    departmentId: z.string().min(1),
    category: z.string(),
    wardCode: z.string(),
    districtCode: z.string().optional(),
    severity: z.string(),
    status: z.string(),
    dueAt: z.string(),
  }),
});

export function notificationsConsumer(deps: NotifyDeps) {
  // The batch processor runs a batch's records concurrently. Events of one ticket are chained
  // in stream order instead, so a citizen never gets "answered" before "received"; and when one
  // fails, the ticket's later events fail too (they are retried after it, still in order).
  const tails = new Map<string, Promise<unknown>>();
  return ticketEventConsumer(async (item) => {
    if (typeof item.type !== 'string' || !ruleFor(item.type)) return;
    const event = NotifiableEventItem.parse(item) as NotifiableEvent;
    const previous = tails.get(event.ticketId);
    const run = previous
      ? previous.then(
          () => notifyEvent(deps, event),
          () => Promise.reject(new Error(`an earlier event of ticket ${event.ticketId} failed; ${event.eventId} waits for its retry`)),
        )
      : notifyEvent(deps, event);
    tails.set(event.ticketId, run);
    try {
      await run;
    } finally {
      if (tails.get(event.ticketId) === run) tails.delete(event.ticketId);
    }
  });
}
