/**
 * What each role sees of a ticket, as whitelists: a field not named here never leaves.
 * Managers watch units, not people, so they get no citizen id, name, phone, e-mail, exact
 * address or coordinates. Owners, the ticket's own department (canSee) and admins get contact
 * details too; their reads of them are recorded (app/personal-data.ts).
 */
import type { Principal } from '../domain/principal.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';

const caseFields = [
  'id', 'version', 'category', 'title', 'description', 'attachments', 'visibility', 'status', 'departmentId', 'severity',
  'ackDueAt', 'dueAt', 'overdue', 'escalated', 'transferCount', 'reopenCount', 'createdAt', 'updatedAt', 'assignedAt',
  'escalateAt', 'ackOverdue', 'overdueCount', 'escalatedTo', 'transferLimitReached', 'pausedAt', 'acknowledgedAt',
  'respondedAt', 'closedAt', 'response', 'rating', 'rejection', 'consent', 'personalDataRemovedAt', 'followers',
] as const satisfies readonly (keyof Ticket)[];

const contactFields = ['citizenId', 'citizenName', 'citizenPhone', 'citizenEmail'] as const satisfies readonly (keyof Ticket)[];

function pick<T extends object>(source: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

export function ticketView(input: Ticket, who: Principal): Partial<Ticket> {
  const ticket = { ...input, followers: input.followers ?? 0 };
  const { wardCode, districtCode, provinceCode, lat, lng, address } = ticket.location;
  const area = { wardCode, ...(districtCode ? { districtCode } : {}), ...(provinceCode ? { provinceCode } : {}) };
  if (who.role === 'manager') return { ...pick(ticket, caseFields), location: area };
  const exact = { ...(lat !== undefined ? { lat } : {}), ...(lng !== undefined ? { lng } : {}), ...(address ? { address } : {}) };
  return { ...pick(ticket, caseFields), ...pick(ticket, contactFields), location: { ...area, ...exact } };
}

/** Managers see who acted by role only (a citizen's id is personal data). */
export function eventView(event: TicketEvent, who: Principal): TicketEvent {
  if (who.role !== 'manager' || event.actor.role !== 'citizen') return event;
  return { ...event, actor: { id: event.actor.role, role: event.actor.role } };
}
