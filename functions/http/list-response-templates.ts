import { listResponseTemplates } from '../../shared/app/response-templates.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { ResponseTemplate, TemplatesQuery } from '../../shared/schemas/response-templates.js';

export const handler = httpRoute(
  'listResponseTemplates',
  { query: TemplatesQuery, responses: { 200: { description: 'Templates by id', schema: pageOf(ResponseTemplate) } } },
  async ({ query }) => json(200, await listResponseTemplates(dependencies, query)),
);
