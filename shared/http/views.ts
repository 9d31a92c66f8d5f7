/** What each role sees of a ticket. Managers watch units, not people: no contact details. */
import type { Principal } from '../domain/principal.js';
import type { Ticket } from '../domain/ticket.js';

export function ticketView(ticket: Ticket, who: Principal): Ticket {
  if (who.role !== 'manager') return ticket;
  const { citizenName: _name, citizenPhone: _phone, citizenEmail: _email, ...rest } = ticket;
  return rest;
}
