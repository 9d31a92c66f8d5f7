import { rateTicket } from '../../shared/app/rate-ticket.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Problem } from '../../shared/schemas/common.js';
import { RatingBody, Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'rateTicket',
  {
    params: TicketIdParams,
    body: RatingBody,
    responses: {
      200: { description: 'Rated: closed, reopened, or escalated to the parent unit', schema: Ticket },
      409: { description: 'Changed meanwhile (e.g. rated twice at once)', schema: Problem },
      422: { description: 'The ticket is not answered (responded)', schema: Problem },
    },
  },
  async ({ params, body, principal }) => json(200, await ticketView(await rateTicket(dependencies, principal, params.id, body), principal, dependencies.media)),
);
