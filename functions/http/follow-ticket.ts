import { follow } from '../../shared/app/following.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { FollowState } from '../../shared/schemas/following.js';
import { TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'followTicket',
  { params: TicketIdParams, responses: { 200: { description: 'Following (idempotent)', schema: FollowState } } },
  async ({ params, principal }) => json(200, await follow(dependencies, principal, params.id)),
);
