import { submitTicket } from '../../shared/app/submit-ticket.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Problem } from '../../shared/schemas/common.js';
import { CreateTicketBody, IdempotencyHeaders, Ticket } from '../../shared/schemas/ticket.js';

export const handler = httpRoute(
  'createTicket',
  {
    headers: IdempotencyHeaders,
    body: CreateTicketBody,
    responses: {
      201: { description: 'Created and routed', schema: Ticket },
      200: { description: 'A retry with the same Idempotency-Key and body: the ticket it created', schema: Ticket },
      422: { description: 'The Idempotency-Key was used with a different body', schema: Problem },
    },
  },
  async ({ body, headers, principal }) => {
    const { ticket, replayed } = await submitTicket(dependencies, principal, body, headers['idempotency-key']);
    return json(replayed ? 200 : 201, await ticketView(ticket, principal, dependencies.media), { location: `/v1/tickets/${ticket.id}` });
  },
);
