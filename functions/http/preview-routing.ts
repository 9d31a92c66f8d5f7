import { previewRouting } from '../../shared/app/reference-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { RoutingDecision, RoutingPreviewBody } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'previewRouting',
  { body: RoutingPreviewBody, responses: { 200: { description: 'Where such a ticket would go, and by which rule', schema: RoutingDecision } } },
  async ({ body }) => json(200, await previewRouting(dependencies, body.category, body.wardCode)),
);
