/**
 * The SLA sweep: every open ticket with a deadline before `now` (read from the sparse gsi3,
 * never a scan) takes its due steps (ack_overdue, overdue, escalated, auto_closed), each one
 * a versioned conditional write of ticket + event. A ticket a staff member changed meanwhile
 * conflicts and is left for the next run. Once a run is through, nothing before `now` is due,
 * so a second run at the same instant reads nothing and writes nothing.
 */
import { NotFoundError, VersionConflictError } from '../domain/errors.js';
import { applySlaStep, nextSlaStep, type SlaStepName } from '../domain/sla.js';
import type { Ticket } from '../domain/ticket.js';
import type { Dependencies } from './ports.js';

type Deps = Pick<Dependencies, 'clock' | 'ids' | 'tickets' | 'departments' | 'ticketQueries'>;

export interface SweepChange {
  ticketId: string;
  type: SlaStepName;
  version: number;
  departmentId: string;
  escalatedTo?: string;
}

export interface SweepResult {
  now: string;
  /** Tickets read from the index. */
  examined: number;
  changes: SweepChange[];
  /** Left for the next run: changed concurrently. */
  skipped: Array<{ ticketId: string; reason: 'version_conflict' | 'not_found' }>;
  /** Read capacity the index queries consumed. */
  readUnits: number;
  /** False when the run stopped early (time budget); the next run carries on. */
  complete: boolean;
}

export interface SweepOptions {
  now?: Date;
  pageSize?: number;
  /** Tickets advanced at once. */
  concurrency?: number;
  /** Asked between pages, e.g. when the Lambda's time runs low. */
  shouldStop?: () => boolean;
}

/** At most one step per deadline, and a ticket has three before it leaves the index. */
const MAX_STEPS_PER_TICKET = 4;

export async function runSlaSweep(deps: Deps, opts: SweepOptions = {}): Promise<SweepResult> {
  const now = opts.now ?? deps.clock.now();
  const result: SweepResult = { now: now.toISOString(), examined: 0, changes: [], skipped: [], readUnits: 0, complete: true };
  const parents = new Map<string, Promise<string | undefined>>();
  const parentOf = (departmentId: string) => {
    let parent = parents.get(departmentId);
    if (!parent) {
      parent = deps.departments.get(departmentId).then((d) => d?.parentId);
      parents.set(departmentId, parent);
    }
    return parent;
  };

  async function advance(start: Ticket) {
    let ticket = start;
    for (let step = 0; step < MAX_STEPS_PER_TICKET; step++) {
      const next = nextSlaStep(ticket);
      const parentDepartmentId = next?.step === 'escalated' ? await parentOf(ticket.departmentId) : undefined;
      const change = applySlaStep(ticket, now, { eventId: deps.ids.next(), ...(parentDepartmentId ? { parentDepartmentId } : {}) });
      if (!change) return;
      try {
        await deps.tickets.update(change.ticket, change.event, ticket.version);
      } catch (error) {
        if (error instanceof VersionConflictError) return void result.skipped.push({ ticketId: ticket.id, reason: 'version_conflict' });
        if (error instanceof NotFoundError) return void result.skipped.push({ ticketId: ticket.id, reason: 'not_found' });
        throw error;
      }
      result.changes.push({
        ticketId: ticket.id,
        type: change.event.type as SlaStepName,
        version: change.ticket.version,
        departmentId: ticket.departmentId,
        ...(change.ticket.escalatedTo && change.event.type === 'escalated' ? { escalatedTo: change.ticket.escalatedTo } : {}),
      });
      ticket = change.ticket;
    }
  }

  let cursor: string | undefined;
  do {
    const page = await deps.ticketQueries.dueBefore(now, { limit: opts.pageSize ?? 100, cursor });
    result.examined += page.items.length;
    result.readUnits += page.readUnits;
    await inPool(page.items, opts.concurrency ?? 8, advance);
    cursor = page.nextCursor ?? undefined;
    if (cursor && opts.shouldStop?.()) {
      result.complete = false;
      break;
    }
  } while (cursor);
  return result;
}

async function inPool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
