import { markDepartmentNotificationRead } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { notificationView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { DepartmentNotificationParams, Notification } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'markDepartmentNotificationRead',
  { params: DepartmentNotificationParams, responses: { 200: { description: 'The notification, read for the unit (the first read time stays)', schema: Notification } } },
  async ({ params, principal }) => json(200, notificationView(await markDepartmentNotificationRead(dependencies, principal, params.id, params.notificationId))),
);
