import { z } from 'zod';
import { ticketStatuses } from '../domain/ticket.js';
import { Severity } from './category.js';
import { Cursor, FileRef, Limit, Ulid } from './common.js';

export const TicketStatus = z.enum(ticketStatuses);

/** What a citizen may send. Strict: server-owned fields (status, departmentId, ...) are rejected. */
export const CreateTicketBody = z
  .strictObject({
    category: z.string().min(1).max(64),
    description: z.string().trim().min(10).max(4000),
    title: z.string().trim().min(1).max(150).optional(),
    location: z.strictObject({
      wardCode: z.string().regex(/^\d{5}$/, 'a 5-digit ward code'),
      lat: z.number().min(-90).max(90).optional(),
      lng: z.number().min(-180).max(180).optional(),
      address: z.string().trim().max(300).optional(),
    }),
    urgent: z.boolean().optional(),
    attachments: z.array(FileRef).max(5).optional(),
    visibility: z.enum(['public', 'private']).optional(),
  })
  .meta({ id: 'CreateTicket' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(128).optional().describe('Retry-safe creation: same key and body → same ticket'),
});

export const TicketIdParams = z.strictObject({ id: Ulid });

export const MyTicketsQuery = z.strictObject({ status: TicketStatus.optional(), limit: Limit, cursor: Cursor.optional() });

export const Ticket = z
  .object({
    id: z.string(),
    version: z.number().int(),
    citizenId: z.string(),
    citizenName: z.string().optional(),
    citizenPhone: z.string().optional(),
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
    attachments: z.array(FileRef),
    visibility: z.enum(['public', 'private']),
    status: TicketStatus,
    departmentId: z.string(),
    severity: Severity,
    ackDueAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }),
    overdue: z.boolean(),
    escalated: z.boolean(),
    transferCount: z.number().int(),
    reopenCount: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Ticket' });
