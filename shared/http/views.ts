/** What each role sees of a ticket. Managers watch units, not people: no contact details. */
import type { Principal } from '../domain/principal.js';
import type { Ticket } from '../domain/ticket.js';

export function ticketView(ticket: Ticket, who: Principal): Ticket {
  const counted = { ...ticket, followers: ticket.followers ?? 0 };
  // Citizens deal with the unit, not with a named officer.
  if (who.role === 'citizen') {
    const { assignee: _assignee, ...rest } = counted;
    return rest;
  }
  if (who.role !== 'manager') return counted;
  const { citizenName: _name, citizenPhone: _phone, citizenEmail: _email, ...rest } = counted;
  return rest;
}
