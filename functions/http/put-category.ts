import { putCategory } from '../../shared/app/reference-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Category } from '../../shared/schemas/category.js';
import { CategoryBody, CategoryParams } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'putCategory',
  { params: CategoryParams, body: CategoryBody, responses: { 200: { description: 'Replaced', schema: Category }, 201: { description: 'Created', schema: Category } } },
  async ({ params, body }) => {
    const { category, created } = await putCategory(dependencies, params.code, body);
    return json(created ? 201 : 200, category);
  },
);
