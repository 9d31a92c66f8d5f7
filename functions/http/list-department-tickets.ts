import { departmentQueue } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketViews } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { DepartmentIdParams, QueueQuery, QueueTicket } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'listDepartmentTickets',
  { params: DepartmentIdParams, query: QueueQuery, responses: { 200: { description: 'Soonest due first, or most followed first with sort=followers', schema: pageOf(QueueTicket) } } },
  async ({ params, query, principal }) => {
    const page = await departmentQueue(dependencies, principal, params.id, query);
    const views = await ticketViews(page.items, principal, dependencies.media);
    return json(200, { items: views.map((v, i) => ({ ...v, timeLeft: page.items[i]!.timeLeft })), nextCursor: page.nextCursor });
  },
);
