/** The owner rates an answered ticket (see domain/rating.ts). */
import { NotFoundError, VersionConflictError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { applyRating, type RatingInput } from '../domain/rating.js';
import type { Ticket } from '../domain/ticket.js';
import type { Dependencies } from './ports.js';

export async function rateTicket(
  deps: Pick<Dependencies, 'tickets' | 'reference' | 'departments' | 'ids' | 'clock'>,
  who: Principal,
  ticketId: string,
  input: RatingInput,
): Promise<Ticket> {
  const ticket = await deps.tickets.get(ticketId);
  // Anyone but the owner: as if it did not exist.
  if (!ticket || ticket.citizenId !== who.userId) throw new NotFoundError(`No ticket ${ticketId}.`);
  if (isReplay(ticket, input)) return ticket;
  // Only a second "not fixed" of an answered ticket goes up, and needs the parent unit.
  const goesUp = ticket.status === 'responded' && input.rating === 'not_satisfied' && ticket.reopenCount > 0;
  const [category, calendar, department] = await Promise.all([
    deps.reference.category(ticket.category),
    deps.reference.calendar(),
    goesUp ? deps.departments.get(ticket.departmentId) : undefined,
  ]);
  const parent = department?.parentId ? await deps.departments.get(department.parentId) : undefined;
  const change = applyRating(ticket, input, {
    now: deps.clock.now(),
    eventIds: [deps.ids.next(), deps.ids.next()],
    actor: { id: who.userId, role: 'citizen' },
    category: category!,
    calendar,
    parent,
  });
  try {
    await deps.tickets.update(change.ticket, change.events, ticket.version);
  } catch (error) {
    // The same rating sent twice at once: the loser answers with what the winner wrote.
    const now = error instanceof VersionConflictError ? await deps.tickets.get(ticketId) : undefined;
    if (now && isReplay(now, input)) return now;
    throw error;
  }
  return change.ticket;
}

/** A retry of the rating that was just applied (the app did not see the first answer). */
function isReplay(ticket: Ticket, input: RatingInput): boolean {
  return ticket.status !== 'responded' && ticket.rating?.value === input.rating && (ticket.rating.comment ?? undefined) === (input.comment ?? undefined);
}
