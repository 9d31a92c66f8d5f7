/**
 * The citizen's verdict on an answer, and the "not fixed" loop. A satisfied or acceptable
 * rating closes the ticket. `not_satisfied` reopens it at the same department the first time;
 * the second time it goes up to the parent unit, so "not fixed" reaches someone who can act.
 * Each outcome is two versions in one write: `rated`, then `closed` / `reopened`.
 */
import type { Category } from './category.js';
import type { Department } from './department.js';
import { InvalidStateError } from './errors.js';
import { deadlines, nextVersion, type Actor, type Rating, type Ticket, type TicketEvent } from './ticket.js';
import type { WorkCalendar } from './working-hours.js';

export interface RatingInput {
  rating: Rating;
  comment?: string;
}

export interface RatingContext {
  now: Date;
  eventIds: readonly [string, string];
  actor: Actor;
  category: Category;
  calendar: WorkCalendar;
  /** The parent of the ticket's department, for a second `not_satisfied`. */
  parent?: Department;
}

export function applyRating(ticket: Ticket, input: RatingInput, ctx: RatingContext): { ticket: Ticket; events: TicketEvent[] } {
  if (ticket.status !== 'responded') {
    throw new InvalidStateError(`Only an answered ticket can be rated; this one is ${ticket.status}.`, `rating_not_allowed_when_${ticket.status}`);
  }
  const at = ctx.now.toISOString();
  const rating = { value: input.rating, ...(input.comment ? { comment: input.comment } : {}), at };
  const rated = nextVersion(ticket, { rating }, { type: 'rated', data: { rating: input.rating, ...(input.comment ? { comment: input.comment } : {}) }, visibility: 'public', at, actor: ctx.actor, eventId: ctx.eventIds[0] });
  // The second version is built on the rated one, so both land in one write.
  const outcomeOf = (fields: Partial<Ticket>, type: string, data: Record<string, unknown>) =>
    nextVersion(rated.ticket, fields, { type, data, visibility: 'public', at, actor: ctx.actor, eventId: ctx.eventIds[1] });

  let outcome;
  if (input.rating !== 'not_satisfied') {
    outcome = outcomeOf({ status: 'closed', closedAt: at }, 'closed', { reason: 'rated', rating: input.rating });
  } else if (ticket.reopenCount === 0 || !ctx.parent?.active) {
    // Reopened where it was: the department answers again, by a fresh deadline.
    outcome = outcomeOf(
      { status: 'in_progress', reopenCount: ticket.reopenCount + 1, respondedAt: undefined, ...deadlines(ctx.category, ticket.severity, ctx.now, ctx.calendar), overdue: false },
      'reopened',
      { departmentId: ticket.departmentId, comment: input.comment ?? null, reopenCount: ticket.reopenCount + 1 },
    );
  } else {
    // Not fixed twice: the unit above takes it over.
    outcome = outcomeOf(
      {
        status: 'assigned',
        departmentId: ctx.parent.id,
        assignedAt: at,
        reopenCount: ticket.reopenCount + 1,
        respondedAt: undefined,
        acknowledgedAt: undefined,
        // The parent starts with fresh deadlines and flags: if it misses them too, the sweep
        // must still be able to flag and escalate it. Not an SLA escalation: its own field says where it went.
        escalated: false,
        escalatedTo: undefined,
        passedUpTo: ctx.parent.id,
        // The person who held it belongs to the unit it left.
        assignee: undefined,
        overdue: false,
        ackOverdue: undefined,
        ...deadlines(ctx.category, ticket.severity, ctx.now, ctx.calendar),
      },
      'reopened',
      { departmentId: ctx.parent.id, from: ticket.departmentId, passedUpTo: ctx.parent.id, comment: input.comment ?? null, reopenCount: ticket.reopenCount + 1 },
    );
  }
  return { ticket: outcome.ticket, events: [rated.event, outcome.event] };
}
