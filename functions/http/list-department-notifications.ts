import { listDepartmentNotifications } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { notificationPageView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { DepartmentIdParams, InboxQuery, NotificationPage } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'listDepartmentNotifications',
  { params: DepartmentIdParams, query: InboxQuery, responses: { 200: { description: 'New assignments, added information, reopenings, overdue and escalations, newest first', schema: NotificationPage } } },
  async ({ params, query, principal }) => json(200, notificationPageView(await listDepartmentNotifications(dependencies, principal, params.id, query))),
);
