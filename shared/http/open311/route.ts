/**
 * The middy stack of the Open311 routes. Like httpRoute (route-handler.ts) it validates with
 * zod and never leaks a stack trace, but failures leave as the spec's `[{code, description}]`
 * in the format the path asked for (`.json` or `.xml`), and POST bodies are form-encoded.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { DomainError, ValidationError } from '../../domain/errors.js';
import { formatOf, Open311Error, type Open311Format } from '../../domain/open311.js';
import { logger } from '../../observability/logger.js';
import { fieldErrors, type Contract } from '../route-handler.js';
import { routeById, type RouteId } from '../routes.js';
import { listBody, type Open311Body } from './format.js';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

export interface Open311Request<C extends Contract> {
  file: string;
  format: Open311Format;
  query: C['query'] extends z.ZodType ? z.output<C['query']> : undefined;
  /** The form fields of a POST (application/x-www-form-urlencoded). */
  form: URLSearchParams;
  event: Event;
}

export const FileParams = z.strictObject({
  file: z.string().min(1).max(200).describe('The resource with its format suffix, e.g. `services.json` or `requests.xml`'),
});

export const Open311ErrorList = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: 'Open311Errors' });

/** Error answers every Open311 route may give, for the OpenAPI document. */
export const open311ErrorResponses = {
  400: { description: 'Bad input: `[{code, description}]` (also as XML for `.xml`)', schema: Open311ErrorList, contentType: 'application/json' },
  404: { description: 'No such resource, service_code or service_request_id', schema: Open311ErrorList, contentType: 'application/json' },
} as const;

export function open311Route<const C extends Contract>(routeId: RouteId, contract: C, run: (request: Open311Request<C>) => Promise<Open311Body>) {
  const route = routeById(routeId);
  const handler = middy<Event, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({ onError: errorAnswer })
    .handler(async (event) => {
      const file = event.pathParameters?.file ?? '';
      const request = {
        file,
        format: formatOf(file),
        query: validate(contract.query, event.queryStringParameters ?? {}),
        form: event.requestContext.http.method === 'POST' ? parseForm(event) : new URLSearchParams(),
        event,
      } as Open311Request<C>;
      const out = await run(request);
      return { statusCode: out.status, headers: out.headers, body: out.body };
    });
  return Object.assign(handler, { route, contract });
}

function validate(schema: z.ZodType | undefined, input: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError('The query is not valid.', fieldErrors(result.error, 'query'));
}

function parseForm(event: Event): URLSearchParams {
  const type = event.headers?.['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
    throw new Open311Error(400, 'The body must be application/x-www-form-urlencoded.');
  }
  const text = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  return new URLSearchParams(text);
}

/** 400 for bad input, 403 for a bad key, 404 for what does not exist, 429 over the key's rate. */
export function open311ErrorOf(error: unknown): { code: number; description: string } {
  if (error instanceof Open311Error) return { code: error.code, description: error.description };
  if (error instanceof ValidationError) {
    const detail = error.errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return { code: 400, description: detail ? `${error.message} ${detail}` : error.message };
  }
  if (error instanceof DomainError) {
    const code = error.kind === 'not_found' ? 404 : error.kind === 'forbidden' || error.kind === 'unauthenticated' ? 403 : 400;
    return { code, description: error.message };
  }
  return { code: 500, description: 'Something went wrong on our side. It has been logged.' };
}

async function errorAnswer(request: middy.Request<Event, Result>) {
  const error = open311ErrorOf(request.error);
  if (error.code >= 500) logger.error('unhandled error', request.error as Error);
  const out = listBody('errors', [error], formatOf(request.event.pathParameters?.file), error.code);
  request.response = { statusCode: out.status, headers: out.headers, body: out.body };
}
