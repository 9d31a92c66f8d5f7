/**
 * Deadlines the SLA sweep enforces, one step at a time. For an open ticket there is always at
 * most one next step, due at one instant (`nextSlaStep`): the table indexes open tickets by
 * that instant (gsi3), so the sweep reads only tickets with something due.
 *
 *   assigned, not acknowledged by ackDueAt   → ack_overdue (flag)
 *   assigned / in_progress past dueAt        → overdue (flag, once per deadline)
 *   overdue past escalateAt (dueAt + grace)  → escalated to the parent unit (flag; the ticket stays)
 *   responded and not rated within 7 days    → auto_closed
 *   needs_info: the clock is stopped; closed / rejected: nothing is due.
 */
import { nextVersion, type Actor, type Change, type Ticket } from './ticket.js';


export const AUTO_CLOSE_DAYS = 7;
const DAY_MS = 86_400_000;

export const SWEEP_ACTOR: Actor = { id: 'sla-sweep', role: 'system' };

export type SlaStepName = 'ack_overdue' | 'overdue' | 'escalated' | 'auto_closed';

export function autoCloseAt(ticket: Ticket): string {
  return new Date(Date.parse(ticket.respondedAt ?? ticket.updatedAt) + AUTO_CLOSE_DAYS * DAY_MS).toISOString();
}

/** The next thing the sweep will do to this ticket and when, or undefined once nothing is due. */
export function nextSlaStep(ticket: Ticket): { step: SlaStepName; at: string } | undefined {
  switch (ticket.status) {
    case 'responded':
      return { step: 'auto_closed', at: autoCloseAt(ticket) };
    case 'assigned':
    case 'in_progress':
      if (ticket.status === 'assigned' && !ticket.ackOverdue && ticket.ackDueAt < ticket.dueAt) return { step: 'ack_overdue', at: ticket.ackDueAt };
      if (!ticket.overdue) return { step: 'overdue', at: ticket.dueAt };
      if (!ticket.escalated) return { step: 'escalated', at: ticket.escalateAt ?? ticket.dueAt };
      return undefined;
    default:
      return undefined;
  }
}

/** The instant the sweep must next look at the ticket (the gsi3 sort key). */
export function nextSlaDeadline(ticket: Ticket): string | undefined {
  return nextSlaStep(ticket)?.at;
}

/**
 * The step due at `now` (strictly past its instant), applied: the next version and its event.
 * Undefined when nothing is due, so running it again at the same `now` changes nothing.
 */
export function applySlaStep(ticket: Ticket, now: Date, ctx: { eventId: string; parentDepartmentId?: string }): Change | undefined {
  const next = nextSlaStep(ticket);
  const at = now.toISOString();
  if (!next || !(next.at < at)) return undefined;
  const change = (fields: Partial<Ticket>, data: Record<string, unknown>) =>
    nextVersion(ticket, fields, { type: next.step, data, visibility: 'public', at, actor: SWEEP_ACTOR, eventId: ctx.eventId });
  switch (next.step) {
    case 'ack_overdue':
      return change({ ackOverdue: true }, { departmentId: ticket.departmentId, ackDueAt: ticket.ackDueAt });
    case 'overdue': {
      const overdueCount = (ticket.overdueCount ?? 0) + 1;
      // overdueCount > 1: the ticket missed a deadline before, at another unit (a transfer resets the flag).
      return change({ overdue: true, overdueCount }, { departmentId: ticket.departmentId, dueAt: ticket.dueAt, overdueCount });
    }
    case 'escalated':
      return change(
        { escalated: true, ...(ctx.parentDepartmentId ? { escalatedTo: ctx.parentDepartmentId } : {}) },
        { departmentId: ticket.departmentId, to: ctx.parentDepartmentId ?? null, dueAt: ticket.dueAt },
      );
    case 'auto_closed':
      return change({ status: 'closed', closedAt: at }, { respondedAt: ticket.respondedAt ?? null, afterDays: AUTO_CLOSE_DAYS });
  }
}
