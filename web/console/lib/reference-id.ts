/** How a ticket is named to people: its human reference (HN-261202-0042) when it has one, else the tail of its id. */
import { shortId, type Ticket } from './labels';

export const reference = (ticket: Pick<Ticket, 'id' | 'ref'>) => ticket.ref ?? shortId(ticket.id);
