import * as z from 'zod';
import { text } from './text.js';
import { rejectReasons } from '../domain/ticket.js';
import { ticketEventTypes } from '../domain/workflow.js';
import { Severity } from './category.js';
import { Cursor, intParam, Limit, PhotoView, UploadRef } from './common.js';
import { Ticket, TicketStatus } from './ticket.js';

export const QueueTicket = Ticket.extend({
  timeLeft: z
    .object({
      workingHoursLeft: z.number().nullable().describe('Working hours to dueAt, negative once passed; null when processed'),
      ackWorkingHoursLeft: z.number().nullable().describe('Working hours to ackDueAt while assigned; else null'),
      clockStopped: z.boolean().describe('needs_info: the clock stands still until the citizen answers'),
      asOf: z.iso.datetime(),
    })
    .describe('As of the read, from the working-hours calendar'),
}).meta({ id: 'QueueTicket' });

const ExpectedVersion = z.number().int().min(1).describe('The ticket version the action was decided on; a stale one is 409');
const Message = text({ min: 1, max: 4000 });

const action = <A extends string, S extends z.ZodRawShape>(name: A, shape: S) =>
  z.strictObject({ action: z.literal(name), expectedVersion: ExpectedVersion, ...shape });

/** One body per action; unknown actions and fields are 400. */
export const ActionBody = z
  .discriminatedUnion('action', [
    action('acknowledge', {}),
    action('request_info', { message: Message.describe('What the citizen should add') }),
    action('respond', {
      message: text({ min: 20, max: 4000 }),
      evidence: z.array(UploadRef).max(5).optional().describe('Evidence photos: ready uploads (purpose evidence) of the caller; some categories require at least one'),
    }),
    action('transfer', { toDepartmentId: z.string().min(1).max(64), reason: text({ min: 1, max: 1000 }) }),
    action('reject', {
      reasonCode: z.enum(rejectReasons),
      message: Message,
      duplicateOf: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ticket id (ULID)').optional().describe('Required with reasonCode duplicate'),
    }),
    action('note', { message: Message.describe('Internal: staff, managers and admins see it') }),
    action('set_severity', { severity: Severity }),
    action('close', {}),
    action('claim', {}),
    action('release', {}),
  ])
  .meta({ id: 'TicketAction' });

export const CommentBody = z.strictObject({ message: Message }).meta({ id: 'Comment' });

export const DepartmentIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const QueueQuery = z.strictObject({
  status: TicketStatus.optional().describe('closed or rejected read the done tickets; otherwise open ones'),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  sort: z.enum(['due', 'followers']).optional().describe('due (default): soonest due first; followers: most followed first, then soonest due'),
  category: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a category code').optional(),
  wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit ward code').optional(),
  assignee: z.enum(['me', 'unassigned', 'none']).optional().describe('me: held by the caller; unassigned (alias none): held by nobody'),
  q: z.string().trim().min(1).max(64).optional().describe('A ticket id or reference: that ticket, if it is in this queue and passes the other filters (one page)'),
  limit: Limit,
  cursor: Cursor.optional(),
});

export const HistoryQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export const TicketEvent = z
  .object({
    eventId: z.string(),
    ticketId: z.string(),
    version: z.number().int(),
    type: z.enum(ticketEventTypes),
    at: z.iso.datetime(),
    actor: z.object({ id: z.string(), role: z.enum(['citizen', 'staff', 'manager', 'admin', 'system']) }),
    visibility: z.enum(['public', 'internal']),
    data: z.record(z.string(), z.unknown()),
    photos: z.array(PhotoView).optional().describe('Photos this event added (created: the citizen\'s, responded: the evidence)'),
  })
  .meta({ id: 'TicketEvent' });

export const YearParams = z.strictObject({ year: intParam({ min: 2000, max: 2100 }) });

export const HolidaysBody = z.strictObject({
  dates: z.array(z.string().max(10)).max(60).describe('Local dates YYYY-MM-DD within the year'),
});

export const Holidays = z.object({ year: z.number().int(), dates: z.array(z.string()) }).meta({ id: 'Holidays' });
