import { deleteRoutingRule } from '../../shared/app/reference-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute } from '../../shared/http/route-handler.js';
import { RuleParams } from '../../shared/schemas/reference.js';

export const handler = httpRoute('deleteRoutingRule', { params: RuleParams, responses: { 204: { description: 'Deleted' } } }, async ({ params }) => {
  await deleteRoutingRule(dependencies, params.id);
  return { status: 204 };
});
