/**
 * How long a department has left, in working hours, as a queue shows it ("còn 3 giờ làm việc",
 * "quá hạn 2 giờ"). Computed on the server because only the server holds the holiday calendar.
 */
import { processedStatuses, type Ticket } from './ticket.js';
import { workingHoursBetween, type WorkCalendar } from './working-hours.js';

export interface TimeLeft {
  /** Working hours to `dueAt`; negative once it passed. Null when nothing is due (processed). */
  workingHoursLeft: number | null;
  /** Working hours to `ackDueAt` while the ticket waits for an acknowledgement. */
  ackWorkingHoursLeft: number | null;
  /** needs_info: the clock stands still until the citizen answers, so the figure does not move. */
  clockStopped: boolean;
}

const round = (hours: number) => Math.round(hours * 100) / 100;

function signedHours(from: Date, deadline: Date, calendar: WorkCalendar): number {
  return from <= deadline ? round(workingHoursBetween(from, deadline, calendar)) : -round(workingHoursBetween(deadline, from, calendar));
}

export function timeLeft(ticket: Ticket, now: Date, calendar: WorkCalendar): TimeLeft {
  if (processedStatuses.has(ticket.status)) return { workingHoursLeft: null, ackWorkingHoursLeft: null, clockStopped: false };
  const clockStopped = ticket.status === 'needs_info' && ticket.pausedAt !== undefined;
  const from = clockStopped ? new Date(ticket.pausedAt!) : now;
  return {
    workingHoursLeft: signedHours(from, new Date(ticket.dueAt), calendar),
    ackWorkingHoursLeft: ticket.status === 'assigned' ? signedHours(from, new Date(ticket.ackDueAt), calendar) : null,
    clockStopped,
  };
}
