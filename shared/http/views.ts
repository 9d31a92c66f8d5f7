/**
 * What each role sees of a ticket: whitelists, so a field added to the ticket shows nowhere
 * until a line here says who may see it. Contact details (id, name, phone, e-mail) and the
 * exact place (coordinates, street address) go to the owner, to staff of the department
 * holding the ticket and to admins; managers watch units, not people, and get neither.
 * Citizens deal with the unit, not a named officer: no assignee for them.
 * Photos leave only as short-lived presigned URLs, and only through these views, which are
 * reached only after the use case has decided the caller may see the ticket.
 */
import type { MediaStore } from '../app/ports.js';
import { signPhotos, type PhotoUrls } from '../app/uploads.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket, TicketEvent, TicketLocation } from '../domain/ticket.js';
import type { Photo } from '../domain/upload.js';
import { transferLimitReached } from '../domain/workflow.js';

/** Every role that may see the ticket sees these. */
const RECORD_FIELDS = [
  'id', 'ref', 'version', 'category', 'title', 'description', 'visibility', 'status', 'departmentId', 'severity',
  'ackDueAt', 'dueAt', 'overdue', 'escalated', 'transferCount', 'reopenCount', 'createdAt', 'updatedAt', 'assignedAt',
  'escalateAt', 'ackOverdue', 'overdueCount', 'escalatedTo', 'passedUpTo', 'pausedAt', 'acknowledgedAt',
  'respondedAt', 'closedAt', 'rating', 'rejection', 'consent', 'personalDataRemovedAt',
] as const satisfies readonly (keyof Ticket)[];
const CONTACT_FIELDS = ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail'] as const satisfies readonly (keyof Ticket)[];
const AREA_FIELDS = ['wardCode', 'districtCode', 'provinceCode'] as const satisfies readonly (keyof TicketLocation)[];
const EXACT_PLACE_FIELDS = ['lat', 'lng', 'address'] as const satisfies readonly (keyof TicketLocation)[];
/** The public feed (no token): the record and its area; no contact details, exact place, assignee or internal flags. */
const PUBLIC_FIELDS = [
  'id', 'ref', 'category', 'title', 'description', 'status', 'departmentId', 'severity', 'createdAt', 'dueAt', 'updatedAt',
] as const satisfies readonly (keyof Ticket)[];

type Picked<T, K extends readonly (keyof T)[]> = Partial<Pick<T, K[number]>>;

export type TicketView = Picked<Ticket, typeof RECORD_FIELDS> &
  Picked<Ticket, typeof CONTACT_FIELDS> & {
    followers: number;
    transferLimitReached: boolean;
    location: TicketLocation;
    assignee?: Ticket['assignee'];
    photos: PhotoUrls[];
    response?: { message: string; photos: PhotoUrls[]; departmentId: string; at: string };
  };

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}

/** Does this caller get the citizen's contact details and exact place? */
export function seesPersonalData(ticket: Pick<Ticket, 'citizenId' | 'departmentId'>, who: Principal): boolean {
  switch (who.role) {
    case 'citizen':
      return ticket.citizenId === who.userId;
    case 'staff':
      return ticket.departmentId === who.departmentId;
    case 'admin':
      return true;
    case 'manager':
      return false;
  }
}

export async function ticketView(ticket: Ticket, who: Principal, media: Pick<MediaStore, 'signedUrl'>): Promise<TicketView> {
  const personal = seesPersonalData(ticket, who);
  const { response } = ticket;
  const [photos, evidence] = await Promise.all([signPhotos(media, ticket.attachments), response ? signPhotos(media, response.evidence) : undefined]);
  return {
    ...pick(ticket, RECORD_FIELDS),
    ...(personal ? pick(ticket, CONTACT_FIELDS) : {}),
    location: { ...pick(ticket.location, AREA_FIELDS), ...(personal ? pick(ticket.location, EXACT_PLACE_FIELDS) : {}) } as TicketLocation,
    followers: ticket.followers ?? 0,
    transferLimitReached: transferLimitReached(ticket),
    ...(who.role !== 'citizen' && ticket.assignee ? { assignee: ticket.assignee } : {}),
    photos,
    ...(response ? { response: { message: response.message, photos: evidence!, departmentId: response.departmentId, at: response.at } } : {}),
  };
}

/** The public feed's view. Photos only of public tickets, though the feed holds nothing else: a safeguard, not a filter. */
export async function publicView(ticket: Ticket, media: Pick<MediaStore, 'signedUrl'>) {
  const photos = ticket.visibility === 'public' ? await signPhotos(media, ticket.attachments) : [];
  return { ...(pick(ticket, PUBLIC_FIELDS) as Pick<Ticket, Exclude<(typeof PUBLIC_FIELDS)[number], 'title'>> & Pick<Ticket, 'title'>), location: pick(ticket.location, AREA_FIELDS), photos };
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
