import { whoAmI } from '../../shared/app/who-am-i.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { Me, MeQuery } from '../../shared/schemas/me.js';

export const handler = httpRoute(
  'getMe',
  { query: MeQuery, responses: { 200: { description: 'Role, department, manager scope and name, as the token says', schema: Me } } },
  async ({ principal }) => json(200, await whoAmI(dependencies, principal)),
);
