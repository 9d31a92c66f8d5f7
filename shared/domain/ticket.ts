/**
 * The ticket (phản ánh, kiến nghị) and the events that record each change to it.
 * Every change writes the ticket with version + 1 and exactly one event with that version.
 */
import type { Category, Severity } from './category.js';
import type { Principal, Role } from './principal.js';
import { addWorkingHours, type WorkCalendar } from './working-hours.js';

export const ticketStatuses = ['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** Answered, or rejected with a reason (đã xử lý): what "processed" means in metrics and the public feed. */
export const processedStatuses: ReadonlySet<TicketStatus> = new Set(['responded', 'closed', 'rejected']);

/** States in which a department still owes the citizen something. */
export const openStatuses: ReadonlySet<TicketStatus> = new Set(['assigned', 'in_progress', 'needs_info', 'responded']);

export interface FileRef {
  key: string;
  contentType: string;
}

export interface TicketLocation {
  wardCode: string;
  districtCode?: string;
  provinceCode?: string;
  lat?: number;
  lng?: number;
  address?: string;
}

export interface Ticket {
  id: string;
  version: number;
  citizenId: string;
  citizenName?: string;
  citizenPhone?: string;
  category: string;
  title?: string;
  description: string;
  location: TicketLocation;
  attachments: FileRef[];
  visibility: 'public' | 'private';
  status: TicketStatus;
  departmentId: string;
  severity: Severity;
  /** Acknowledge by (working hours from assignment). */
  ackDueAt: string;
  /** Answer by. */
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  transferCount: number;
  reopenCount: number;
  createdAt: string;
  updatedAt: string;
}

export type Actor = { id: string; role: Role | 'system' };

export interface TicketEvent {
  eventId: string;
  ticketId: string;
  /** The ticket version this event produced. */
  version: number;
  type: string;
  at: string;
  actor: Actor;
  /** `internal` events (notes) are shown to staff, managers and admins only. */
  visibility: 'public' | 'internal';
  data: Record<string, unknown>;
}

export interface NewTicketInput {
  category: string;
  description: string;
  title?: string;
  location: { wardCode: string; lat?: number; lng?: number; address?: string };
  urgent?: boolean;
  attachments?: FileRef[];
  visibility?: 'public' | 'private';
}

export interface Routing {
  departmentId: string;
  ruleId: string | null;
  districtCode?: string;
  provinceCode?: string;
}

export function deadlines(category: Category, severity: Severity, from: Date, calendar: WorkCalendar) {
  const { acknowledgeHours, answerHours } = category.policy;
  const dueAt = addWorkingHours(from, answerHours[severity], calendar);
  const ackDueAt = addWorkingHours(from, Math.min(acknowledgeHours, answerHours[severity]), calendar);
  return { ackDueAt: ackDueAt.toISOString(), dueAt: dueAt.toISOString() };
}

/** A new ticket, routed, with its `created` event (version 1). */
export function openTicket(args: {
  id: string;
  eventId: string;
  now: Date;
  citizen: Principal;
  input: NewTicketInput;
  category: Category;
  routing: Routing;
  calendar: WorkCalendar;
}): { ticket: Ticket; event: TicketEvent } {
  const { id, now, citizen, input, category, routing } = args;
  const severity: Severity = input.urgent ? 'urgent' : category.defaultSeverity;
  const at = now.toISOString();
  const ticket: Ticket = {
    id,
    version: 1,
    citizenId: citizen.userId,
    ...(citizen.name ? { citizenName: citizen.name } : {}),
    ...(citizen.phone ? { citizenPhone: citizen.phone } : {}),
    category: category.code,
    ...(input.title ? { title: input.title } : {}),
    description: input.description,
    location: {
      ...input.location,
      ...(routing.districtCode ? { districtCode: routing.districtCode } : {}),
      ...(routing.provinceCode ? { provinceCode: routing.provinceCode } : {}),
    },
    attachments: input.attachments ?? [],
    visibility: input.visibility ?? 'private',
    status: 'assigned',
    departmentId: routing.departmentId,
    severity,
    ...deadlines(category, severity, now, args.calendar),
    overdue: false,
    escalated: false,
    transferCount: 0,
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
  };
  const event: TicketEvent = {
    eventId: args.eventId,
    ticketId: id,
    version: 1,
    type: 'created',
    at,
    actor: { id: citizen.userId, role: 'citizen' },
    visibility: 'public',
    data: { departmentId: routing.departmentId, ruleId: routing.ruleId, severity, dueAt: ticket.dueAt },
  };
  return { ticket, event };
}

/** May this caller see this ticket at all? (Otherwise it is a 404, never a 403.) */
export function canSee(ticket: Ticket, who: Principal): boolean {
  switch (who.role) {
    case 'citizen':
      return ticket.citizenId === who.userId;
    case 'staff':
      return ticket.departmentId === who.departmentId;
    case 'manager':
      return managerScopeCovers(who.scope, ticket);
    case 'admin':
      return true;
  }
}

export function managerScopeCovers(scope: string | undefined, ticket: Pick<Ticket, 'location'>): boolean {
  if (scope === 'city') return true;
  if (scope?.startsWith('district-')) return ticket.location.districtCode === scope.slice('district-'.length);
  return false;
}
