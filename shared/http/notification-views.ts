/** Inbox items and preferences as the API shows them: no delivery ledger; times in UTC like every JSON response (the apps show them local). */
import type { InboxItem, Page } from '../app/ports.js';
import type { NotificationPreferences } from '../domain/notifications.js';

export function notificationView(item: InboxItem) {
  return {
    id: item.id,
    ticketId: item.ticketId,
    type: item.type,
    audience: item.audience,
    title: item.title,
    body: item.body,
    language: item.language,
    at: item.at,
    read: !!item.readAt,
    readAt: item.readAt ?? null,
  };
}

export const notificationPageView = (page: Page<InboxItem>) => ({ items: page.items.map(notificationView), nextCursor: page.nextCursor });

export function preferencesView(p: NotificationPreferences) {
  return {
    channels: p.channels,
    ...(p.phone ? { phone: p.phone } : {}),
    ...(p.email ? { email: p.email } : {}),
    language: p.language,
    updatedAt: p.updatedAt ?? null,
  };
}
