import { dependencies } from '../../shared/adapters/dependencies.js';
import { NotFoundError } from '../../shared/domain/errors.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Area, AreaParams } from '../../shared/schemas/reference.js';

export const handler = httpRoute('getArea', { params: AreaParams, responses: { 200: { description: 'The unit', schema: Area } } }, async ({ params }) => {
  const area = await dependencies.areas.get(params.code);
  if (!area) throw new NotFoundError(`No area ${params.code}.`);
  return json(200, area);
});
