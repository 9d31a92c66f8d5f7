/** Inbox and notification preferences: requests and replies. */
import * as z from 'zod';
import { languages } from '../domain/localized-text.js';
import { Cursor, Limit } from './common.js';

export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'a phone number in E.164 form, e.g. +84901234567');

export const NotificationIdParams = z.strictObject({ id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'a notification id') });
export const DepartmentIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: only notifications not yet read'),
  limit: Limit,
  cursor: Cursor.optional(),
});

export const Notification = z
  .object({
    id: z.string().describe('The id of the ticket event it tells about'),
    ticketId: z.string(),
    type: z.string().describe('The event type: created, info_requested, responded, overdue, ...'),
    audience: z.enum(['citizen', 'department', 'parent', 'follower']).describe('parent: the unit above the department (escalation); follower: a citizen following the ticket'),
    title: z.string(),
    body: z.string(),
    language: z.enum(languages),
    at: z.iso.datetime().describe('When it happened (UTC)'),
    read: z.boolean(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });

export const NotificationPage = z.object({ items: z.array(Notification), nextCursor: z.string().nullable() });

const Channels = z.strictObject({ sms: z.boolean(), email: z.boolean(), push: z.boolean() });

export const PreferencesBody = z
  .strictObject({
    channels: Channels,
    phone: E164.optional().describe('Required while SMS is on'),
    email: z.email().max(254).optional().describe('Required while e-mail is on'),
    language: z.enum(languages),
  })
  .meta({ id: 'NotificationPreferencesInput' });

export const Preferences = z
  .object({
    channels: z.object({ sms: z.boolean(), email: z.boolean(), push: z.boolean() }),
    phone: z.string().optional(),
    email: z.string().optional(),
    language: z.enum(languages),
    updatedAt: z.iso.datetime().nullable().describe('null: never set, these are the defaults'),
  })
  .meta({ id: 'NotificationPreferences' });

export const DepartmentNotificationParams = z.strictObject({
  id: z.string().min(1).max(64),
  notificationId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'a notification id'),
});
