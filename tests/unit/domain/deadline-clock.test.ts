import { describe, expect, it } from 'vitest';
import { deadlineClock } from '../../../shared/domain/deadline-clock.js';
import type { Ticket } from '../../../shared/domain/ticket.js';

const hcm = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => hcm(local).toISOString();
const noHolidays = { holidays: new Set<string>() };

// Only the fields the clock reads matter; the rest is a plausible open ticket.
const ticket = (overrides: Partial<Ticket>): Ticket =>
  ({
    id: 't1', version: 2, citizenId: 'c', category: 'health', description: 'x', location: { wardCode: '00001' }, attachments: [], visibility: 'private',
    status: 'in_progress', departmentId: 'ward-00001', severity: 'normal', ackDueAt: iso('2026-12-07T08:00:00'), dueAt: iso('2026-12-07T10:00:00'),
    overdue: false, escalated: false, transferCount: 0, reopenCount: 0, createdAt: iso('2026-12-04T08:00:00'), updatedAt: iso('2026-12-04T08:00:00'),
    acknowledgedAt: iso('2026-12-04T09:00:00'), ...overrides,
  }) as Ticket;

describe('deadlineClock: the running deadline in working hours', () => {
  it('counts the working hours left to the answer deadline', () => {
    expect(deadlineClock(ticket({}), hcm('2026-12-07T08:30:00'), noHolidays)).toEqual({ deadline: 'answer', dueAt: iso('2026-12-07T10:00:00'), workingHoursLeft: 1.5, overdue: false, paused: false });
  });

  it('skips the weekend, nights and the lunch break', () => {
    // Friday 16:00 → Monday 10:00: one hour on Friday, two on Monday morning.
    expect(deadlineClock(ticket({}), hcm('2026-12-04T16:00:00'), noHolidays)?.workingHoursLeft).toBe(3);
  });

  it('skips public holidays', () => {
    const due = iso('2026-12-09T09:00:00'); // Wednesday
    const now = hcm('2026-12-07T16:00:00'); // Monday
    expect(deadlineClock(ticket({ dueAt: due }), now, noHolidays)?.workingHoursLeft).toBe(10);
    expect(deadlineClock(ticket({ dueAt: due }), now, { holidays: new Set(['2026-12-08']) })?.workingHoursLeft).toBe(2);
  });

  it('past the deadline: negative working hours, and overdue even when no working hour has passed yet', () => {
    expect(deadlineClock(ticket({}), hcm('2026-12-07T15:00:00'), noHolidays)).toMatchObject({ workingHoursLeft: -4, overdue: true });
    expect(deadlineClock(ticket({ dueAt: iso('2026-12-07T17:00:00') }), hcm('2026-12-07T18:30:00'), noHolidays)).toMatchObject({ workingHoursLeft: 0, overdue: true });
  });

  it('before acknowledgement runs against the acknowledgement deadline', () => {
    const assigned = ticket({ status: 'assigned', acknowledgedAt: undefined, ackDueAt: iso('2026-12-07T09:00:00'), dueAt: iso('2026-12-09T09:00:00') });
    expect(deadlineClock(assigned, hcm('2026-12-07T08:00:00'), noHolidays)).toMatchObject({ deadline: 'acknowledge', workingHoursLeft: 1 });
  });

  it('stands still while the unit waits on the citizen', () => {
    const waiting = ticket({ status: 'needs_info', pausedAt: iso('2026-12-07T09:00:00') });
    expect(deadlineClock(waiting, hcm('2026-12-08T16:00:00'), noHolidays)).toMatchObject({ workingHoursLeft: 1, overdue: false, paused: true });
  });

  it('has nothing to run once answered or done', () => {
    for (const status of ['responded', 'closed', 'rejected'] as const) expect(deadlineClock(ticket({ status }), hcm('2026-12-07T08:30:00'), noHolidays)).toBeUndefined();
  });
});
