import { commentOnTicket } from '../../shared/app/workflow.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ticketView } from '../../shared/http/views.js';
import { Ticket, TicketIdParams } from '../../shared/schemas/ticket.js';
import { CommentBody } from '../../shared/schemas/workflow.js';

export const handler = httpRoute(
  'commentOnTicket',
  { params: TicketIdParams, body: CommentBody, responses: { 200: { description: 'The ticket with the comment added', schema: Ticket } } },
  async ({ params, body, principal }) => json(200, await ticketView(await commentOnTicket(dependencies, principal, params.id, body.message), principal, dependencies.media)),
);
