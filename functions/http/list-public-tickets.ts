import { listPublicTickets } from '../../shared/app/transparency.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { PublicTicket, PublicTicketsQuery } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'listPublicTickets',
  { query: PublicTicketsQuery, responses: { 200: { description: 'Processed public tickets, newest first, without personal data', schema: pageOf(PublicTicket) } } },
  async ({ query }) => json(200, await listPublicTickets(dependencies, query)),
);
