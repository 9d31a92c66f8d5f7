/** Routes that exist only in the local runtime (never in the deployed stack). */
import { fieldErrors } from '../shared/http/route-handler.js';
import { problem } from '../shared/http/problem.js';
import { DevTokenRequest, type DevAuth } from './dev-auth.js';
import type { DevRoute } from './server.js';

export function createDevRoutes(deps: { auth: DevAuth }): Record<string, DevRoute> {
  return {
    'POST /dev/token': async ({ body }) => {
      const parsed = DevTokenRequest.safeParse(body);
      if (!parsed.success) return { status: 400, body: problem('validation', 'The token request is not valid.', { errors: fieldErrors(parsed.error, 'body') }) };
      return { status: 200, body: { token: await deps.auth.mint(parsed.data) } };
    },
  };
}
