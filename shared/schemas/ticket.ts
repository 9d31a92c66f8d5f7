import * as z from 'zod';
import { text } from './text.js';
import { ratings } from '../domain/rating-scale.js';
import { ticketStatuses } from '../domain/ticket.js';
import { Severity } from './category.js';
import { Cursor, Limit, LocalizedText, PhotoView, UploadRef, Ulid } from './common.js';

export const TicketStatus = z.enum(ticketStatuses);

/** What a citizen may send. Strict: server-owned fields (status, departmentId, ...) are rejected. */
export const CreateTicketBody = z
  .strictObject({
    category: z.string().min(1).max(64),
    description: text({ min: 10, max: 4000 }),
    title: text({ min: 1, max: 150 }).optional(),
    location: z.strictObject({
      wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit ward code'),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      address: text({ max: 300 }).optional(),
    }),
    urgent: z.boolean().optional(),
    attachments: z.array(UploadRef).max(5).optional().describe('Photos: ready uploads (purpose ticket) of the caller, not attached elsewhere'),
    visibility: z.enum(['public', 'private']).optional(),
    consentVersion: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('The version of the privacy notice the citizen accepted (GET /v1/privacy-notice); required once a notice is configured, 400 when missing or not the current one'),
  })
  .meta({ id: 'CreateTicket' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(128).optional().describe('Retry-safe creation: same key and body → same ticket'),
});

export const TicketIdParams = z.strictObject({ id: Ulid });

export const TicketRefParams = z.strictObject({
  ref: z.string().regex(/^[A-Za-z][A-Za-z0-9]{1,3}-\d{6}-\d{4,6}$/, 'a reference such as HN-261202-0042').describe('Any case'),
});

export const MyTicketsQuery = z.strictObject({ status: TicketStatus.optional(), limit: Limit, cursor: Cursor.optional() });

export const Ticket = z
  .object({
    id: z.string(),
    ref: z.string().describe('The short human reference, e.g. HN-261202-0042: unique, searchable'),
    version: z.number().int(),
    citizenId: z.string().optional().describe('The owner (never shown to managers); `erased` once personal data was removed'),
    citizenName: z.string().optional(),
    citizenPhone: z.string().optional(),
    citizenEmail: z.string().optional(),
    category: z.string(),
    title: z.string().optional(),
    description: z.string(),
    location: z.object({
      wardCode: z.string(),
      districtCode: z.string().optional(),
      provinceCode: z.string().optional(),
      lat: z.number().optional(),
      lng: z.number().optional(),
      address: z.string().optional(),
    }),
    photos: z.array(PhotoView).describe("The citizen's photos"),
    visibility: z.enum(['public', 'private']),
    status: TicketStatus,
    departmentId: z.string(),
    severity: Severity,
    ackDueAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    overdue: z.boolean(),
    escalated: z.boolean(),
    transferCount: z.number().int(),
    reopenCount: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    assignedAt: z.iso.datetime().optional().describe('When the current department received it; deadlines count from here'),
    escalateAt: z.iso.datetime().optional().describe('An overdue ticket still open then is escalated to the parent unit'),
    ackOverdue: z.boolean().optional(),
    overdueCount: z.number().int().optional(),
    escalatedTo: z.string().optional().describe('With escalated: the parent unit the SLA sweep reported the overdue ticket to (the ticket stays where it is)'),
    passedUpTo: z.string().optional().describe('A second "not satisfied" rating passed the ticket up to this unit, which holds it since (cleared by a transfer)'),
    transferLimitReached: z.boolean().describe('Transferred the limit of times (3): the last transfer went to the parent unit, and each further one goes up another level'),
    pausedAt: z.iso.datetime().optional().describe('needs_info: the clock stopped here'),
    acknowledgedAt: z.iso.datetime().optional(),
    respondedAt: z.iso.datetime().optional(),
    closedAt: z.iso.datetime().optional(),
    assignee: z
      .object({ userId: z.string(), name: z.string().optional(), since: z.iso.datetime() })
      .optional()
      .describe('Who at the department holds it (claim / release); never shown to citizens'),
    response: z.object({ message: z.string(), photos: z.array(PhotoView).describe('Evidence photos'), departmentId: z.string(), at: z.string() }).optional(),
    rating: z.object({ value: z.enum(ratings), comment: z.string().optional(), at: z.string() }).optional(),
    followers: z.number().int().describe('Citizens following it ("me too")'),
    rejection: z
      .object({
        reasonCode: z.string(),
        message: z.string(),
        duplicateOf: z.string().optional(),
        duplicateOfRef: z.string().optional().describe("The original's reference (HN-…), which the duplicate's people now follow"),
        complaintProcedure: LocalizedText.optional().describe('Where to file a formal complaint'),
        at: z.string(),
      })
      .optional(),
    consent: z.object({ version: z.string(), at: z.iso.datetime() }).optional().describe('The privacy notice accepted with this ticket'),
    personalDataRemovedAt: z.iso.datetime().optional().describe("The citizen's personal data was removed (erasure or retention); the unit's record remains"),
  })
  .meta({ id: 'Ticket' });

export const PublicTicketsQuery = z.strictObject({
  area: z.string().regex(/^(\d{2}|\d{3}|\d{5})$/, 'a province, district or ward code').optional(),
  category: z.string().max(64).optional(),
  limit: Limit,
  cursor: Cursor.optional(),
});

export const PublicTicket = z
  .object({
    id: z.string(),
    ref: z.string(),
    category: z.string(),
    title: z.string().optional(),
    description: z.string(),
    location: z.object({ wardCode: z.string(), districtCode: z.string().optional(), provinceCode: z.string().optional() }),
    status: TicketStatus,
    departmentId: z.string(),
    severity: Severity,
    createdAt: z.iso.datetime(),
    dueAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    photos: z.array(PhotoView),
  })
  .meta({ id: 'PublicTicket' });

export const RatingBody = z
  .strictObject({
    rating: z.enum(ratings),
    comment: text({ min: 1, max: 2000 }).optional(),
  })
  .meta({ id: 'Rating' });
