/**
 * The department workflow: which action is allowed in which state, and what it changes.
 * Pure: the use case resolves what an action needs (category, calendar, departments) and
 * writes the result; every accepted action yields the next ticket (version + 1) and exactly
 * one event. The SLA sweep's transitions live in sla.ts.
 */
import type { Category, Severity } from './category.js';
import type { Department } from './department.js';
import { ForbiddenError, InvalidStateError, ValidationError } from './errors.js';
import type { LocalizedText } from './localized-text.js';
import { deadlines, nextVersion, ticketStatuses, type Actor, type Change, type RejectReason, type Ticket, type TicketEvent, type TicketStatus, type UploadRef } from './ticket.js';
import type { Photo } from './upload.js';
import { addWorkingHours, workingHoursBetween, type WorkCalendar } from './working-hours.js';

/**
 * Every event type a ticket can record. Stream consumers (metrics, notifications) key on
 * these names; `rated` and `reopened` belong to the rating flow.
 */
export const ticketEventTypes = [
  'created',
  'acknowledged',
  'info_requested',
  'commented',
  'responded',
  'transferred',
  'rejected',
  'note_added',
  'severity_changed',
  'closed',
  'ack_overdue',
  'overdue',
  'escalated',
  'auto_closed',
  'rated',
  'reopened',
  'claimed',
  'released',
  /** The ticket moved from the 2024 map to the 2025 one (shared/domain/area-migration.ts). */
  'area_migrated',
  'personal_data_removed',
] as const;
export type TicketEventType = (typeof ticketEventTypes)[number];

// The console and the schemas list the reasons beside the actions; they belong to the ticket's rejection.
export { rejectReasons, type RejectReason } from './ticket.js';

/** What a `complaint_procedure` rejection tells the citizen: a complaint is not feedback and has its own legal track. */
export const complaintProcedureGuidance: LocalizedText = {
  vi:
    'Nội dung này là khiếu nại hoặc tố cáo, được giải quyết theo Luật Khiếu nại 2011 và Luật Tố cáo 2018. ' +
    'Vui lòng gửi đơn đến Ban Tiếp công dân của cấp có thẩm quyền, hoặc đến cơ quan đã ban hành quyết định bị khiếu nại.',
  en:
    'This is a complaint or denunciation, which is handled under the Law on Complaints (2011) and the Law on Denunciations (2018). ' +
    'Please file it in writing with the citizen reception office (Ban Tiếp công dân) of the competent authority, or with the agency that issued the decision you contest.',
};

export const MIN_RESPONSE_LENGTH = 20;
/** The third transfer goes to the parent unit of the department passing the ticket on, not to the requested one. */
export const TRANSFER_LIMIT = 3;

/** Derived, never stored: only a transfer moves the count, and from the limit on each one goes up a unit. */
export const transferLimitReached = (ticket: Pick<Ticket, 'transferCount'>): boolean => ticket.transferCount >= TRANSFER_LIMIT;

export const staffActions = ['acknowledge', 'request_info', 'respond', 'transfer', 'reject', 'note', 'set_severity', 'close', 'claim', 'release'] as const;

export type StaffAction =
  | { action: 'acknowledge' }
  | { action: 'request_info'; message: string }
  | { action: 'respond'; message: string; evidence?: UploadRef[] }
  | { action: 'transfer'; toDepartmentId: string; reason: string }
  | { action: 'reject'; reasonCode: RejectReason; message: string; duplicateOf?: string }
  | { action: 'note'; message: string }
  | { action: 'set_severity'; severity: Severity }
  | { action: 'close' }
  | { action: 'claim' }
  | { action: 'release' };

/** The citizen's only action: adding information. */
export type CitizenComment = { action: 'comment'; message: string };
export type TicketAction = StaffAction | CitizenComment;
export type ActionName = TicketAction['action'];

const open: readonly TicketStatus[] = ['assigned', 'in_progress', 'needs_info', 'responded'];

/** The states each action is allowed in; anything else is a 422. */
export const allowedFrom: Readonly<Record<ActionName, readonly TicketStatus[]>> = {
  acknowledge: ['assigned'],
  request_info: ['in_progress'],
  respond: ['in_progress'],
  transfer: ['assigned', 'in_progress'],
  // Any open state (API.md), responded included; metrics count a ticket as processed once.
  reject: ['assigned', 'in_progress', 'needs_info', 'responded'],
  note: ticketStatuses,
  set_severity: ['assigned', 'in_progress', 'needs_info'],
  close: ['responded'],
  // Someone may pick up anything the department still owes an answer or a rating wait on.
  claim: open,
  release: open,
  comment: open,
};

export interface ActionContext {
  now: Date;
  eventId: string;
  actor: Actor;
  /** The ticket's category (deadline policy, evidence rule). */
  category: Category;
  calendar: WorkCalendar;
  /** transfer: the departments involved, as the use case found them (undefined: does not exist). */
  transfer?: { current?: Department; target?: Department; parentOfCurrent?: Department };
  /** reject as duplicate: whether `duplicateOf` names a ticket the actor may see. */
  duplicateExists?: boolean;
  /** reject as duplicate: the original's reference, the name its people are told to follow it by. */
  duplicateRef?: string;
  /** claim: the caller's department and display name, as their token says. */
  caller?: { departmentId?: string; name?: string };
  /** respond: the evidence, resolved to processed photos (the use case checked each upload). */
  evidence?: Photo[];
}

export function isAllowed(status: TicketStatus, action: ActionName): boolean {
  return allowedFrom[action].includes(status);
}

/** Applies one action; throws ValidationError (400) or InvalidStateError (422) when it may not. */
export function applyAction(ticket: Ticket, action: TicketAction, ctx: ActionContext): Change {
  if (!isAllowed(ticket.status, action.action)) {
    throw new InvalidStateError(`A ticket that is ${ticket.status} cannot take the action ${action.action}.`, `${action.action}_not_allowed_when_${ticket.status}`);
  }
  const at = ctx.now.toISOString();
  const change = (next: Partial<Ticket>, type: TicketEventType, data: Record<string, unknown>, visibility: TicketEvent['visibility'] = 'public'): Change =>
    nextVersion(ticket, next, { type, data, visibility, at, actor: ctx.actor, eventId: ctx.eventId });

  switch (action.action) {
    case 'acknowledge':
      return change({ status: 'in_progress', acknowledgedAt: at }, 'acknowledged', { onTime: at <= ticket.ackDueAt });

    case 'request_info':
      return change({ status: 'needs_info', pausedAt: at }, 'info_requested', { message: action.message });

    case 'respond': {
      if (action.message.trim().length < MIN_RESPONSE_LENGTH) {
        throw new ValidationError('The answer is too short.', [{ path: 'body.message', message: `at least ${MIN_RESPONSE_LENGTH} characters` }]);
      }
      const evidence = ctx.evidence ?? [];
      if (ctx.category.evidenceRequired && evidence.length === 0) {
        throw new InvalidStateError(`Answers in the category ${ctx.category.code} must carry evidence (photos or documents).`, 'evidence_required');
      }
      return change(
        { status: 'responded', respondedAt: at, response: { message: action.message, evidence, departmentId: ticket.departmentId, at } },
        'responded',
        { message: action.message, ...(evidence.length ? { photos: evidence } : {}), onTime: at <= ticket.dueAt },
      );
    }

    case 'transfer':
      return transfer(ticket, action, ctx, change);

    case 'reject': {
      if (action.reasonCode === 'duplicate') {
        if (!action.duplicateOf) throw new ValidationError('A duplicate names the ticket it duplicates.', [{ path: 'body.duplicateOf', message: 'required when reasonCode is duplicate' }]);
        if (action.duplicateOf === ticket.id) throw new ValidationError('A ticket cannot duplicate itself.', [{ path: 'body.duplicateOf', message: 'names this ticket' }]);
        if (!ctx.duplicateExists) throw new ValidationError('The duplicated ticket does not exist.', [{ path: 'body.duplicateOf', message: `unknown ticket "${action.duplicateOf}"` }]);
      } else if (action.duplicateOf) {
        throw new ValidationError('Only a duplicate names another ticket.', [{ path: 'body.duplicateOf', message: 'only with reasonCode duplicate' }]);
      }
      const rejection = {
        reasonCode: action.reasonCode,
        message: action.message,
        ...(action.duplicateOf ? { duplicateOf: action.duplicateOf, ...(ctx.duplicateRef ? { duplicateOfRef: ctx.duplicateRef } : {}) } : {}),
        ...(action.reasonCode === 'complaint_procedure' ? { complaintProcedure: complaintProcedureGuidance } : {}),
        at,
      };
      const { at: _at, ...data } = rejection;
      return change({ status: 'rejected', rejection, closedAt: at, pausedAt: undefined }, 'rejected', { ...data, onTime: at <= ticket.dueAt });
    }

    case 'note':
      return change({}, 'note_added', { message: action.message }, 'internal');

    case 'set_severity': {
      if (action.severity === ticket.severity) throw new InvalidStateError(`The ticket is already ${action.severity}.`, 'severity_unchanged');
      // From the assignment, not from now: toggling severity cannot buy time.
      const from = new Date(ticket.assignedAt ?? ticket.createdAt);
      // In needs_info the pause so far is added when the citizen answers, as for any deadline.
      const next = deadlines(ctx.category, action.severity, from, ctx.calendar);
      return change({ severity: action.severity, ...next }, 'severity_changed', { from: ticket.severity, to: action.severity, dueAt: next.dueAt });
    }

    case 'close':
      return change({ status: 'closed', closedAt: at }, 'closed', {});

    case 'claim': {
      // A person of the unit holding the ticket takes it on; admins and other units' staff are not its people.
      if (ctx.actor.role !== 'staff' || ctx.caller?.departmentId !== ticket.departmentId) {
        throw new ForbiddenError("Only the staff of the ticket's department may claim it.");
      }
      if (ticket.assignee?.userId === ctx.actor.id) throw new InvalidStateError('You already hold this ticket.', 'already_assignee');
      if (ticket.assignee) {
        throw new InvalidStateError(`${ticket.assignee.name ?? ticket.assignee.userId} holds this ticket; they (or an admin) must release it first.`, 'claimed_by_other');
      }
      const assignee = { userId: ctx.actor.id, ...(ctx.caller.name ? { name: ctx.caller.name } : {}), since: at };
      return change({ assignee }, 'claimed', { assignee: { userId: assignee.userId, ...(assignee.name ? { name: assignee.name } : {}) } }, 'internal');
    }

    case 'release': {
      if (!ticket.assignee) throw new InvalidStateError('Nobody holds this ticket.', 'not_claimed');
      // The holder lets go; an admin can free a ticket whose holder is away or gone.
      if (ticket.assignee.userId !== ctx.actor.id && ctx.actor.role !== 'admin') {
        throw new ForbiddenError('Only the person holding the ticket, or an admin, may release it.');
      }
      return change({ assignee: undefined }, 'released', { assignee: { userId: ticket.assignee.userId, ...(ticket.assignee.name ? { name: ticket.assignee.name } : {}) } }, 'internal');
    }

    case 'comment': {
      if (ticket.status !== 'needs_info') return change({}, 'commented', { message: action.message, resumed: false });
      // The clock stood still while the department waited on the citizen: push the deadlines by the paused working hours.
      const paused = ticket.pausedAt ? workingHoursBetween(new Date(ticket.pausedAt), ctx.now, ctx.calendar) : 0;
      const shift = (iso: string | undefined) => (iso ? addWorkingHours(new Date(iso), paused, ctx.calendar).toISOString() : undefined);
      return change(
        { status: 'in_progress', pausedAt: undefined, dueAt: shift(ticket.dueAt)!, escalateAt: shift(ticket.escalateAt) },
        'commented',
        { message: action.message, resumed: true, pausedHours: Math.round(paused * 100) / 100 },
      );
    }
  }
}

type ChangeFn = (next: Partial<Ticket>, type: TicketEventType, data: Record<string, unknown>, visibility?: TicketEvent['visibility']) => Change;

function transfer(ticket: Ticket, action: Extract<StaffAction, { action: 'transfer' }>, ctx: ActionContext, change: ChangeFn): Change {
  const { current, target, parentOfCurrent } = ctx.transfer ?? {};
  if (action.toDepartmentId === ticket.departmentId) {
    throw new InvalidStateError('The ticket is already with this department.', 'transfer_same_department');
  }
  if (!target) throw new ValidationError('The target department does not exist.', [{ path: 'body.toDepartmentId', message: `unknown department "${action.toDepartmentId}"` }]);
  if (!target.active) throw new InvalidStateError(`The department ${target.id} is not active.`, 'transfer_target_inactive');

  const count = ticket.transferCount + 1;
  let destination = target;
  const limited = transferLimitReached({ transferCount: count });
  if (limited) {
    // It has bounced enough: the unit above the department passing it on decides.
    if (!parentOfCurrent?.active) {
      throw new InvalidStateError(
        `The ticket has been transferred ${ticket.transferCount} times and ${current?.id ?? ticket.departmentId} has no active parent unit to pass it to: it must be handled here.`,
        'transfer_limit',
      );
    }
    destination = parentOfCurrent;
  }
  if (destination.id === ticket.departmentId) throw new InvalidStateError('The ticket is already with this department.', 'transfer_same_department');

  // The receiving unit answers from now on: all deadlines restart at the transfer, and the
  // flags that belonged to the previous unit's deadlines are cleared (their events remain).
  const assignedAt = ctx.now.toISOString();
  return change(
    {
      status: 'assigned',
      departmentId: destination.id,
      transferCount: count,
      assignedAt,
      ...deadlines(ctx.category, ticket.severity, ctx.now, ctx.calendar),
      overdue: false,
      escalated: false,
      ackOverdue: undefined,
      escalatedTo: undefined,
      passedUpTo: undefined,
      acknowledgedAt: undefined,
      // The receiving unit's own people pick it up.
      assignee: undefined,
    },
    'transferred',
    {
      from: ticket.departmentId,
      to: destination.id,
      reason: action.reason,
      transferCount: count,
      ...(limited ? { requestedTo: target.id, limitReached: true } : {}),
    },
  );
}
