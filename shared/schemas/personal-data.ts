/** Personal data routes: export, erasure, access record, privacy notice (docs/privacy.md). */
import * as z from 'zod';
import { Cursor, Limit } from './common.js';
import { Ticket } from './ticket.js';
import { TicketEvent } from './workflow.js';

export const Erasure = z
  .object({
    erasureId: z.string().describe('The same id for every request of one user: erasure happens once'),
    status: z.enum(['pending', 'done']),
    requestedAt: z.iso.datetime({ offset: true }),
    finishedAt: z.iso.datetime({ offset: true }).optional(),
    steps: z.record(z.string(), z.number().int()).optional().describe('Items each erasure step removed or anonymised'),
  })
  .meta({ id: 'Erasure' });

export const ErasureIdParams = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an erasure id') });

export const AccessEntry = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    at: z.iso.datetime({ offset: true }),
    role: z.enum(['staff', 'manager', 'admin']),
    unit: z.string().describe('The department (staff), the scope (managers) or `admin`'),
    route: z.string().describe('The route id that showed the data, e.g. getTicket, listDepartmentTickets'),
    userId: z.string().optional().describe('Admins only: the official who read it'),
  })
  .meta({ id: 'AccessEntry' });

export const AccessLogQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export const PrivacyNotice = z
  .object({ version: z.string(), text: z.object({ vi: z.string(), en: z.string() }), publishedAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'PrivacyNotice' });

export const PersonalDataExport = z
  .object({
    exportedAt: z.iso.datetime({ offset: true }),
    profile: z.object({ userId: z.string(), name: z.string().optional(), phone: z.string().optional() }).describe('What the token says and tickets copy'),
    preferences: z.object({}).passthrough().nullable().describe('Notification preferences (channels, phone, e-mail, language)'),
    tickets: z.array(Ticket.extend({ history: z.array(TicketEvent), accessLog: z.array(AccessEntry) })).describe('Each ticket with its citizen-visible history (comments, rating) and who read it'),
    notifications: z.array(z.object({}).passthrough()).describe('In-app inbox items with their delivery ledger'),
    erasure: z.object({}).passthrough().nullable(),
  })
  .meta({ id: 'PersonalDataExport' });
