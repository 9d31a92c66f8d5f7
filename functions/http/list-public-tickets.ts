import { listPublicTickets } from '../../shared/app/transparency.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { publicView } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { PublicTicket, PublicTicketsQuery } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'listPublicTickets',
  { query: PublicTicketsQuery, responses: { 200: { description: 'Processed public tickets, newest first, without personal data', schema: pageOf(PublicTicket) } } },
  async ({ query }) => {
    const page = await listPublicTickets(dependencies, query);
    return json(200, { items: await Promise.all(page.items.map((t) => publicView(t, dependencies.media))), nextCursor: page.nextCursor });
  },
);
