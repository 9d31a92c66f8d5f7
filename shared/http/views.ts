/**
 * What each role sees of a ticket, as whitelists: a field not named here never leaves.
 * Managers watch units, not people, so they get no citizen id, name, phone, e-mail, exact
 * address or coordinates. Owners, the ticket's own department (canSee) and admins get contact
 * details too; their reads of them are recorded (app/personal-data.ts). Citizens deal with the
 * unit, not with a named officer (no assignee). Photos leave only as short-lived presigned URLs,
 * and only through these views, which are reached only after the use case has decided the
 * caller may see the ticket.
 */
import type { MediaStore } from '../app/ports.js';
import { signPhotos, type PhotoUrls } from '../app/uploads.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';
import type { Photo } from '../domain/upload.js';

const caseFields = [
  'id', 'ref', 'version', 'category', 'title', 'description', 'visibility', 'status', 'departmentId', 'severity',
  'ackDueAt', 'dueAt', 'overdue', 'escalated', 'transferCount', 'reopenCount', 'createdAt', 'updatedAt', 'assignedAt',
  'escalateAt', 'ackOverdue', 'overdueCount', 'escalatedTo', 'transferLimitReached', 'pausedAt', 'acknowledgedAt',
  'respondedAt', 'closedAt', 'rating', 'rejection', 'consent', 'personalDataRemovedAt', 'followers',
] as const satisfies readonly (keyof Ticket)[];

const contactFields = ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail'] as const satisfies readonly (keyof Ticket)[];

export type TicketView = Partial<Omit<Ticket, 'attachments' | 'response'>> & {
  photos: PhotoUrls[];
  response?: { message: string; photos: PhotoUrls[]; departmentId: string; at: string };
};

function pick<T extends object>(source: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export async function ticketView(input: Ticket, who: Principal, media: Pick<MediaStore, 'signedUrl'>): Promise<TicketView> {
  const ticket = { ...input, followers: input.followers ?? 0 };
  const { wardCode, districtCode, provinceCode, lat, lng, address } = ticket.location;
  const area = { wardCode, ...(districtCode ? { districtCode } : {}), ...(provinceCode ? { provinceCode } : {}) };
  const exact = { ...(lat !== undefined ? { lat } : {}), ...(lng !== undefined ? { lng } : {}), ...(address ? { address } : {}) };
  const shown: Partial<Omit<Ticket, 'attachments' | 'response'>> =
    who.role === 'manager'
      ? { ...pick(ticket, caseFields), location: area }
      : { ...pick(ticket, caseFields), ...pick(ticket, contactFields), location: { ...area, ...exact } };
  if (who.role !== 'citizen' && ticket.assignee) shown.assignee = ticket.assignee;
  const { response } = ticket;
  const [photos, evidence] = await Promise.all([signPhotos(media, ticket.attachments), response ? signPhotos(media, response.evidence) : undefined]);
  return {
    ...shown,
    photos,
    ...(response ? { response: { message: response.message, photos: evidence!, departmentId: response.departmentId, at: response.at } } : {}),
  };
}

export function ticketViews(tickets: readonly Ticket[], who: Principal, media: Pick<MediaStore, 'signedUrl'>): Promise<TicketView[]> {
  return Promise.all(tickets.map((t) => ticketView(t, who, media)));
}

/**
 * History events carry the photos they added (created: the citizen's; responded: the evidence)
 * as URLs. Managers see who acted by role only (a citizen's id is personal data).
 */
export async function eventView(event: TicketEvent, who: Principal, media: Pick<MediaStore, 'signedUrl'>) {
  const { photos, evidence: _legacy, ...data } = event.data as { photos?: Photo[]; evidence?: unknown };
  const actor = who.role === 'manager' && event.actor.role === 'citizen' ? { id: event.actor.role, role: event.actor.role } : event.actor;
  if (!photos?.length) return { ...event, actor, data };
  return { ...event, actor, data, photos: await signPhotos(media, photos) };
}
