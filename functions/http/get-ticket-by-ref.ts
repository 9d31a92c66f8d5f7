import { recordAccess } from '../../shared/app/personal-data.js';
import { getTicketByRef } from '../../shared/app/read-tickets.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Ticket, TicketRefParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'getTicketByRef',
  { params: TicketRefParams, responses: { 200: { description: 'The ticket the reference names (Content-Location: its URL by id)', schema: Ticket } } },
  async ({ params, principal }) => {
    const ticket = await getTicketByRef(dependencies, principal, params.ref);
    const [view] = await Promise.all([ticketView(ticket, principal, dependencies.media), recordAccess(dependencies, principal, [ticket], 'getTicketByRef')]);
    return json(200, view, { 'content-location': `/v1/tickets/${ticket.id}` });
  },
);
