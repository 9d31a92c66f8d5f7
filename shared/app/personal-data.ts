/**
 * The data subject's rights and the platform's duties (Decree 13/2023, PDPL 2025): export,
 * erasure (the steps of erasure-steps.ts), retention of done tickets, the record of which
 * officials read a ticket's personal data, and the privacy notice a submission consents to.
 */
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.js';
import { isAnonymised, retentionCutoff, retentionMonths } from '../domain/personal-data.js';
import type { Principal } from '../domain/principal.js';
import { canSee, type Ticket } from '../domain/ticket.js';
import { anonymiseTicket } from './anonymise-ticket.js';
import { erasureSteps, type ErasureDeps } from './erasure-steps.js';
import type { AccessEntry, Dependencies, ErasureRecord, Page, PageRequest } from './ports.js';

/** A request still pending this long after it was made is taken for crashed and run again by the daily job. */
const RESUME_AFTER_MS = 15 * 60_000;

export async function requestErasure(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal): Promise<ErasureRecord> {
  if (who.role !== 'citizen') throw new ForbiddenError('Only citizens erase their data here.');
  return deps.personalData.requestErasure({ id: deps.ids.next(), userId: who.userId, status: 'pending', requestedAt: deps.clock.now().toISOString() });
}

export async function erasureStatus(deps: Pick<Dependencies, 'personalData'>, who: Principal, id: string): Promise<ErasureRecord> {
  const record = await deps.personalData.erasure(who.userId);
  if (!record || record.id !== id) throw new NotFoundError(`No erasure ${id}.`);
  return record;
}

/** Runs every step for one request (the stream consumer and the resume job call it); a finished request is left alone. */
export async function runErasure(deps: ErasureDeps, userId: string): Promise<ErasureRecord | undefined> {
  const record = await deps.personalData.erasure(userId);
  if (!record || record.status === 'done') return record;
  const steps: Record<string, number> = {};
  for (const step of erasureSteps) steps[step.id] = await step.run(deps, userId);
  const finishedAt = deps.clock.now().toISOString();
  await deps.personalData.completeErasure(userId, finishedAt, steps);
  return { ...record, status: 'done', finishedAt, steps };
}

export interface RetentionResult {
  now: string;
  cutoff: string;
  months: number;
  anonymised: string[];
  resumedErasures: string[];
}

/**
 * Closed or rejected tickets done more than `RETENTION_MONTHS` ago lose their personal data
 * the way an erasure removes it; erasures left pending by a crash are finished on the way.
 */
export async function runRetention(deps: ErasureDeps, opts: { now?: Date; months?: number; limit?: number } = {}): Promise<RetentionResult> {
  const now = opts.now ?? deps.clock.now();
  const months = opts.months ?? retentionMonths();
  const cutoff = retentionCutoff(now, months);
  const due = await deps.personalData.doneBefore(cutoff, opts.limit ?? 500);
  const anonymised: string[] = [];
  for (const ticket of due) if (await anonymiseTicket(deps, ticket.id, 'retention')) anonymised.push(ticket.id);
  const pending = await deps.personalData.pendingErasures(new Date(now.getTime() - RESUME_AFTER_MS));
  for (const record of pending) await runErasure(deps, record.userId);
  return { now: now.toISOString(), cutoff: cutoff.toISOString(), months, anonymised, resumedErasures: pending.map((r) => r.id) };
}

// Access record ------------------------------------------------------------------------------

/** The roles whose views carry a ticket's personal data (managers' and the public's do not). */
const revealing = new Set(['staff', 'admin']);

export const revealsPersonalData = (who: Principal, ticket: Ticket) => revealing.has(who.role) && !isAnonymised(ticket);

/**
 * Appends one entry per ticket whose personal data the caller was just shown. A failure is
 * logged by the caller and never fails the read it records.
 */
export async function recordAccess(deps: Pick<Dependencies, 'personalData' | 'clock' | 'ids'>, who: Principal, route: string, tickets: readonly Ticket[]): Promise<number> {
  const shown = tickets.filter((t) => revealsPersonalData(who, t));
  if (shown.length === 0) return 0;
  const at = deps.clock.now().toISOString();
  const unit = who.role === 'staff' ? (who.departmentId ?? 'unknown') : who.role === 'manager' ? (who.scope ?? 'unknown') : 'admin';
  await deps.personalData.appendAccess(shown.map((t) => ({ id: deps.ids.next(), ticketId: t.id, at, role: who.role, unit, route, userId: who.userId })));
  return shown.length;
}

/** Admins and the ticket's owner. Owners see officials by unit and role; admins also by user id. */
export async function ticketAccessLog(deps: Pick<Dependencies, 'tickets' | 'personalData'>, who: Principal, id: string, page: PageRequest): Promise<Page<Omit<AccessEntry, 'userId'> & { userId?: string }>> {
  const ticket = await deps.tickets.get(id);
  if (!ticket || !canSee(ticket, who) || (who.role !== 'admin' && who.role !== 'citizen')) throw new NotFoundError(`No ticket ${id}.`);
  const log = await deps.personalData.accessLog(id, page);
  if (who.role === 'admin') return log;
  return { items: log.items.map(({ userId: _userId, ...entry }) => entry), nextCursor: log.nextCursor };
}

// Consent --------------------------------------------------------------------------------------

/** Once a notice is published a submission must name its current version. */
export async function checkConsent(deps: Pick<Dependencies, 'personalData'>, consentVersion: string | undefined): Promise<void> {
  const notice = await deps.personalData.privacyNotice();
  if (!notice) return;
  if (consentVersion === notice.version) return;
  throw new ValidationError('The privacy notice must be accepted.', [
    { path: 'body.consentVersion', message: consentVersion === undefined ? `required: the version of the privacy notice accepted (current: ${notice.version})` : `not the current privacy notice (current: ${notice.version})` },
  ]);
}

export async function privacyNotice(deps: Pick<Dependencies, 'personalData'>) {
  const notice = await deps.personalData.privacyNotice();
  if (!notice) throw new NotFoundError('No privacy notice is published.');
  return notice;
}
