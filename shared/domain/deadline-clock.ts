/**
 * The deadline a ticket is running against right now, in working hours: what a queue row shows
 * as "còn 3 giờ làm việc" or "quá hạn 2 giờ". Before acknowledgement that is the acknowledgement
 * deadline when it comes first; in needs_info the clock stands still at the pause.
 */
import type { Ticket } from './ticket.js';
import { workingHoursBetween, type WorkCalendar } from './working-hours.js';

export interface DeadlineClock {
  deadline: 'acknowledge' | 'answer';
  dueAt: string;
  /** Working hours left (negative: working hours past the deadline), rounded to minutes. */
  workingHoursLeft: number;
  /** Past the deadline (also when no working hour has elapsed since, e.g. in the evening). */
  overdue: boolean;
  paused: boolean;
}

const round = (hours: number) => Math.round(hours * 60) / 60;

export function deadlineClock(ticket: Ticket, now: Date, calendar: WorkCalendar): DeadlineClock | undefined {
  if (ticket.status === 'responded' || ticket.status === 'closed' || ticket.status === 'rejected') return undefined;
  const ack = ticket.status === 'assigned' && !ticket.acknowledgedAt && ticket.ackDueAt < ticket.dueAt;
  const dueAt = ack ? ticket.ackDueAt : ticket.dueAt;
  const paused = ticket.status === 'needs_info';
  const at = paused && ticket.pausedAt ? new Date(ticket.pausedAt) : now;
  const due = new Date(dueAt);
  const overdue = due.getTime() < at.getTime();
  const left = overdue ? -workingHoursBetween(due, at, calendar) : workingHoursBetween(at, due, calendar);
  return { deadline: ack ? 'acknowledge' : 'answer', dueAt, workingHoursLeft: round(left) || 0, overdue, paused };
}
