/**
 * The shared HTTP stack reads bodies as API Gateway hands them over: a body API Gateway marked
 * `isBase64Encoded` (any content type it treats as binary) is decoded before JSON parsing.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../../local/handlers.js';
import { httpRoute, json } from '../../../shared/http/route-handler.js';

// Any route with a JSON body and a role will do: the stack, not the use case, is under test.
const echo = httpRoute('previewRouting', { body: z.strictObject({ category: z.string(), wardCode: z.string() }), responses: { 200: { description: 'echo' } } }, async ({ body }) =>
  json(200, body),
);

function event(body: string, isBase64Encoded: boolean): APIGatewayProxyEventV2WithJWTAuthorizer {
  return {
    version: '2.0',
    routeKey: 'POST /v1/routing/preview',
    rawPath: '/v1/routing/preview',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    body,
    isBase64Encoded,
    requestContext: { authorizer: { jwt: { claims: { sub: 'lan', 'cognito:groups': '[staff]', 'custom:department_id': 'ward-00001' }, scopes: [] } } },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
}

const call = async (e: APIGatewayProxyEventV2WithJWTAuthorizer) =>
  (await echo(e, lambdaContext('http/preview-routing', 5_000))) as APIGatewayProxyStructuredResultV2;

describe('request bodies', () => {
  const body = { category: 'urban_order', wardCode: '00001' };

  it('decodes a base64-encoded body before parsing it', async () => {
    const res = await call(event(Buffer.from(JSON.stringify(body)).toString('base64'), true));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual(body);
  });

  it('reads a plain body as it is', async () => {
    const res = await call(event(JSON.stringify(body), false));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toEqual(body);
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const res = await call(event(Buffer.from('{not json').toString('base64'), true));
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type']).toBe('application/problem+json');
  });
});
