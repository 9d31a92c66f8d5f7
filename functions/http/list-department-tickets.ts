import { departmentQueue } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { withAccessRecord } from '../../shared/http/access-record.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { Ticket } from '../../shared/schemas/ticket.js';
import { DepartmentIdParams, QueueQuery } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'listDepartmentTickets',
  { params: DepartmentIdParams, query: QueueQuery, responses: { 200: { description: 'Soonest due first', schema: pageOf(Ticket) } } },
  async ({ params, query, principal }) => {
    const page = await departmentQueue(dependencies, principal, params.id, query);
    const reply = json(200, { items: page.items.map((t) => ticketView(t, principal)), nextCursor: page.nextCursor });
    return withAccessRecord(dependencies, principal, 'listDepartmentTickets', page.items, reply);
  },
);
