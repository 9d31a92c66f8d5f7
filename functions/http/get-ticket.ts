import { getTicket } from '../../shared/app/read-tickets.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'getTicket',
  { params: TicketIdParams, responses: { 200: { description: 'The ticket', schema: Ticket } } },
  async ({ params, principal }) => json(200, await ticketView(await getTicket(dependencies, principal, params.id), principal, dependencies.media)),
);
