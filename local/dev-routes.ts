/** Routes that exist only in the local runtime (never in the deployed stack). */
import { fieldErrors } from '../shared/http/route-handler.js';
import { problem } from '../shared/http/problem.js';
import { DevTokenRequest, type DevAuth } from './dev-auth.js';
import { localOutbox } from '../shared/adapters/sns/local-outbox.js';
import { isDate } from '../shared/domain/periods.js';
import { loadFunction } from './handlers.js';
import type { DevRoute } from './server.js';
import { demoPersonas } from './dev-personas.js';

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
    // The sign-in page's list: who to be, with the claims to mint a token for.
    'GET /dev/personas': async () => ({ status: 200, body: { items: await demoPersonas() } }),
    'POST /dev/token': async ({ body }) => {
      const parsed = DevTokenRequest.safeParse(body);
      if (!parsed.success) return { status: 400, body: problem('validation', 'The token request is not valid.', { errors: fieldErrors(parsed.error, 'body') }) };
      return { status: 200, body: { token: await deps.auth.mint(parsed.data) } };
    },
    'POST /dev/jobs/reconcile-metrics': async ({ body }) => {
      const day = (body as { day?: unknown } | undefined)?.day;
      if (day !== undefined && (typeof day !== 'string' || !isDate(day))) {
        return { status: 400, body: problem('validation', 'The request is not valid.', { errors: [{ path: 'body.day', message: 'a date YYYY-MM-DD' }] }) };
      }
      const { handler } = await loadFunction('jobs/reconcile-metrics');
      return { status: 200, body: await handler({ day }) };
    },
    'POST /dev/jobs/migrate-areas': async ({ body }) => {
      const input = (body ?? {}) as Record<string, unknown>;
      const errors = [
        ...Object.keys(input).filter((k) => !['pageSize', 'stopAfterTickets'].includes(k)).map((k) => ({ path: `body.${k}`, message: 'not a known field' })),
        ...(['pageSize', 'stopAfterTickets'] as const)
          .filter((k) => input[k] !== undefined && !(Number.isInteger(input[k]) && (input[k] as number) >= (k === 'pageSize' ? 1 : 0) && (input[k] as number) <= 10_000))
          .map((k) => ({ path: `body.${k}`, message: k === 'pageSize' ? 'an integer 1–10000' : 'an integer 0–10000' })),
      ];
      if ((body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) || errors.length) {
        return { status: 400, body: problem('validation', 'The request is not valid.', { errors: errors.length ? errors : [{ path: 'body', message: 'a JSON object' }] }) };
      }
      const { handler } = await loadFunction('jobs/migrate-areas');
      try {
        return { status: 200, body: await handler(input) };
      } catch (error) {
        // The only failure the job names: no ward table yet (the 2025 catalog was never seeded).
        if (error instanceof Error && error.message.startsWith('No 2024')) return { status: 409, body: problem('conflict', error.message) };
        throw error;
      }
    },
    'POST /dev/jobs/retention': async ({ body }) => {
      const now = (body as { now?: unknown } | undefined)?.now;
      if (now !== undefined && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) {
        return { status: 400, body: problem('validation', 'The request is not valid.', { errors: [{ path: 'body.now', message: 'an ISO 8601 instant' }] }) };
      }
      const { handler } = await loadFunction('jobs/retention');
      return { status: 200, body: await handler(now === undefined ? {} : { now: new Date(now).toISOString() }) };
    },
    'POST /dev/jobs/sla-sweep': async ({ body }) => {
      const now = (body as { now?: unknown } | undefined)?.now;
      if (now !== undefined && (typeof now !== 'string' || Number.isNaN(Date.parse(now)))) {
        return { status: 400, body: problem('validation', 'The request is not valid.', { errors: [{ path: 'body.now', message: 'an ISO 8601 instant' }] }) };
      }
      const { handler } = await loadFunction('jobs/sla-sweep');
      return { status: 200, body: await handler(now === undefined ? {} : { now: new Date(now).toISOString() }) };
    },
  };
}
