import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applySlaStep, autoCloseAt, nextSlaDeadline, nextSlaStep, SWEEP_ACTOR } from '../../../shared/domain/sla.js';
import { ticketStatuses, type Ticket } from '../../../shared/domain/ticket.js';
import { seedCategories } from '../../../shared/reference/categories.js';
import { newTicket } from '../../support/ticket-fixture.js';

const noHolidays = { holidays: new Set<string>() };
const hcm = (local: string) => new Date(`${local}+07:00`);
const monday9 = hcm('2026-11-23T09:00:00');
const health = seedCategories.find((c) => c.code === 'health')!;

function fresh(overrides: Partial<Ticket> = {}, urgent = false): Ticket {
  return newTicket({
    id: '01KTICKET00000000000000001',
    ref: 'HN-261123-0001',
    eventId: 'E1',
    now: monday9,
    citizenId: 'c-1',
    input: { description: 'Clinic closed without notice' },
    urgent,
    category: health,
    departmentId: 'ward-a',
    calendar: noHolidays,
    overrides,
  }).ticket;
}

/** Runs the sweep's loop on one ticket at `now`; returns the event types in order and the final ticket. */
function sweep(ticket: Ticket, now: Date) {
  const types: string[] = [];
  let current = ticket;
  for (;;) {
    const change = applySlaStep(current, now, { eventId: `E${current.version + 1}`, parentDepartmentId: 'district-x' });
    if (!change) return { types, ticket: current };
    types.push(change.event.type);
    expect(change.event).toMatchObject({ actor: SWEEP_ACTOR, version: current.version + 1, visibility: 'public', at: now.toISOString() });
    current = change.ticket;
  }
}

const after = (iso: string, ms = 1) => new Date(Date.parse(iso) + ms);

describe('nextSlaStep', () => {
  it('walks an unacknowledged ticket through ack, answer and escalation deadlines', () => {
    const t = fresh();
    // health: acknowledge 8 h, answer 40 h, grace 8 working hours
    expect(t.ackDueAt).toBe(hcm('2026-11-24T09:00:00').toISOString());
    expect(t.dueAt).toBe(hcm('2026-11-30T09:00:00').toISOString());
    expect(t.escalateAt).toBe(hcm('2026-12-01T09:00:00').toISOString());
    expect(nextSlaStep(t)).toEqual({ step: 'ack_overdue', at: t.ackDueAt });
    expect(nextSlaStep({ ...t, ackOverdue: true })).toEqual({ step: 'overdue', at: t.dueAt });
    expect(nextSlaStep({ ...t, status: 'in_progress' })).toEqual({ step: 'overdue', at: t.dueAt });
    expect(nextSlaStep({ ...t, status: 'in_progress', overdue: true })).toEqual({ step: 'escalated', at: t.escalateAt });
    expect(nextSlaStep({ ...t, status: 'in_progress', overdue: true, escalated: true })).toBeUndefined();
  });

  it('skips the acknowledgement step when it coincides with the answer (urgent)', () => {
    const t = fresh({}, true);
    expect(t.ackDueAt).toBe(t.dueAt);
    expect(nextSlaStep(t)).toEqual({ step: 'overdue', at: t.dueAt });
    expect(Date.parse(t.escalateAt!) - Date.parse(t.dueAt)).toBeGreaterThan(0);
  });

  it('auto-closes a responded ticket 7 days after the answer; stops the clock in needs_info; nothing once done', () => {
    const respondedAt = hcm('2026-11-25T10:00:00').toISOString();
    expect(nextSlaStep(fresh({ status: 'responded', respondedAt }))).toEqual({ step: 'auto_closed', at: hcm('2026-12-02T10:00:00').toISOString() });
    for (const status of ['needs_info', 'closed', 'rejected'] as const) expect(nextSlaDeadline(fresh({ status }))).toBeUndefined();
  });
});

describe('applySlaStep', () => {
  it('does nothing at or before the deadline, one step just after it', () => {
    const t = fresh();
    expect(applySlaStep(t, new Date(t.ackDueAt), { eventId: 'E2' })).toBeUndefined();
    const { ticket, event } = applySlaStep(t, after(t.ackDueAt), { eventId: 'E2' })!;
    expect(ticket).toMatchObject({ ackOverdue: true, overdue: false, version: 2, status: 'assigned' });
    expect(event).toMatchObject({ type: 'ack_overdue', data: { departmentId: 'ward-a', ackDueAt: t.ackDueAt } });
  });

  it('flags overdue once per deadline and counts misses across transfers', () => {
    const t = fresh({ status: 'in_progress', overdueCount: 1 });
    const { ticket, event } = applySlaStep(t, after(t.dueAt), { eventId: 'E2' })!;
    expect(ticket).toMatchObject({ overdue: true, overdueCount: 2 });
    expect(event.data).toEqual({ departmentId: 'ward-a', dueAt: t.dueAt, overdueCount: 2 });
  });

  it('escalates to the parent unit; the ticket stays with its department', () => {
    const t = fresh({ status: 'in_progress', overdue: true });
    const { ticket, event } = applySlaStep(t, after(t.escalateAt!), { eventId: 'E2', parentDepartmentId: 'district-x' })!;
    expect(ticket).toMatchObject({ escalated: true, escalatedTo: 'district-x', departmentId: 'ward-a', status: 'in_progress' });
    expect(event).toMatchObject({ type: 'escalated', data: { departmentId: 'ward-a', to: 'district-x' } });
    const top = applySlaStep(t, after(t.escalateAt!), { eventId: 'E2' })!;
    expect(top.ticket.escalated).toBe(true);
    expect(top.ticket).not.toHaveProperty('escalatedTo');
    expect(top.event.data.to).toBeNull();
  });

  it('auto-closes a responded ticket nobody rated', () => {
    const t = fresh({ status: 'responded', respondedAt: monday9.toISOString() });
    const { ticket, event } = applySlaStep(t, after(autoCloseAt(t)), { eventId: 'E2' })!;
    expect(ticket).toMatchObject({ status: 'closed', closedAt: after(autoCloseAt(t)).toISOString() });
    expect(event).toMatchObject({ type: 'auto_closed', data: { respondedAt: monday9.toISOString(), afterDays: 7 } });
  });

  it('catches up in order when the sweep has not run for a long time', () => {
    const { types, ticket } = sweep(fresh(), hcm('2026-12-15T09:00:00'));
    expect(types).toEqual(['ack_overdue', 'overdue', 'escalated']);
    expect(ticket).toMatchObject({ version: 4, ackOverdue: true, overdue: true, escalated: true, escalatedTo: 'district-x' });
    expect(nextSlaDeadline(ticket)).toBeUndefined();
  });
});

describe('properties', () => {
  const statusArb = fc.constantFrom(...ticketStatuses);
  const ticketArb = fc
    .record({
      status: statusArb,
      ackOverdue: fc.boolean(),
      overdue: fc.boolean(),
      escalated: fc.boolean(),
      urgent: fc.boolean(),
      respondedOffsetH: fc.integer({ min: 0, max: 24 * 30 }),
    })
    .map(({ urgent, respondedOffsetH, ...flags }) =>
      fresh({ ...flags, ...(flags.status === 'responded' ? { respondedAt: new Date(monday9.getTime() + respondedOffsetH * 3_600_000).toISOString() } : {}) }, urgent),
    );
  const nowArb = fc.integer({ min: 0, max: 60 * 24 * 3600 }).map((s) => new Date(monday9.getTime() + s * 1000));

  it('a step is due exactly when the next deadline is strictly past', () => {
    fc.assert(
      fc.property(ticketArb, nowArb, (ticket, now) => {
        const deadline = nextSlaDeadline(ticket);
        const change = applySlaStep(ticket, now, { eventId: 'E' });
        expect(change !== undefined).toBe(deadline !== undefined && deadline < now.toISOString());
      }),
    );
  });

  it('after a sweep at `now` nothing is due before `now` (a second sweep changes nothing), and flags only ever get set', () => {
    fc.assert(
      fc.property(ticketArb, nowArb, (ticket, now) => {
        const once = sweep(ticket, now);
        const deadline = nextSlaDeadline(once.ticket);
        expect(deadline === undefined || deadline >= now.toISOString()).toBe(true);
        expect(sweep(once.ticket, now).types).toEqual([]);
        expect(once.types.length).toBeLessThanOrEqual(3);
        for (const flag of ['ackOverdue', 'overdue', 'escalated'] as const) if (ticket[flag]) expect(once.ticket[flag]).toBe(true);
      }),
    );
  });
});
