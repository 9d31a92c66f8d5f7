import { unfollow } from '../../shared/app/following.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { FollowState } from '../../shared/schemas/following.js';
import { TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'unfollowTicket',
  { params: TicketIdParams, responses: { 200: { description: 'Not following (idempotent)', schema: FollowState } } },
  async ({ params, principal }) => json(200, await unfollow(dependencies, principal, params.id)),
);
