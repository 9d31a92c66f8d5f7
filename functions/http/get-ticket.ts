import { deadlineClocks } from '../../shared/app/deadline-clocks.js';
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
    const clock = (await deadlineClocks(dependencies, principal, [ticket])).get(ticket.id);
    return json(200, { ...ticketView(ticket, principal), ...(clock ? { clock } : {}) });
  },
);
