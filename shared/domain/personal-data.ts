/**
 * Personal data on a ticket and how it is removed (erasure on request, retention after the
 * ticket is done). Pure: the same removal serves both, so a unit's record and the metrics
 * stay true whichever way the data went.
 */
import type { Ticket, TicketEvent } from './ticket.js';

/** Stands in for the citizen id on an anonymised ticket; no token can carry it (see canSee). */
export const ERASED_CITIZEN = 'erased';

export type RemovalReason = 'erasure' | 'retention';

/** Removed on erasure and retention; everything else (ward, category, dates, status, answers, counters) stays. */
export const personalTicketFields = ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail', 'location.lat', 'location.lng', 'location.address', 'attachments', 'rating.comment'] as const;

export const isAnonymised = (ticket: Pick<Ticket, 'personalDataRemovedAt'>) => ticket.personalDataRemovedAt !== undefined;

/** The ticket without its citizen: next version, out of the public feed, with its `personal_data_removed` event. */
export function anonymise(ticket: Ticket, args: { now: Date; eventId: string; reason: RemovalReason }): { ticket: Ticket; event: TicketEvent } {
  const at = args.now.toISOString();
  const { citizenName: _n, citizenPhone: _p, citizenEmail: _e, rating, ...rest } = ticket;
  const { lat: _lat, lng: _lng, address: _address, ...location } = ticket.location;
  const next: Ticket = {
    ...rest,
    ...(rating ? { rating: { value: rating.value, at: rating.at } } : {}),
    citizenId: ERASED_CITIZEN,
    location,
    attachments: [],
    // A public ticket leaves the feed: its text was published by a person who is now gone.
    visibility: 'private',
    version: ticket.version + 1,
    personalDataRemovedAt: at,
  };
  const event: TicketEvent = {
    eventId: args.eventId,
    ticketId: ticket.id,
    version: next.version,
    type: 'personal_data_removed',
    at,
    actor: { id: args.reason === 'erasure' ? 'erasure' : 'retention', role: 'system' },
    visibility: 'internal',
    data: { reason: args.reason },
  };
  return { ticket: next, event };
}

/** When a done ticket's retention period starts: its closing or its rejection. */
export function doneAt(ticket: Ticket): string | undefined {
  if (ticket.status === 'closed') return ticket.closedAt ?? ticket.updatedAt;
  if (ticket.status === 'rejected') return ticket.rejection?.at ?? ticket.updatedAt;
  return undefined;
}

/** Tickets done before this instant have outlived retention: `months` calendar months before `now`. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export const DEFAULT_RETENTION_MONTHS = 24;

export function retentionMonths(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RETENTION_MONTHS;
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_MONTHS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`RETENTION_MONTHS must be a whole number of months ≥ 1 (got ${raw})`);
  return n;
}
