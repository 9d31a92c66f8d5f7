import { markNotificationRead } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { notificationView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Notification, NotificationIdParams } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'markNotificationRead',
  { params: NotificationIdParams, responses: { 200: { description: 'The notification, read (the first read time stays)', schema: Notification } } },
  async ({ params, principal }) => json(200, notificationView(await markNotificationRead(dependencies, principal, params.id))),
);
