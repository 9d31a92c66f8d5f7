/** Reading tickets: one by id as the caller may see it, and a citizen's own list. */
import { NotFoundError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { canSee, type Ticket, type TicketStatus } from '../domain/ticket.js';
import { parseRef } from '../domain/ticket-ref.js';
import type { Dependencies, Page, PageRequest } from './ports.js';

export async function getTicket(deps: Pick<Dependencies, 'tickets'>, who: Principal, id: string): Promise<Ticket> {
  const ticket = await deps.tickets.get(id);
  // Not yours and not found are the same answer: never reveal another citizen's ticket.
  if (!ticket || !canSee(ticket, who)) throw new NotFoundError(`No ticket ${id}.`);
  return ticket;
}

/** A ticket by its reference (read aloud on the phone), under the same visibility rule as by id. */
export async function getTicketByRef(deps: Pick<Dependencies, 'tickets'>, who: Principal, input: string): Promise<Ticket> {
  const ref = parseRef(input);
  const id = ref ? await deps.tickets.idOfRef(ref) : undefined;
  if (!id) throw new NotFoundError(`No ticket ${input}.`);
  return getTicket(deps, who, id);
}

export function listMyTickets(
  deps: Pick<Dependencies, 'tickets'>,
  who: Principal,
  page: PageRequest & { status?: TicketStatus },
): Promise<Page<Ticket>> {
  return deps.tickets.listByCitizen(who.userId, page);
}
