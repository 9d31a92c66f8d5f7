import { recordAccess } from '../../shared/app/personal-data.js';
import { ticketHistory } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { eventView } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { TicketIdParams } from '../../shared/schemas/ticket.js';
import { HistoryQuery, TicketEvent } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'getTicketHistory',
  { params: TicketIdParams, query: HistoryQuery, responses: { 200: { description: 'Events, oldest first', schema: pageOf(TicketEvent) } } },
  async ({ params, query, principal }) => {
    const page = await ticketHistory(dependencies, principal, params.id, query);
    const [items] = await Promise.all([Promise.all(page.items.map((e) => eventView(e, dependencies.media))), recordAccess(dependencies, principal, [{ id: params.id }], 'getTicketHistory')]);
    return json(200, { items, nextCursor: page.nextCursor });
  },
);
