import { putDepartment } from '../../shared/app/reference-admin.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Problem } from '../../shared/schemas/common.js';
import { Department, DepartmentBody, DepartmentParams } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'putDepartment',
  {
    params: DepartmentParams,
    body: DepartmentBody,
    responses: {
      200: { description: 'Replaced', schema: Department },
      201: { description: 'Created', schema: Department },
      409: { description: 'The parent would create an escalation cycle', schema: Problem },
    },
  },
  async ({ params, body }) => {
    const { department, created } = await putDepartment(dependencies, params.id, body);
    return json(created ? 201 : 200, department);
  },
);
