/**
 * Departments working tickets: actions at an expected version, the citizen's comments, the
 * department queue and a ticket's history. Each change is one conditional transaction
 * (ticket + event); nothing is written when a rule or the version check says no.
 */
import type { Department } from '../domain/department.js';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '../domain/errors.js';
import { matchesQueue, readsDonePartition, type QueueFilter } from '../domain/queue.js';
import { timeLeft, type TimeLeft } from '../domain/time-left.js';
import { parseRef } from '../domain/ticket-ref.js';
import { authorizeDepartmentReader } from './department-access.js';
import type { Principal } from '../domain/principal.js';
import { canSee, type Ticket, type TicketEvent, type TicketStatus } from '../domain/ticket.js';
import { applyAction, TRANSFER_LIMIT, type ActionContext, type StaffAction, type TicketAction } from '../domain/workflow.js';
import type { AttachUploads, Dependencies, Page, PageRequest, QueueSort } from './ports.js';
import { getTicket } from './read-tickets.js';
import { resolveAttachments } from './uploads.js';
import type { Photo } from '../domain/upload.js';

type Deps = Pick<Dependencies, 'clock' | 'ids' | 'tickets' | 'reference' | 'departments' | 'uploads'>;

interface DuplicateTarget {
  exists: boolean;
  ref?: string;
}
const noDuplicate: DuplicateTarget = { exists: false };

/**
 * A duplicate's target is resolved with the same visibility rule as every read: a ticket the
 * acting staff may not see answers exactly as one that does not exist (no existence oracle).
 */
function duplicateTargetVisible(deps: Pick<Dependencies, 'tickets'>, who: Principal, id: string): Promise<DuplicateTarget> {
  return deps.tickets.get(id).then((t) => (t !== undefined && canSee(t, who) ? { exists: true, ...(t.ref ? { ref: t.ref } : {}) } : { exists: false }));
}

/** What the domain needs to judge `action` on `ticket`, read in parallel where it can be. */
async function contextFor(deps: Deps, who: Principal, ticket: Ticket, action: TicketAction, target?: Department, evidence?: Photo[]): Promise<ActionContext> {
  const [category, calendar, transfer, duplicate] = await Promise.all([
    deps.reference.category(ticket.category),
    deps.reference.calendar(), // both cached: usually no round trip
    action.action === 'transfer' ? transferDepartments(deps, ticket, target) : undefined,
    action.action === 'reject' && action.duplicateOf && action.duplicateOf !== ticket.id
      ? duplicateTargetVisible(deps, who, action.duplicateOf)
      : noDuplicate,
  ]);
  if (!category) throw new Error(`ticket ${ticket.id} names the unknown category ${ticket.category}`);
  return {
    now: deps.clock.now(),
    eventId: deps.ids.next(),
    actor: { id: who.userId, role: who.role },
    category,
    calendar,
    ...(transfer ? { transfer } : {}),
    duplicateExists: duplicate.exists,
    ...(duplicate.ref ? { duplicateRef: duplicate.ref } : {}),
    caller: { ...(who.departmentId ? { departmentId: who.departmentId } : {}), ...(who.name ? { name: who.name } : {}) },
    ...(evidence ? { evidence } : {}),
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
  const [ticket, target, evidence] = await Promise.all([
    getTicket(deps, who, id),
    action.action === 'transfer' ? deps.departments.get(action.toDepartmentId) : undefined,
    action.action === 'respond' ? resolveAttachments(deps, who, action.evidence, 'evidence', 'body.evidence') : undefined,
    // Warm the reference caches beside the ticket read, so a cache refresh never adds a round trip in series.
    deps.reference.categories(),
    deps.reference.calendar(),
  ]);
  // Checked before the rules so a stale client refreshes first; the conditional write still decides races.
  if (ticket.version !== expectedVersion) throw new VersionConflictError(ticket.version);
  const change = applyAction(ticket, action as StaffAction, await contextFor(deps, who, ticket, action as StaffAction, target, evidence?.photos));
  await deps.tickets.update(change.ticket, change.event, expectedVersion, evidence?.attach satisfies AttachUploads | undefined);
  return change.ticket;
}

const COMMENT_ATTEMPTS = 3;

/**
 * The owner adds information. The citizen sends no version (they cannot know it), so a
 * concurrent staff action is absorbed by re-reading and retrying a few times.
 */
export async function commentOnTicket(deps: Deps, who: Principal, id: string, message: string): Promise<Ticket> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await getTicket(deps, who, id);
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
  sort?: QueueSort;
  category?: string;
  wardCode?: string;
  /** `me`: held by the caller; `unassigned` (or `none`): held by nobody. */
  assignee?: 'me' | 'unassigned' | 'none';
  /** A ticket id or a reference: the one ticket, if it is in this queue and passes the other filters. */
  q?: string;
}

/** A queue row: the ticket and, as of the read, the working hours its department has left. */
export type QueueRow = Ticket & { timeLeft: TimeLeft & { asOf: string } };

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * Staff read their own department's queue; managers the departments in their scope (city:
 * all; `district-<code>`: units of that district); admins any. Others' staff get 403.
 */
export async function departmentQueue(
  deps: Pick<Dependencies, 'departments' | 'ticketQueries' | 'tickets' | 'reference' | 'clock'>,
  who: Principal,
  departmentId: string,
  query: QueueQuery,
): Promise<Page<QueueRow>> {
  await authorizeDepartmentReader(deps, who, departmentId, 'queue');
  const filter: QueueFilter = {
    ...(query.status ? { status: query.status } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.wardCode ? { wardCode: query.wardCode } : {}),
    ...(query.assignee ? { assignee: query.assignee === 'me' ? { userId: who.userId } : 'none' } : {}),
  };
  const now = deps.clock.now();
  const [page, calendar] = await Promise.all([
    query.q !== undefined ? search(deps, departmentId, query.q, filter, query.cursor) : deps.ticketQueries.departmentQueue(departmentId, { ...filter, done: readsDonePartition(query.status), ...(query.sort ? { sort: query.sort } : {}), limit: query.limit, cursor: query.cursor, now }),
    deps.reference.calendar(),
  ]);
  const asOf = now.toISOString();
  return { items: page.items.map((t) => ({ ...t, timeLeft: { ...timeLeft(t, now, calendar), asOf } })), nextCursor: page.nextCursor };
}

/** A search names one ticket: read it directly instead of filtering the whole queue for it. */
async function search(deps: Pick<Dependencies, 'tickets'>, departmentId: string, q: string, filter: QueueFilter, cursor?: string): Promise<Page<Ticket>> {
  if (cursor !== undefined) throw new ValidationError('A search has one page.', [{ path: 'query.cursor', message: 'not with q' }]);
  const text = q.trim().toUpperCase();
  const ref = parseRef(text);
  if (!ref && !ULID.test(text)) throw new ValidationError('Search by a ticket id or reference.', [{ path: 'query.q', message: 'a ticket id (ULID) or a reference such as HN-261202-0042' }]);
  const id = ref ? await deps.tickets.idOfRef(ref) : text;
  const ticket = id ? await deps.tickets.get(id) : undefined;
  return { items: ticket && matchesQueue(ticket, departmentId, filter) ? [ticket] : [], nextCursor: null };
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
  await getTicket(deps, who, id);
  const citizen = who.role === 'citizen';
  const events = await deps.ticketQueries.history(id, { ...page, publicOnly: citizen });
  if (!citizen) return events;
  return {
    items: events.items.map((e) => (e.actor.id === who.userId ? e : { ...e, actor: { id: e.actor.role, role: e.actor.role } })),
    nextCursor: events.nextCursor,
  };
}
