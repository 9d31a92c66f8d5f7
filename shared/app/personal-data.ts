/**
 * A citizen's rights over their data (docs/privacy.md): export it, erase it; the retention
 * job; and the record of which officials read a ticket's personal data.
 *
 * Erasure is a sequence of idempotent steps run by the erasure consumer when the erasure item
 * is first written, and again by the retention job for any erasure a crash left pending: each
 * step finds nothing left to do on a replay, and a ticket leaves the citizen's list only in
 * its last write, so a resumed run picks up where the last one stopped.
 */
import { NotFoundError, VersionConflictError } from '../domain/errors.js';
import {
  ERASED_CITIZEN_ID,
  eventScrub,
  isRecordedReader,
  removePersonalData,
  retentionCutoffDay,
  unitOf,
  type AccessEntry,
  type RemovalReason,
} from '../domain/personal-data.js';
import type { Principal } from '../domain/principal.js';
import { parseScope, scopeCovers } from '../domain/scope.js';
import { canSee, type Ticket } from '../domain/ticket.js';
import { fullKey, incomingKey, thumbKey } from '../domain/upload.js';
import { localDate } from '../domain/working-hours.js';
import { logger } from '../observability/logger.js';
import type { Erasure, ExportAccess } from './personal-data-ports.js';
import type { Dependencies, Page, PageRequest } from './ports.js';

type Deps = Pick<Dependencies, 'tickets' | 'personalData' | 'media' | 'clock' | 'ids'>;

// Erasure --------------------------------------------------------------------------------------

/** DELETE /v1/me: the caller's erasure, created once; asking again (or at once) returns the same one. */
export function requestErasure(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal): Promise<Erasure> {
  return deps.personalData.requestErasure({ id: deps.ids.next(), userId: who.userId, status: 'pending', requestedAt: deps.clock.now().toISOString() });
}

export async function erasureStatus(deps: Pick<Dependencies, 'personalData'>, who: Principal, id: string): Promise<Erasure> {
  const erasure = await deps.personalData.erasure(who.userId);
  if (!erasure || erasure.id !== id) throw new NotFoundError(`No erasure ${id}.`);
  return erasure;
}

const TICKETS_PER_ROUND = 25;

/** Runs (or resumes) a user's erasure to the end; a finished one is left as it is. */
export async function runErasure(deps: Deps, userId: string): Promise<Erasure | undefined> {
  const erasure = await deps.personalData.erasure(userId);
  if (!erasure || erasure.status === 'done') return erasure;
  const counts = { tickets: 0, photos: 0, followings: 0, notifications: 0, preferences: 0 };
  // Every anonymised ticket leaves the list, so the first page is always what remains.
  for (;;) {
    const page = await deps.tickets.listByCitizen(userId, { limit: TICKETS_PER_ROUND });
    if (page.items.length === 0) break;
    for (const ticket of page.items) {
      const done = await removeFromTicket(deps, ticket.id, 'erasure', (t) => t.citizenId === userId);
      counts.tickets += done ? 1 : 0;
      counts.photos += done?.photos ?? 0;
    }
  }
  const followings = await deps.personalData.followings(userId);
  counts.followings = await deps.personalData.deleteFollowings(userId, followings.map((f) => f.ticketId));
  counts.notifications = await deps.personalData.deleteInbox(userId);
  counts.preferences = await deps.personalData.deletePreferences(userId);
  await deps.personalData.finishErasure(userId, deps.clock.now().toISOString(), counts);
  logger.info('erasure finished', { erasureId: erasure.id, ...counts });
  return deps.personalData.erasure(userId);
}

const REMOVAL_ATTEMPTS = 5;

/**
 * Removes the citizen's personal data from one ticket: photos and event texts first, the
 * ticket last (at its version; a concurrent workflow write makes us re-read and apply again).
 * Undefined when there was nothing (left) to remove.
 */
export async function removeFromTicket(deps: Deps, ticketId: string, reason: RemovalReason, applies: (t: Ticket) => boolean = () => true): Promise<{ photos: number } | undefined> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.tickets.get(ticketId);
    if (!ticket || ticket.personalDataRemovedAt || !applies(ticket)) return undefined;
    const { ticket: next, event, photos } = removePersonalData(ticket, { now: deps.clock.now(), eventId: deps.ids.next(), reason });
    await deps.media.delete(photos.flatMap((p) => [fullKey(p.id, p.format), thumbKey(p.id, p.format), incomingKey(p.id)]));
    await deps.personalData.deleteUploads(photos.map((p) => p.id));
    const events = await deps.tickets.events(ticketId);
    await Promise.all(
      events.map(async (e) => {
        const scrub = eventScrub(e);
        if (scrub) await deps.personalData.scrubEvent(ticketId, e.version, scrub);
      }),
    );
    await deps.personalData.scrubEventOwners(ticketId, events.map((e) => e.version), ERASED_CITIZEN_ID);
    try {
      await deps.tickets.update(next, event, ticket.version);
      return { photos: photos.length };
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= REMOVAL_ATTEMPTS) throw error;
    }
  }
}

// Retention ------------------------------------------------------------------------------------

export interface RetentionResult {
  cutoffDay: string;
  examined: number;
  removed: number;
  /** Erasures a crash had left pending, finished by this run. */
  resumedErasures: number;
}

/**
 * Tickets closed or rejected on or before the cutoff day (`months` before today, local time)
 * lose their personal data, the same way as in an erasure; then any erasure a crash left
 * pending for more than a few minutes is finished.
 */
export async function runRetention(deps: Deps, opts: { now?: Date; months: number; batch?: number }): Promise<RetentionResult> {
  const now = opts.now ?? deps.clock.now();
  const cutoffDay = retentionCutoffDay(now, opts.months);
  const result: RetentionResult = { cutoffDay, examined: 0, removed: 0, resumedErasures: 0 };
  const at = { ...deps, clock: { now: () => now } };
  for (;;) {
    const due = await deps.personalData.retentionDue(cutoffDay, opts.batch ?? 100);
    if (due.length === 0) break;
    result.examined += due.length;
    let progressed = 0;
    for (const id of due) if (await removeFromTicket(at, id, 'retention')) progressed++;
    result.removed += progressed;
    if (progressed === 0) break; // the index lags the table: what is left is already done
  }
  const stale = (await deps.personalData.pendingErasures(25)).filter((e) => Date.parse(e.requestedAt) < now.getTime() - ERASURE_RESUME_AFTER_MS);
  for (const e of stale) {
    await runErasure(at, e.userId);
    result.resumedErasures++;
  }
  return result;
}

/** The consumer starts an erasure within seconds; one still pending after this was interrupted. */
export const ERASURE_RESUME_AFTER_MS = 15 * 60_000;

// Access record --------------------------------------------------------------------------------

/**
 * Appends one access entry per ticket an official was shown. Runs beside the read and never
 * fails it: a lost entry is logged (and alarmed on as an error), the citizen still gets
 * served, and the breach runbook falls back on the API's access logs (docs/privacy.md).
 */
export async function recordAccess(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal, tickets: readonly Pick<Ticket, 'id'>[], route: string): Promise<void> {
  if (!isRecordedReader(who) || tickets.length === 0) return;
  const at = deps.clock.now().toISOString();
  const entries: AccessEntry[] = tickets.map((t) => ({ id: deps.ids.next(), ticketId: t.id, at, role: who.role, unit: unitOf(who), route, userId: who.userId }));
  try {
    await deps.personalData.appendAccess(entries);
  } catch (error) {
    logger.error('access record not written', { route, tickets: tickets.length, error: error as Error });
  }
}

/** One entry for a whole export (managers' per-ticket CSV), whatever number of rows it has. */
export async function recordExport(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal, route: string, what: { scope: string; from: string; to: string }): Promise<void> {
  if (!isRecordedReader(who)) return;
  try {
    await deps.personalData.appendExportAccess({ id: deps.ids.next(), at: deps.clock.now().toISOString(), role: who.role, unit: unitOf(who), route, userId: who.userId, ...what });
  } catch (error) {
    logger.error('export access record not written', { route, error: error as Error });
  }
}

export type AccessView = Omit<AccessEntry, 'userId' | 'id' | 'ticketId'> & { userId?: string; scope?: string; from?: string; to?: string };

/**
 * GET /v1/tickets/{id}/access-log: for admins and the ticket's owner. Officials appear by unit
 * and role (the owner never learns a personal id of staff); admins also see who.
 */
export async function accessLog(deps: Pick<Dependencies, 'tickets' | 'personalData'>, who: Principal, ticketId: string, page: PageRequest): Promise<Page<AccessView>> {
  const ticket = await deps.tickets.get(ticketId);
  if (!ticket || !(who.role === 'admin' || (who.role === 'citizen' && canSee(ticket, who)))) throw new NotFoundError(`No ticket ${ticketId}.`);
  const admin = who.role === 'admin';
  const shown = (e: AccessEntry | ExportAccess): AccessView => ({
    at: e.at,
    role: e.role,
    unit: e.unit,
    route: e.route,
    ...('scope' in e ? { scope: e.scope, from: e.from, to: e.to } : {}),
    ...(admin ? { userId: e.userId } : {}),
  });
  const entries = await deps.personalData.accessLog(ticketId, page);
  // Exports that covered this ticket (its day and scope) come with the first page.
  const exports = page.cursor ? [] : (await deps.personalData.exportsSince(ticket.createdAt)).filter((e) => exportCovers(e, ticket));
  const items = [...entries.items.map(shown), ...exports.map(shown)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { items, nextCursor: entries.nextCursor };
}

function exportCovers(e: ExportAccess, ticket: Ticket): boolean {
  const day = localDate(new Date(ticket.createdAt));
  if (day < e.from || day > e.to) return false;
  const scope = parseScope(e.scope);
  return scope !== undefined && scopeCovers(scope, ticket);
}
