import { buildOpenApi } from '../shared/http/openapi.js';
import type { Contract } from '../shared/http/route-handler.js';
import { routes } from '../shared/http/routes.js';
import { loadFunction } from './handlers.js';

/** The document for the route table as the handlers declare it. */
export async function currentOpenApi() {
  const entries = await Promise.all(
    routes.map(async (route) => ({ route, contract: ((await loadFunction(route.fn)).handler as { contract: Contract }).contract })),
  );
  return buildOpenApi(entries);
}

export const openApiPath = new URL('../docs/openapi.json', import.meta.url);
