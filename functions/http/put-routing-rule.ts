import { putRoutingRule } from '../../shared/app/reference-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Problem } from '../../shared/schemas/common.js';
import { RoutingRule, RoutingRuleBody, RuleParams } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'putRoutingRule',
  {
    params: RuleParams,
    body: RoutingRuleBody,
    responses: {
      200: { description: 'Replaced', schema: RoutingRule },
      201: { description: 'Created', schema: RoutingRule },
      409: { description: 'Another rule already routes this category in this area', schema: Problem },
    },
  },
  async ({ params, body }) => {
    const { rule, created } = await putRoutingRule(dependencies, params.id, body);
    return json(created ? 201 : 200, rule);
  },
);
