/**
 * What each role sees of a ticket. Managers watch units, not people: no contact details.
 * Photos leave only as short-lived presigned URLs, and only through these views, which are
 * reached only after the use case has decided the caller may see the ticket.
 */
import type { MediaStore } from '../app/ports.js';
import { signPhotos, type PhotoUrls } from '../app/uploads.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';
import type { Photo } from '../domain/upload.js';

export type TicketView = Omit<Ticket, 'attachments' | 'response'> & {
  photos: PhotoUrls[];
  response?: { message: string; photos: PhotoUrls[]; departmentId: string; at: string };
};

export async function ticketView(ticket: Ticket, who: Principal, media: Pick<MediaStore, 'signedUrl'>): Promise<TicketView> {
  const { attachments, response, ...rest } = ticket;
  const counted = { ...rest, followers: ticket.followers ?? 0 };
  // Citizens deal with the unit, not with a named officer; managers watch units, not people.
  const shown = who.role === 'manager' ? withoutContact(counted) : who.role === 'citizen' ? withoutAssignee(counted) : counted;
  const [photos, evidence] = await Promise.all([signPhotos(media, attachments), response ? signPhotos(media, response.evidence) : undefined]);
  return {
    ...shown,
    photos,
    ...(response ? { response: { message: response.message, photos: evidence!, departmentId: response.departmentId, at: response.at } } : {}),
  };
}

function withoutAssignee<T extends Partial<Ticket>>(ticket: T) {
  const { assignee: _assignee, ...rest } = ticket;
  return rest;
}

function withoutContact<T extends Partial<Ticket>>(ticket: T) {
  const { citizenName: _name, citizenPhone: _phone, citizenEmail: _email, ...rest } = ticket;
  return rest;
}

export function ticketViews(tickets: readonly Ticket[], who: Principal, media: Pick<MediaStore, 'signedUrl'>): Promise<TicketView[]> {
  return Promise.all(tickets.map((t) => ticketView(t, who, media)));
}

/** History events carry the photos they added (created: the citizen's; responded: the evidence) as URLs. */
export async function eventView(event: TicketEvent, media: Pick<MediaStore, 'signedUrl'>) {
  const { photos, evidence: _legacy, ...data } = event.data as { photos?: Photo[]; evidence?: unknown };
  if (!photos?.length) return { ...event, data };
  return { ...event, data, photos: await signPhotos(media, photos) };
}
