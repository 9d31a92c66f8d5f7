import { recordAccess } from '../../shared/app/personal-data.js';
import { actOnTicket } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Problem } from '../../shared/schemas/common.js';
import { Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';
import { ActionBody } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'actOnTicket',
  {
    params: TicketIdParams,
    body: ActionBody,
    responses: {
      200: { description: 'The ticket after the action', schema: Ticket },
      409: { description: 'The ticket changed since expectedVersion; the problem carries currentVersion', schema: Problem, contentType: 'application/problem+json' },
      422: { description: 'Not allowed in the current state (the problem names the rule)', schema: Problem, contentType: 'application/problem+json' },
    },
  },
  async ({ params, body, principal }) => {
    const ticket = await actOnTicket(dependencies, principal, params.id, body);
    const [view] = await Promise.all([ticketView(ticket, principal, dependencies.media), recordAccess(dependencies, principal, [ticket], 'actOnTicket')]);
    return json(200, view);
  },
);
