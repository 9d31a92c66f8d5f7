/** The working-hours clock of each open ticket, for the people who work them (citizens see plain deadlines). */
import { deadlineClock, type DeadlineClock } from '../domain/deadline-clock.js';
import type { Principal } from '../domain/principal.js';
import type { Ticket } from '../domain/ticket.js';
import type { Dependencies } from './ports.js';

export async function deadlineClocks(deps: Pick<Dependencies, 'reference' | 'clock'>, who: Principal, tickets: readonly Ticket[]): Promise<Map<string, DeadlineClock>> {
  const clocks = new Map<string, DeadlineClock>();
  if (who.role === 'citizen' || tickets.length === 0) return clocks;
  const calendar = await deps.reference.calendar();
  const now = deps.clock.now();
  for (const ticket of tickets) {
    const clock = deadlineClock(ticket, now, calendar);
    if (clock) clocks.set(ticket.id, clock);
  }
  return clocks;
}
