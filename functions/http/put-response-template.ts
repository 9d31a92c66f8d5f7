import { putResponseTemplate } from '../../shared/app/response-templates.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { ResponseTemplate, ResponseTemplateBody, TemplateParams } from '../../shared/schemas/response-templates.js';

export const handler = httpRoute(
  'putResponseTemplate',
  { params: TemplateParams, body: ResponseTemplateBody, responses: { 200: { description: 'Replaced', schema: ResponseTemplate }, 201: { description: 'Created', schema: ResponseTemplate } } },
  async ({ params, body }) => {
    const { template, created } = await putResponseTemplate(dependencies, params.id, body);
    return json(created ? 201 : 200, template);
  },
);
