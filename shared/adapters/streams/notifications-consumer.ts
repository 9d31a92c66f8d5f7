/**
 * The notifications stream consumer: each ticket event item → `notifyEvent`. A record whose
 * messages still fail after the in-process retries is reported as a batch item failure (the
 * others in the batch are not held up); Lambda retries it and, in the end, sends it to the
 * on-failure destination. Unknown event types are skipped, not failed.
 */
import { notifyEvent, type NotifyDeps } from '../../app/notifications.js';
import { ruleFor } from '../../domain/notifications.js';
import { NotifiableEventItem } from '../../schemas/event-item.js';
import { ticketEventConsumer } from './ticket-event-consumer.js';

export function notificationsConsumer(deps: NotifyDeps) {
  // The batch processor runs a batch's records concurrently. Events of one ticket are chained
  // in stream order instead, so a citizen never gets "answered" before "received"; and when one
  // fails, the ticket's later events fail too (they are retried after it, still in order).
  const tails = new Map<string, Promise<unknown>>();
  return ticketEventConsumer(async (item) => {
    if (typeof item.type !== 'string' || !ruleFor(item.type)) return;
    const event = NotifiableEventItem.parse(item);
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
