import { accessLog } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { AccessEntry, AccessLogQuery } from '../../shared/schemas/personal-data.js';
import { TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'getTicketAccessLog',
  { params: TicketIdParams, query: AccessLogQuery, responses: { 200: { description: 'Oldest first; the citizen\'s own reads are not recorded', schema: pageOf(AccessEntry) } } },
  async ({ params, query, principal }) => json(200, await accessLog(dependencies, principal, params.id, query)),
);
