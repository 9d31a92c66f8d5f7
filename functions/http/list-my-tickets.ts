import { listMyTickets } from '../../shared/app/read-tickets.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketViews } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { MyTicketsQuery, Ticket } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'listMyTickets',
  { query: MyTicketsQuery, responses: { 200: { description: 'Newest first', schema: pageOf(Ticket) } } },
  async ({ query, principal }) => {
    const page = await listMyTickets(dependencies, principal, query);
    return json(200, { items: await ticketViews(page.items, principal, dependencies.media), nextCursor: page.nextCursor });
  },
);
