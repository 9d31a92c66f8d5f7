import { recordAccess } from '../../shared/app/personal-data.js';
import { getTicket } from '../../shared/app/read-tickets.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'getTicket',
  { params: TicketIdParams, responses: { 200: { description: 'The ticket', schema: Ticket } } },
  async ({ params, principal }) => {
    const ticket = await getTicket(dependencies, principal, params.id);
    // The access record is written beside the view (never failing it), not before it.
    const [view] = await Promise.all([ticketView(ticket, principal, dependencies.media), recordAccess(dependencies, principal, [ticket], 'getTicket')]);
    return json(200, view);
  },
);
