import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { RoutingRule, RulesQuery } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'listRoutingRules',
  { query: RulesQuery, responses: { 200: { description: 'By id', schema: pageOf(RoutingRule) } } },
  async ({ query }) => json(200, await dependencies.rules.list(query)),
);
