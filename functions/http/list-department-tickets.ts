import { departmentQueue } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { recordAccess } from '../../shared/app/personal-data.js';
import { seesPersonalData, ticketViews } from '../../shared/http/views.js';
import { pageOf } from '../../shared/schemas/common.js';
import { DepartmentIdParams, QueueQuery, QueueTicket } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'listDepartmentTickets',
  { params: DepartmentIdParams, query: QueueQuery, responses: { 200: { description: 'Soonest due first, or most followed first with sort=followers', schema: pageOf(QueueTicket) } } },
  async ({ params, query, principal }) => {
    const page = await departmentQueue(dependencies, principal, params.id, query);
    // Rows that carry the citizen's contact are recorded, one entry each, in one batch beside the read.
    const withContact = page.items.filter((t) => seesPersonalData(t, principal));
    const [views] = await Promise.all([ticketViews(page.items, principal, dependencies.media), recordAccess(dependencies, principal, withContact, 'listDepartmentTickets')]);
    return json(200, { items: views.map((v, i) => ({ ...v, timeLeft: page.items[i]!.timeLeft })), nextCursor: page.nextCursor });
  },
);
