import { getPreferences } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { preferencesView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Preferences } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'getMyPreferences',
  { responses: { 200: { description: 'The caller’s notification preferences (defaults until set: inbox only, Vietnamese)', schema: Preferences } } },
  async ({ principal }) => json(200, preferencesView(await getPreferences(dependencies, principal))),
);
