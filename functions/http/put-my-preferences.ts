import { putPreferences } from '../../shared/app/notifications.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { preferencesView } from '../../shared/http/notification-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Preferences, PreferencesBody } from '../../shared/schemas/notifications.js';

export const handler = httpRoute(
  'putMyPreferences',
  { body: PreferencesBody, responses: { 200: { description: 'The preferences as stored', schema: Preferences } } },
  async ({ body, principal }) => json(200, preferencesView(await putPreferences(dependencies, principal, body))),
);
