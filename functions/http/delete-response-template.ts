import { deleteResponseTemplate } from '../../shared/app/response-templates.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute } from '../../shared/http/route-handler.js';
import { TemplateParams } from '../../shared/schemas/response-templates.js';

export const handler = httpRoute('deleteResponseTemplate', { params: TemplateParams, responses: { 204: { description: 'Deleted' } } }, async ({ params }) => {
  await deleteResponseTemplate(dependencies, params.id);
  return { status: 204 };
});
