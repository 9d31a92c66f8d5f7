import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Category } from '../../shared/schemas/category.js';
import * as z from 'zod';

export const handler = httpRoute(
  'listCategories',
  { responses: { 200: { description: 'Active categories', schema: z.object({ items: z.array(Category) }) } } },
  async () => json(200, { items: (await dependencies.reference.categories()).filter((c) => c.active) }),
);
