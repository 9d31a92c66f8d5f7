/** Words for the API's codes and clocks. */
import type { Schemas } from '../../shared/api/client';
import { fmt } from '../../shared/i18n/index';
import { t, type MessageKey } from '../messages';

export type Ticket = Schemas['Ticket'];
export type QueueTicket = Schemas['QueueTicket'];

const hours = (h: number) => fmt.number(h, { maximumFractionDigits: h < 10 ? 1 : 0 });

/**
 * "còn 3 giờ làm việc", "quá hạn 2 giờ", "Tiếp nhận: còn 45 phút làm việc" from the queue's
 * timeLeft (the server holds the holiday calendar). Before acknowledgement the nearer deadline shows.
 */
export function clockText(ticket: Pick<QueueTicket, 'timeLeft' | 'dueAt' | 'ackDueAt'>): string {
  const tl = ticket.timeLeft;
  if (tl.workingHoursLeft === null) return t('clock.none');
  const ack = tl.ackWorkingHoursLeft !== null && ticket.ackDueAt < ticket.dueAt;
  const left = ack ? tl.ackWorkingHoursLeft! : tl.workingHoursLeft;
  const past = isPast(ticket);
  const abs = Math.abs(left);
  let rest: string;
  if (past) rest = abs === 0 ? t('clock.overJust') : abs < 1 ? t('clock.overMinutes', { m: Math.round(abs * 60) }) : t('clock.over', { h: hours(abs) });
  else rest = abs < 1 ? t('clock.leftMinutes', { m: Math.round(abs * 60) }) : t('clock.left', { h: hours(abs) });
  if (tl.clockStopped) rest = t('clock.paused', { rest });
  return ack ? t('clock.ack', { rest }) : rest;
}

/** Past the running deadline as of the read (also in the evening, when no working hour has passed since). */
export function isPast(ticket: Pick<QueueTicket, 'timeLeft' | 'dueAt' | 'ackDueAt'>): boolean {
  const tl = ticket.timeLeft;
  if (tl.workingHoursLeft === null) return false;
  const ack = tl.ackWorkingHoursLeft !== null && ticket.ackDueAt < ticket.dueAt;
  const left = ack ? tl.ackWorkingHoursLeft! : tl.workingHoursLeft;
  return left < 0 || (left === 0 && (ack ? ticket.ackDueAt : ticket.dueAt) < tl.asOf);
}

export const statusText = (s: Ticket['status']) => t(`status.${s}` as MessageKey);
export const severityText = (s: Ticket['severity']) => t(`severity.${s}` as MessageKey);
export const eventText = (type: string) => (`event.${type}` in eventKeys ? t(`event.${type}` as MessageKey) : type);
const eventKeys = Object.fromEntries(
  ['created', 'acknowledged', 'info_requested', 'commented', 'responded', 'transferred', 'rejected', 'note_added', 'severity_changed', 'closed', 'ack_overdue', 'overdue', 'escalated', 'auto_closed', 'rated', 'reopened', 'claimed', 'released'].map((k) => [`event.${k}`, true]),
);

/** Short form of a ULID for people: its last 8 characters (unique enough within a queue, searchable). */
export const shortId = (id: string) => id.slice(-8);
