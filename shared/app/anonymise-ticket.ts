/**
 * Removing a citizen's personal data from one ticket, shared by erasure and retention. The
 * events are scrubbed first and the ticket is written at the version read after that, so an
 * event that raced in (a staff action) fails the version check and the next attempt scrubs it.
 */
import { VersionConflictError } from '../domain/errors.js';
import { anonymise, isAnonymised, type RemovalReason } from '../domain/personal-data.js';
import type { Dependencies } from './ports.js';

const ATTEMPTS = 5;

/** true when this call removed the data; false when it was already gone (or the ticket is). */
export async function anonymiseTicket(
  deps: Pick<Dependencies, 'tickets' | 'personalData' | 'clock' | 'ids'>,
  ticketId: string,
  reason: RemovalReason,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.tickets.get(ticketId);
    if (!ticket || isAnonymised(ticket)) return false;
    await deps.personalData.scrubEvents(ticket.id, ticket.citizenId);
    const change = anonymise(ticket, { now: deps.clock.now(), eventId: deps.ids.next(), reason });
    try {
      await deps.tickets.update(change.ticket, change.event, ticket.version);
      return true;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
