/** Routes that exist only in the local runtime (never in the deployed stack). */
import { fieldErrors } from '../shared/http/route-handler.js';
import { problem } from '../shared/http/problem.js';
import { DevTokenRequest, type DevAuth } from './dev-auth.js';
import { localOutbox } from '../shared/adapters/sns/local-outbox.js';
import type { DevRoute } from './server.js';

export function createDevRoutes(deps: { auth: DevAuth }): Record<string, DevRoute> {
  return {
    'GET /dev/outbox': async ({ query }) => {
      const limit = Number(query.get('limit') ?? 100);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
        return { status: 400, body: problem('validation', 'The request is not valid.', { errors: [{ path: 'query.limit', message: 'an integer 1–10000' }] }) };
      }
      // What SNS would have been sent, newest first (only when no SNS topic is configured).
      return { status: 200, body: { items: localOutbox.list(limit).map(({ input: _input, ...entry }) => entry), total: localOutbox.size } };
    },
    'POST /dev/token': async ({ body }) => {
      const parsed = DevTokenRequest.safeParse(body);
      if (!parsed.success) return { status: 400, body: problem('validation', 'The token request is not valid.', { errors: fieldErrors(parsed.error, 'body') }) };
      return { status: 200, body: { token: await deps.auth.mint(parsed.data) } };
    },
  };
}
