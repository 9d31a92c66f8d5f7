/** The personal-data routes' schemas (docs/privacy.md). */
import * as z from 'zod';
import { Cursor, Limit, LocalizedText } from './common.js';
import { Ticket } from './ticket.js';
import { languages } from '../domain/localized-text.js';
import { TicketEvent } from './workflow.js';

export const PrivacyNotice = z
  .object({
    version: z.string().describe('What POST /v1/tickets must send as consentVersion'),
    text: LocalizedText,
    publishedAt: z.iso.datetime(),
  })
  .meta({ id: 'PrivacyNotice' });

export const Erasure = z
  .object({
    erasureId: z.string().describe('One per user: asking again returns the same erasure'),
    status: z.enum(['pending', 'done']),
    requestedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().optional(),
    counts: z.record(z.string(), z.number().int()).optional().describe('Items each step removed or anonymised: tickets, photos, followings, notifications, preferences'),
  })
  .meta({ id: 'Erasure' });

export const ErasureIdParams = z.strictObject({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'an erasure id (ULID)') });

export const AccessEntry = z
  .object({
    at: z.iso.datetime(),
    role: z.enum(['staff', 'manager', 'admin']),
    unit: z.string().describe('The reader\'s unit: their department (staff), their scope (managers: city, district-<code>), or admin'),
    route: z.string().describe('The route that showed the data: getTicket, getTicketByRef, getTicketHistory, listDepartmentTickets, actOnTicket, exportTicketsCsv'),
    scope: z.string().optional().describe('exportTicketsCsv: the export\'s scope (one entry per export, whatever its rows)'),
    from: z.string().optional(),
    to: z.string().optional(),
    userId: z.string().optional().describe('Admins only: the official\'s own id (the owner sees unit and role)'),
  })
  .meta({ id: 'AccessEntry' });

export const AccessLogQuery = z.strictObject({ limit: Limit, cursor: Cursor.optional() });

export const PersonalDataExport = z
  .object({
    exportedAt: z.iso.datetime().describe('When this document was made'),
    profile: z
      .object({ userId: z.string(), name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
      .describe('Who you are to us: the platform keeps no profile of its own, only what your sign-in token says (and tickets copy: citizenName, citizenPhone, citizenEmail)'),
    preferences: z
      .object({ channels: z.object({ sms: z.boolean(), email: z.boolean(), push: z.boolean() }), phone: z.string().optional(), email: z.string().optional(), language: z.enum(languages), updatedAt: z.string().optional() })
      .nullable()
      .describe('Your notification preferences (channels, the phone and e-mail they go to, language); null: never set'),
    tickets: z
      .array(
        z.object({
          ticket: Ticket.describe('The ticket as you see it: your contact details, the exact place, your photos (links valid 15 minutes), the consent you gave, the unit\'s answer, your rating'),
          history: z.array(TicketEvent).describe('Its events you may see: your comments, the unit\'s questions and answers, your ratings'),
          accessLog: z.array(AccessEntry).describe('Which officials (unit and role) read its personal data, when, through which route'),
        }),
      )
      .describe('Every ticket you submitted that still holds your data, newest first'),
    following: z.array(z.object({ ticketId: z.string(), at: z.string(), via: z.string() })).describe('Tickets you follow ("me too"): follow or duplicate (made a follower when your ticket was merged)'),
    notifications: z
      .array(
        z.object({
          id: z.string(),
          ticketId: z.string(),
          type: z.string(),
          audience: z.string(),
          language: z.string(),
          title: z.string(),
          body: z.string(),
          at: z.string(),
          readAt: z.string().optional(),
          deliveries: z.record(z.string(), z.object({ status: z.string(), at: z.string(), messageId: z.string().optional(), error: z.string().optional() })).describe('What was sent where (sms, email, push) for it'),
        }),
      )
      .describe('Your in-app inbox (items expire after 180 days), with the record of each message sent'),
    erasure: Erasure.nullable().describe('Your erasure request, if you made one'),
    privacyNotice: z.object({ version: z.string(), text: LocalizedText }).nullable().describe('The privacy notice in force'),
  })
  .meta({ id: 'PersonalDataExport' });
