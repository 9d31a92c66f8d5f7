/**
 * The HTTP suite's check that the API answers what it says: a 2xx JSON body must validate
 * against the response schema its route's handler declares (the handler's exported contract),
 * and a 2xx status must be one the contract lists. A mismatch fails the test that made the call.
 */
import * as z from 'zod';
import { loadFunction } from '../../local/handlers.js';
import type { Contract } from '../../shared/http/route-handler.js';
import { routes } from '../../shared/http/routes.js';

// As the local runtime and API Gateway match: fewer path variables first.
const compiled = routes
  .map((route) => ({ route, pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`), vars: (route.path.match(/\{/g) ?? []).length }))
  .sort((a, b) => a.vars - b.vars);

export async function checkResponseContract(method: string, path: string, status: number, contentType: string, body: unknown): Promise<void> {
  if (status < 200 || status > 299) return;
  const pathname = new URL(path, 'http://localhost').pathname;
  const match = compiled.find((c) => c.route.method === method.toUpperCase() && c.pattern.test(pathname));
  if (!match) return; // /dev/* routes: local only, not part of the contract
  const { handler } = await loadFunction(match.route.fn);
  const contract = (handler as { contract?: Contract }).contract;
  if (!contract) return; // a handler not built with httpRoute
  const spec = contract.responses[status];
  if (!spec) throw new Error(`${method} ${path} answered ${status}, which the contract of ${match.route.id} does not declare`);
  if (!spec.schema || !/json/.test(contentType)) return;
  const result = spec.schema.safeParse(body);
  if (!result.success) {
    throw new Error(`${method} ${path} answered ${status} with a body that does not match the declared schema of ${match.route.id}:\n${z.prettifyError(result.error)}`);
  }
}
