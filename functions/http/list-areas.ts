import { dependencies } from '../../shared/adapters/dependencies.js';
import { COUNTRY_CODE } from '../../shared/domain/area.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { pageOf } from '../../shared/schemas/common.js';
import { Area, AreasQuery } from '../../shared/schemas/reference.js';

export const handler = httpRoute(
  'listAreas',
  { query: AreasQuery, responses: { 200: { description: 'Children of `parent`, by code', schema: pageOf(Area) } } },
  async ({ query: { parent, ...page } }) => json(200, await dependencies.areas.children(parent ?? COUNTRY_CODE, page)),
);
