/**
 * The ticket (phản ánh, kiến nghị) and the events that record each change to it.
 * Every change writes the ticket with version + 1 and exactly one event with that version.
 */
import type { Category, Severity } from './category.js';
import { managerScope, type Principal, type Role } from './principal.js';
import { scopeCovers } from './scope.js';
import type { Consent } from './privacy-notice.js';
import type { Photo } from './upload.js';
import { addWorkingHours, type WorkCalendar } from './working-hours.js';
import type { LocalizedText } from './localized-text.js';
import type { Rating } from './rating-scale.js';

export const ticketStatuses = ['assigned', 'in_progress', 'needs_info', 'responded', 'closed', 'rejected'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

export type { Rating } from './rating-scale.js';

export const rejectReasons = ['duplicate', 'out_of_scope', 'complaint_procedure', 'spam', 'insufficient_info'] as const;
export type RejectReason = (typeof rejectReasons)[number];

/** Answered, or rejected with a reason (đã xử lý): what "processed" means in metrics and the public feed. */
export const processedStatuses: ReadonlySet<TicketStatus> = new Set(['responded', 'closed', 'rejected']);

/** States in which a department still owes the citizen something. */
export const openStatuses: ReadonlySet<TicketStatus> = new Set(['assigned', 'in_progress', 'needs_info', 'responded']);

/** A reference to an upload in a request: the upload must be ready, the caller's and unattached. */
export interface UploadRef {
  uploadId: string;
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
  /** The short human reference (`HN-261202-0042`, domain/ticket-ref.ts): unique, searchable. */
  ref: string;
  version: number;
  citizenId: string;
  citizenName?: string;
  citizenPhone?: string;
  citizenEmail?: string;
  category: string;
  title?: string;
  description: string;
  location: TicketLocation;
  /** The citizen's photos (processed uploads, attached in the creating transaction). */
  attachments: Photo[];
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
  // Workflow fields (see workflow.ts and sla.ts); optional so items written before them still read.
  /** When the current department received it (creation or the last transfer): deadlines count from here. */
  assignedAt?: string;
  /** An overdue ticket not answered by then is escalated to the parent unit. */
  escalateAt?: string;
  /** The acknowledgement deadline passed while the ticket was still `assigned`. */
  ackOverdue?: boolean;
  /** How many times an answer deadline was missed over the ticket's life (transfers reset `overdue`). */
  overdueCount?: number;
  /** The unit the SLA sweep escalated the overdue ticket to (with `escalated`; absent when the department has no parent). */
  escalatedTo?: string;
  /** The unit a second "not satisfied" passed the ticket up to, which has held it since (rating.ts); cleared by a transfer. */
  passedUpTo?: string;
  /** `needs_info`: when the clock stopped; the working hours until the citizen answers are added to the deadlines. */
  pausedAt?: string;
  acknowledgedAt?: string;
  respondedAt?: string;
  closedAt?: string;
  /** The person at the department working it (claim / release); cleared when the ticket moves to another unit. */
  assignee?: Assignee;
  /** The department's answer. */
  response?: { message: string; evidence: Photo[]; departmentId: string; at: string };
  /** The citizen's verdict on the last answer. */
  rating?: { value: Rating; comment?: string; at: string };
  /** Why the department declined it. */
  rejection?: { reasonCode: RejectReason; message: string; duplicateOf?: string; duplicateOfRef?: string; complaintProcedure?: LocalizedText; at: string };
  /** The privacy-notice version the citizen accepted when submitting it (absent while no notice was configured). */
  consent?: Consent;
  /** Set once the citizen's personal data was removed (erasure or retention: personal-data.ts). */
  personalDataRemovedAt?: string;
  /**
   * How many citizens follow it ("me too"; see following.ts). Not under `version`: a follow
   * moves only this, and the store carries it over a concurrent versioned write.
   */
  followers?: number;
}

export type Actor = { id: string; role: Role | 'system' };

export interface Assignee {
  userId: string;
  /** The display name in their token when they claimed it, for the queue. */
  name?: string;
  since: string;
}

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

/** One accepted change: the ticket at its next version and the event that records it. */
export interface Change {
  ticket: Ticket;
  event: TicketEvent;
}

/** The ticket at version + 1 with `next` applied (undefined fields removed) and its event. */
export function nextVersion(
  ticket: Ticket,
  next: Partial<Ticket>,
  event: Pick<TicketEvent, 'type' | 'data' | 'visibility' | 'at' | 'actor' | 'eventId'>,
): Change {
  const merged = { ...ticket, ...next, version: ticket.version + 1, updatedAt: event.at } as Record<string, unknown>;
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const updated = merged as unknown as Ticket;
  return { ticket: updated, event: { ...event, ticketId: ticket.id, version: updated.version } };
}

export interface NewTicketInput {
  category: string;
  description: string;
  title?: string;
  location: { wardCode: string; lat?: number; lng?: number; address?: string };
  urgent?: boolean;
  attachments?: UploadRef[];
  visibility?: 'public' | 'private';
  /** The privacy-notice version accepted; checked by the use case against the notice in force. */
  consentVersion?: string;
}

export interface Routing {
  departmentId: string;
  ruleId: string | null;
  districtCode?: string;
  provinceCode?: string;
}

/** Working hours after `dueAt` before an overdue ticket escalates: one working day, or the answer time if shorter (urgent: 4 h). */
export const escalationGraceHours = (answerHours: number) => Math.min(8, answerHours);

/** Deadlines counted from `from` (assignment): acknowledge, answer, escalate. */
export function deadlines(category: Category, severity: Severity, from: Date, calendar: WorkCalendar) {
  const { acknowledgeHours, answerHours } = category.policy;
  const dueAt = addWorkingHours(from, answerHours[severity], calendar);
  const ackDueAt = addWorkingHours(from, Math.min(acknowledgeHours, answerHours[severity]), calendar);
  const escalateAt = addWorkingHours(dueAt, escalationGraceHours(answerHours[severity]), calendar);
  return { ackDueAt: ackDueAt.toISOString(), dueAt: dueAt.toISOString(), escalateAt: escalateAt.toISOString() };
}

/** A new ticket, routed, with its `created` event (version 1). */
export function openTicket(args: {
  id: string;
  ref: string;
  eventId: string;
  now: Date;
  citizen: Principal;
  input: NewTicketInput;
  category: Category;
  routing: Routing;
  calendar: WorkCalendar;
  /** The attachments, resolved to their processed photos. */
  photos?: Photo[];
}): { ticket: Ticket; event: TicketEvent } {
  const { id, now, citizen, input, category, routing } = args;
  const severity: Severity = input.urgent ? 'urgent' : category.defaultSeverity;
  const at = now.toISOString();
  const ticket: Ticket = {
    id,
    ref: args.ref,
    version: 1,
    citizenId: citizen.userId,
    ...(citizen.name ? { citizenName: citizen.name } : {}),
    ...(citizen.phone ? { citizenPhone: citizen.phone } : {}),
    ...(citizen.email ? { citizenEmail: citizen.email } : {}),
    category: category.code,
    ...(input.title ? { title: input.title } : {}),
    description: input.description,
    location: {
      ...input.location,
      ...(routing.districtCode ? { districtCode: routing.districtCode } : {}),
      ...(routing.provinceCode ? { provinceCode: routing.provinceCode } : {}),
    },
    attachments: args.photos ?? [],
    ...(input.consentVersion ? { consent: { version: input.consentVersion, at } } : {}),
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
    assignedAt: at,
    followers: 0,
  };
  const event: TicketEvent = {
    eventId: args.eventId,
    ticketId: id,
    version: 1,
    type: 'created',
    at,
    actor: { id: citizen.userId, role: 'citizen' },
    visibility: 'public',
    data: { ref: args.ref, departmentId: routing.departmentId, ruleId: routing.ruleId, severity, dueAt: ticket.dueAt, ...(args.photos?.length ? { photos: args.photos } : {}) },
  };
  return { ticket, event };
}

/** May this caller see this ticket at all? (Otherwise it is a 404, never a 403.) */
export function canSee(ticket: Ticket, who: Principal): boolean {
  switch (who.role) {
    case 'citizen':
      // A ticket stripped of its citizen has no owner any more, whatever `sub` a token carries.
      return ticket.citizenId === who.userId && ticket.personalDataRemovedAt === undefined;
    case 'staff':
      return ticket.departmentId === who.departmentId;
    case 'manager': {
      const scope = managerScope(who);
      return scope !== undefined && scopeCovers(scope, ticket);
    }
    case 'admin':
      return true;
  }
}
