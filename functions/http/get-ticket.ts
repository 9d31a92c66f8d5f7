import { getTicket } from '../../shared/app/read-tickets.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { withAccessRecord } from '../../shared/http/access-record.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'getTicket',
  { params: TicketIdParams, responses: { 200: { description: 'The ticket', schema: Ticket } } },
  async ({ params, principal }) => {
    const ticket = await getTicket(dependencies, principal, params.id);
    return withAccessRecord(dependencies, principal, 'getTicket', [ticket], json(200, await ticketView(ticket, principal, dependencies.media)));
  },
);
