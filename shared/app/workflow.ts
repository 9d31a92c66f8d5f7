/**
 * Departments working tickets: actions at an expected version, the citizen's comments, the
 * department queue and a ticket's history. Each change is one conditional transaction
 * (ticket + event); nothing is written when a rule or the version check says no.
 */
import type { Department } from '../domain/department.js';
import { ForbiddenError, NotFoundError, VersionConflictError } from '../domain/errors.js';
import { authorizeDepartmentReader } from './department-access.js';
import type { Principal } from '../domain/principal.js';
import { canSee, type Ticket, type TicketEvent, type TicketStatus } from '../domain/ticket.js';
import { applyAction, TRANSFER_LIMIT, type ActionContext, type StaffAction, type TicketAction } from '../domain/workflow.js';
import type { Dependencies, Page, PageRequest } from './ports.js';

type Deps = Pick<Dependencies, 'clock' | 'ids' | 'tickets' | 'reference' | 'departments'>;

async function visibleTicket(deps: Pick<Dependencies, 'tickets'>, who: Principal, id: string): Promise<Ticket> {
  const ticket = await deps.tickets.get(id);
  if (!ticket || !canSee(ticket, who)) throw new NotFoundError(`No ticket ${id}.`);
  return ticket;
}

/**
 * A duplicate's target is resolved with the same visibility rule as every read: a ticket the
 * acting staff may not see answers exactly as one that does not exist (no existence oracle).
 */
function duplicateTargetVisible(deps: Pick<Dependencies, 'tickets'>, who: Principal, id: string): Promise<boolean> {
  return deps.tickets.get(id).then((t) => t !== undefined && canSee(t, who));
}

/** What the domain needs to judge `action` on `ticket`, read in parallel where it can be. */
async function contextFor(deps: Deps, who: Principal, ticket: Ticket, action: TicketAction, target?: Department): Promise<ActionContext> {
  const [category, calendar, transfer, duplicateExists] = await Promise.all([
    deps.reference.category(ticket.category),
    deps.reference.calendar(), // both cached: usually no round trip
    action.action === 'transfer' ? transferDepartments(deps, ticket, target) : undefined,
    action.action === 'reject' && action.duplicateOf && action.duplicateOf !== ticket.id
      ? duplicateTargetVisible(deps, who, action.duplicateOf)
      : false,
  ]);
  if (!category) throw new Error(`ticket ${ticket.id} names the unknown category ${ticket.category}`);
  return {
    now: deps.clock.now(),
    eventId: deps.ids.next(),
    actor: { id: who.userId, role: who.role },
    category,
    calendar,
    ...(transfer ? { transfer } : {}),
    duplicateExists,
  };
}

/** The current unit and its parent matter only once the transfer limit is reached. */
async function transferDepartments(deps: Deps, ticket: Ticket, target: Department | undefined) {
  if (ticket.transferCount + 1 < TRANSFER_LIMIT) return { target };
  const current = await deps.departments.get(ticket.departmentId);
  const parentOfCurrent = current?.parentId ? await deps.departments.get(current.parentId) : undefined;
  return { target, current, parentOfCurrent };
}

/** Staff (own department) and admins act on a ticket at the version they read. */
export async function actOnTicket(deps: Deps, who: Principal, id: string, request: StaffAction & { expectedVersion: number }): Promise<Ticket> {
  if (who.role !== 'staff' && who.role !== 'admin') throw new ForbiddenError(`The ${who.role} role may not act on tickets.`);
  const { expectedVersion, ...action } = request;
  const [ticket, target] = await Promise.all([
    visibleTicket(deps, who, id),
    action.action === 'transfer' ? deps.departments.get(action.toDepartmentId) : undefined,
    // Warm the reference caches beside the ticket read, so a cache refresh never adds a round trip in series.
    deps.reference.categories(),
    deps.reference.calendar(),
  ]);
  // Checked before the rules so a stale client refreshes first; the conditional write still decides races.
  if (ticket.version !== expectedVersion) throw new VersionConflictError(ticket.version);
  const change = applyAction(ticket, action as StaffAction, await contextFor(deps, who, ticket, action as StaffAction, target));
  await deps.tickets.update(change.ticket, change.event, expectedVersion);
  return change.ticket;
}

const COMMENT_ATTEMPTS = 3;

/**
 * The owner adds information. The citizen sends no version (they cannot know it), so a
 * concurrent staff action is absorbed by re-reading and retrying a few times.
 */
export async function commentOnTicket(deps: Deps, who: Principal, id: string, message: string): Promise<Ticket> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await visibleTicket(deps, who, id);
    if (who.role !== 'citizen' || ticket.citizenId !== who.userId) throw new NotFoundError(`No ticket ${id}.`);
    const action: TicketAction = { action: 'comment', message };
    const change = applyAction(ticket, action, await contextFor(deps, who, ticket, action));
    try {
      await deps.tickets.update(change.ticket, change.event, ticket.version);
      return change.ticket;
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= COMMENT_ATTEMPTS) throw error;
    }
  }
}

export interface QueueQuery extends PageRequest {
  status?: TicketStatus;
  overdue?: boolean;
}

/**
 * Staff read their own department's queue; managers the departments in their scope (city:
 * all; `district-<code>`: units of that district); admins any. Others' staff get 403.
 */
export async function departmentQueue(
  deps: Pick<Dependencies, 'departments' | 'ticketQueries' | 'clock'>,
  who: Principal,
  departmentId: string,
  query: QueueQuery,
): Promise<Page<Ticket>> {
  await authorizeDepartmentReader(deps, who, departmentId, 'queue');
  const done = query.status === 'closed' || query.status === 'rejected';
  return deps.ticketQueries.departmentQueue(departmentId, { ...query, done, now: deps.clock.now() });
}

/**
 * A ticket's events, oldest first, for whoever may see the ticket. Citizens get the public
 * events only, and see staff and the system by role, not by user id.
 */
export async function ticketHistory(
  deps: Pick<Dependencies, 'tickets' | 'ticketQueries'>,
  who: Principal,
  id: string,
  page: PageRequest,
): Promise<Page<TicketEvent>> {
  return (await ticketWithHistory(deps, who, id, page)).events;
}

/** The history with the ticket it belongs to (the access record needs to know what was shown). */
export async function ticketWithHistory(
  deps: Pick<Dependencies, 'tickets' | 'ticketQueries'>,
  who: Principal,
  id: string,
  page: PageRequest,
): Promise<{ ticket: Ticket; events: Page<TicketEvent> }> {
  const ticket = await visibleTicket(deps, who, id);
  const citizen = who.role === 'citizen';
  const events = await deps.ticketQueries.history(id, { ...page, publicOnly: citizen });
  if (!citizen) return { ticket, events };
  return {
    ticket,
    events: {
      items: events.items.map((e) => (e.actor.id === who.userId ? e : { ...e, actor: { id: e.actor.role, role: e.actor.role } })),
      nextCursor: events.nextCursor,
    },
  };
}
