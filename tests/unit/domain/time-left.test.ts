import { describe, expect, it } from 'vitest';
import { timeLeft } from '../../../shared/domain/time-left.js';
import type { Ticket } from '../../../shared/domain/ticket.js';

const hcm = (local: string) => new Date(`${local}+07:00`);
const calendar = { holidays: new Set(['2026-11-24']) };
// due Wednesday 10:00 local; acknowledge by Monday 16:00
const ticket = { status: 'assigned', dueAt: hcm('2026-11-25T10:00:00').toISOString(), ackDueAt: hcm('2026-11-23T16:00:00').toISOString() } as Ticket;

describe('timeLeft', () => {
  it('counts working hours only, skipping lunch, nights and holidays', () => {
    // Monday 11:00 → Wednesday 10:00 with Tuesday a holiday: 1 + 4 (Mon) + 2 (Wed) = 7
    expect(timeLeft(ticket, hcm('2026-11-23T11:00:00'), calendar)).toEqual({ workingHoursLeft: 7, ackWorkingHoursLeft: 4, clockStopped: false });
  });

  it('is negative past the deadline, by the working hours overdue', () => {
    expect(timeLeft({ ...ticket, status: 'in_progress' }, hcm('2026-11-25T14:30:00'), calendar)).toEqual({ workingHoursLeft: -3.5, ackWorkingHoursLeft: null, clockStopped: false });
  });

  it('stands still in needs_info, measured from when the clock stopped', () => {
    const waiting = { ...ticket, status: 'needs_info', pausedAt: hcm('2026-11-25T09:00:00').toISOString() } as Ticket;
    const left = timeLeft(waiting, hcm('2026-12-10T09:00:00'), calendar);
    expect(left).toEqual({ workingHoursLeft: 1, ackWorkingHoursLeft: null, clockStopped: true });
  });

  it('is null once processed', () => {
    for (const status of ['responded', 'closed', 'rejected'] as const) {
      expect(timeLeft({ ...ticket, status }, hcm('2026-11-23T11:00:00'), calendar).workingHoursLeft).toBeNull();
    }
  });
});
