import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { Department, DepartmentsQuery } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'listDepartments',
  { query: DepartmentsQuery, responses: { 200: { description: 'By id', schema: pageOf(Department) } } },
  async ({ query }) => json(200, await dependencies.departments.list(query)),
);
