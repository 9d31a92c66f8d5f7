import { listMyNotifications } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { notificationPageView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { InboxQuery, NotificationPage } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'listMyNotifications',
  { query: InboxQuery, responses: { 200: { description: 'The caller’s inbox, newest first', schema: NotificationPage } } },
  async ({ query, principal }) => json(200, notificationPageView(await listMyNotifications(dependencies, principal, query))),
);
