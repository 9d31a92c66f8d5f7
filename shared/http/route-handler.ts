/**
 * The middy stack every HTTP function shares: authorise by the route table's roles, parse
 * and validate path, query, headers and body with zod, run the use case, and turn any
 * failure into problem+json. Handlers built with it are a few lines of wiring.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { principalFromClaims } from '../adapters/auth/claims.js';
import { DomainError, ForbiddenError, UnauthenticatedError, ValidationError, type FieldError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { isSafeText } from '../schemas/text.js';
import { logger } from '../observability/logger.js';
import { problem, problemResponse, type Problem } from './problem.js';
import { routeById, type RouteId, type routes } from './routes.js';

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface Contract {
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  /** The body's media type in the OpenAPI document, when not JSON (Open311 POSTs are forms). */
  bodyContentType?: string;
  responses: Record<number, ResponseSpec>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface HttpRequest<C extends Contract, P> {
  params: Out<C['params']>;
  query: Out<C['query']>;
  headers: Out<C['headers']>;
  body: Out<C['body']>;
  principal: P;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({ status, body, headers });

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;

/** Public routes may still see who is calling (when a token came along); others always do. */
type PrincipalFor<Auth> = Auth extends 'public' ? Principal | undefined : Principal;
type RouteOf<Id extends RouteId> = Extract<(typeof routes)[number], { id: Id }>;

export function httpRoute<const C extends Contract, Id extends RouteId>(
  routeId: Id,
  contract: C,
  run: (request: HttpRequest<C, PrincipalFor<RouteOf<Id>['auth']>>) => Promise<Reply>,
) {
  const route = routeById(routeId);
  const handler = middy<Event, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use({ onError: problemOnError })
    .handler(async (event) => {
      const principal = principalFromClaims(event.requestContext.authorizer?.jwt?.claims);
      if (route.auth !== 'public') {
        if (!principal) throw new UnauthenticatedError('A valid bearer token is required.');
        if (!route.auth.includes(principal.role)) throw new ForbiddenError(`The ${principal.role} role may not call ${route.method} ${route.path}.`);
      }
      const request = {
        params: validate(contract.params, event.pathParameters ?? {}, 'params'),
        query: validate(contract.query, event.queryStringParameters ?? {}, 'query'),
        headers: validate(contract.headers, event.headers ?? {}, 'headers'),
        body: contract.body ? validate(contract.body, safeStrings(parseJsonBody(event)), 'body') : undefined,
        principal: principal as Principal,
        event,
      } as HttpRequest<C, Principal>;
      return toResult(await run(request));
    });
  return Object.assign(handler, { route, contract });
}

function validate(schema: z.ZodType | undefined, input: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(`The ${where} is not valid.`, fieldErrors(result.error, where));
}

/** One entry per bad field; an unknown field is named on its own so the client sees which. */
export function fieldErrors(error: z.ZodError, where: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: `${path}.${key}`, message: 'unknown or server-owned field' }));
    }
    return [{ path, message: issue.message }];
  });
}

class BodyError extends Error {
  constructor(
    readonly kind: 'validation' | 'unsupported_media_type',
    message: string,
  ) {
    super(message);
  }
}

function parseJsonBody(event: Event): unknown {
  const contentType = event.headers?.['content-type'];
  if (contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
    throw new BodyError('unsupported_media_type', `Content-Type ${contentType} is not JSON.`);
  }
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('validation', 'The body is not valid JSON.');
  }
}

/**
 * Every string of a JSON body, keys included, is free of NUL and lone surrogates (JSON can
 * spell both as `\u` escapes), whatever its field's schema says: none can reach a store that
 * would refuse it as a 500.
 */
function safeStrings(body: unknown): unknown {
  const errors: FieldError[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (!isSafeText(value)) errors.push({ path, message: 'must not contain NUL or unpaired surrogate characters' });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}.${i}`));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (!isSafeText(k)) errors.push({ path, message: 'a field name must not contain NUL or unpaired surrogate characters' });
        else walk(v, `${path}.${k}`);
      }
    }
  };
  walk(body, 'body');
  if (errors.length) throw new ValidationError('The body is not valid.', errors);
  return body;
}

function toResult(reply: Reply): Result {
  const headers = { ...reply.headers };
  if (reply.body === undefined) return { statusCode: reply.status, headers };
  if (typeof reply.body === 'string') return { statusCode: reply.status, headers, body: reply.body };
  return { statusCode: reply.status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(reply.body) };
}

export function problemFor(error: unknown): Problem {
  if (error instanceof ValidationError) return problem('validation', error.message, { errors: error.errors });
  if (error instanceof DomainError) {
    const extensions: Record<string, unknown> = {};
    if ('currentVersion' in error) extensions.currentVersion = error.currentVersion;
    if ('rule' in error && error.rule) extensions.rule = error.rule;
    return problem(error.kind, error.message, extensions);
  }
  if (error instanceof BodyError) return problem(error.kind, error.message);
  return problem('internal', 'Something went wrong on our side. It has been logged.');
}

async function problemOnError(request: middy.Request<Event, Result>) {
  const p = problemFor(request.error);
  if (p.status >= 500) logger.error('unhandled error', request.error as Error);
  request.response = problemResponse(p);
}
