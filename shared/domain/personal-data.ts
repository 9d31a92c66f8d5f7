/**
 * Personal data on tickets (Decree 13/2023/NĐ-CP; Personal Data Protection Law 2025): what
 * erasure and retention remove, when retention is due, and what an access entry says. Pure.
 *
 * Removed from a ticket: the citizen's id, name, phone, e-mail, exact address and coordinates,
 * their photos, their rating comment, and its public listing. Kept, so the units' records and
 * the metrics stay true: ward/district/province, category, description, dates, status, the
 * unit's answers and evidence, the rating value and every counter.
 */
import type { Principal, Role } from './principal.js';
import type { Ticket, TicketEvent } from './ticket.js';
import type { Photo } from './upload.js';
import { localDate } from './working-hours.js';

/** The owner of a ticket whose personal data was removed: no token's `sub` can make it theirs (canSee checks the flag too). */
export const ERASED_CITIZEN_ID = 'erased';

export type RemovalReason = 'erasure' | 'retention';

/** Tickets closed or rejected more than this many months ago lose their personal data. */
export const DEFAULT_RETENTION_MONTHS = 24;

export function retentionMonths(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_RETENTION_MONTHS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`RETENTION_MONTHS must be a whole number of months ≥ 1, not "${value}"`);
  return n;
}

/**
 * The last local day (Asia/Ho_Chi_Minh) whose processed tickets are due on `now`'s local day:
 * `months` calendar months before it. A ticket closed on 2024-03-15 is cleared on 2026-03-15
 * with 24 months, not a day earlier; the 31st of a month maps to the month's last day.
 */
export function retentionCutoffDay(now: Date, months: number): string {
  const [y, m, d] = localDate(now).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** When a ticket reached its final state (closed or rejected); undefined while it may still change. */
export function finalisedAt(ticket: Pick<Ticket, 'status' | 'closedAt' | 'rejection' | 'updatedAt'>): string | undefined {
  if (ticket.status === 'closed') return ticket.closedAt ?? ticket.updatedAt;
  if (ticket.status === 'rejected') return ticket.rejection?.at ?? ticket.updatedAt;
  return undefined;
}

/** The local day retention counts from, for tickets that still hold personal data. */
export function retentionDay(ticket: Ticket): string | undefined {
  if (ticket.personalDataRemovedAt) return undefined;
  const at = finalisedAt(ticket);
  return at ? localDate(new Date(at)) : undefined;
}

export function hasPersonalData(ticket: Ticket): boolean {
  return ticket.personalDataRemovedAt === undefined;
}

/**
 * The ticket without its citizen's personal data (version + 1) and the internal event that
 * records it, plus the photos whose objects must be deleted.
 */
export function removePersonalData(ticket: Ticket, args: { now: Date; eventId: string; reason: RemovalReason }): { ticket: Ticket; event: TicketEvent; photos: Photo[] } {
  const at = args.now.toISOString();
  const { citizenName: _n, citizenPhone: _p, citizenEmail: _e, location, rating, ...rest } = ticket;
  const { lat: _lat, lng: _lng, address: _address, ...area } = location;
  const removed = [
    'citizenId',
    ...(['citizenName', 'citizenPhone', 'citizenEmail'] as const).filter((f) => ticket[f] !== undefined),
    ...(['lat', 'lng', 'address'] as const).filter((f) => location[f] !== undefined).map((f) => `location.${f}`),
    ...(ticket.attachments.length ? ['photos'] : []),
    ...(rating?.comment !== undefined ? ['rating.comment'] : []),
  ];
  const next: Ticket = {
    ...rest,
    citizenId: ERASED_CITIZEN_ID,
    location: area,
    attachments: [],
    // Out of the public feed: what stays is the unit's record, not a citizen's publication.
    visibility: 'private',
    ...(rating ? { rating: { value: rating.value, at: rating.at } } : {}),
    personalDataRemovedAt: at,
    version: ticket.version + 1,
    updatedAt: at,
  };
  const event: TicketEvent = {
    eventId: args.eventId,
    ticketId: ticket.id,
    version: next.version,
    type: 'personal_data_removed',
    at,
    actor: { id: 'system', role: 'system' },
    visibility: 'internal',
    data: { reason: args.reason, removed },
  };
  return { ticket: next, event, photos: ticket.attachments };
}

/**
 * What an earlier event of the ticket must lose: the citizen as its actor, the photos it
 * carried (the citizen's: `created`), the text the citizen wrote (comments, rating comments).
 * Undefined when it holds nothing personal. The unit's events are kept as they are.
 */
export function eventScrub(event: TicketEvent): { actorId?: string; removeData: string[] } | undefined {
  const byCitizen = event.actor.role === 'citizen';
  const removeData = [
    ...(event.type === 'created' && 'photos' in event.data ? ['photos'] : []),
    ...(byCitizen && 'message' in event.data ? ['message'] : []),
    ...(byCitizen && 'comment' in event.data ? ['comment'] : []),
    ...(byCitizen && 'photos' in event.data && event.type !== 'created' ? ['photos'] : []),
  ];
  const actorId = byCitizen && event.actor.id !== ERASED_CITIZEN_ID ? ERASED_CITIZEN_ID : undefined;
  if (!actorId && removeData.length === 0) return undefined;
  return { ...(actorId ? { actorId } : {}), removeData };
}

/** One read of a ticket's personal data by an official, as the owner and admins see it. */
export interface AccessEntry {
  id: string;
  ticketId: string;
  at: string;
  role: Exclude<Role, 'citizen'>;
  /** The reader's unit: their department (staff), their scope (managers), `admin`. */
  unit: string;
  /** The route that showed the data (a route id: getTicket, listDepartmentTickets, …). */
  route: string;
  /** The official's own id: shown to admins only (the owner sees unit and role). */
  userId: string;
}

/** An official's read that reveals personal data is recorded; a citizen's reads of their own are not. */
export function isRecordedReader(who: Principal): who is Principal & { role: AccessEntry['role'] } {
  return who.role !== 'citizen';
}

export function unitOf(who: Principal): string {
  if (who.role === 'staff') return who.departmentId ?? 'staff';
  if (who.role === 'manager') return who.scope ?? 'manager';
  return who.role;
}
