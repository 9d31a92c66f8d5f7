/** How a ticket is named to people: its short human reference when it has one, else the tail of its id. */
import { shortId, type Ticket } from './labels';

export const reference = (ticket: Pick<Ticket, 'id'> & { reference?: string }) => ticket.reference ?? shortId(ticket.id);
