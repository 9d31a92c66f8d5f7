/**
 * Every route of the route table, fuzzed (issue 10): path parameters (malformed
 * percent-encoding, huge, any Unicode), query values, JSON bodies (not JSON, wrong types,
 * extra fields, almost right), headers and tokens of every role. Whatever comes in:
 *  - never a 5xx;
 *  - every 4xx is application/problem+json whose `status` is the HTTP status (Open311 routes:
 *    their own `[{code, description}]` with `code` = the status), with no stack trace;
 *  - a rejected request changes nothing stored (read from the table's stream);
 *  - every 2xx matches the response schema its route declares (tests/support/api.ts).
 * Twice over: through the local runtime over HTTP (what a client can send), and straight into
 * each handler as API Gateway v2 events (what HTTP cannot carry: control characters, lone
 * surrogates, any claims). One runtime and table for all routes. Reproduce a failure with the
 * seed fast-check prints: FUZZ_SEED=<seed> npx vitest run tests/http/fuzz-routes.test.ts
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { lambdaContext, loadFunction } from '../../local/handlers.js';
import type { Contract } from '../../shared/http/route-handler.js';
import { routes, type Route } from '../../shared/http/routes.js';
import { createClient } from '../interop/open311-fixture.js';
import { useTestApi } from '../support/api.js';
import { checkResponseContract } from '../support/response-contract.js';
import { watchChanges, type StreamChanges } from '../support/stream-changes.js';

const api = useTestApi();
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 14);
const EVENT_RUNS = Number(process.env.FUZZ_EVENT_RUNS ?? 14);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

type Role = 'citizen' | 'owner' | 'staff' | 'otherStaff' | 'manager' | 'districtManager' | 'admin';
const tokens = {} as Record<Role, string>;
const claims: Record<Role, Record<string, string>> = {
  citizen: { sub: 'fuzz-citizen', 'cognito:groups': '[citizen]' },
  owner: { sub: 'fuzz-owner', 'cognito:groups': '[citizen]', name: 'Chủ', phone_number: '+84900000123' },
  staff: { sub: 'fuzz-staff', 'cognito:groups': '[staff]' },
  otherStaff: { sub: 'fuzz-other-staff', 'cognito:groups': '[staff]', 'custom:department_id': 'city-police' },
  manager: { sub: 'fuzz-manager', 'cognito:groups': '[manager]', 'custom:scope': 'city' },
  districtManager: { sub: 'fuzz-district', 'cognito:groups': '[manager]', 'custom:scope': 'district-001' },
  admin: { sub: 'fuzz-admin', 'cognito:groups': '[admin]' },
};
/** Real values of each kind, so that some requests get past validation into the use cases. */
const real = { ids: [] as string[], open311Files: [] as string[], apiKey: '' };
let changes: StreamChanges;

beforeAll(async () => {
  const owner = await api.token({ sub: 'fuzz-owner', groups: ['citizen'], name: 'Chủ', phone: '+84900000123' });
  const body = (visibility: string) => ({ category: 'health', description: 'Quầy bán thực phẩm hết hạn sử dụng', location: { wardCode: '00001', lat: 21.04, lng: 105.84 }, visibility });
  const tickets = await Promise.all(['private', 'public'].map(async (v) => (await api.request('POST', '/v1/tickets', { token: owner, body: body(v) })).body));
  const departmentId = tickets[0].departmentId as string;
  claims.staff['custom:department_id'] = departmentId;
  for (const [role, c] of Object.entries(claims) as Array<[Role, Record<string, string>]>) {
    tokens[role] = await api.token({
      sub: c.sub!,
      groups: [c['cognito:groups']!.slice(1, -1) as 'citizen'],
      ...(c['custom:department_id'] ? { departmentId: c['custom:department_id'] } : {}),
      ...(c['custom:scope'] ? { scope: c['custom:scope'] } : {}),
    });
  }
  const { key } = await createClient(api, 'fuzz-client');
  real.apiKey = key;
  const rules = await api.request('GET', '/v1/routing-rules?limit=2', { token: tokens.admin });
  real.ids = [
    ...tickets.flatMap((t) => [t.id, t.ref]),
    departmentId, 'city-police', 'triage', 'ward-00001', 'district-001',
    'health', 'roads_traffic', '*', '01', '001', '00001', '00004',
    '2026', '2027', '1000', 'city', 'district-001', `department-${departmentId}`, 'ward-00001',
    'fuzz-client', ulid(), ...rules.body.items.map((r: { id: string }) => r.id),
  ];
  real.open311Files = ['discovery.json', 'discovery.xml', 'services.json', 'services.xml', 'requests.json', 'requests.xml', 'health.json', 'roads_traffic.xml', ...tickets.flatMap((t) => [`${t.id}.json`, `${t.id}.xml`])];
  changes = await watchChanges();
}, 120_000);
afterAll(() => changes?.stop());

// Values ------------------------------------------------------------------------------------

const loneSurrogateOrControl = fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u0007', '\u001B', '\u007F', '\u200B', '\uFEFF', '\u202E', '\n', '\r', '\t');
/** Any code point, lone surrogates and control characters included. */
const anyChar = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogateOrControl);
const anyText = fc.string({ unit: anyChar, maxLength: 40 });
const wellFormed = fc.string({ unit: 'grapheme', maxLength: 40 });
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 });
const huge = fc.constantFrom(300, 2_000, 9_000).chain((n) => fc.constantFrom('a'.repeat(n), '9'.repeat(n), 'Ổ'.repeat(n / 3), '👩‍👩‍👧'.repeat(n / 8)));
const numberLike = fc.constantFrom('', ' ', ' 5', '5 ', '0x10', '1e2', '5e0', '+5', '-1', '-0', '0', '05', '5.0', '1_0', 'NaN', 'Infinity', '-Infinity', '٥', '9007199254740993', '1e309', '21.0285', '105.85', '91', '-181', '.5', '5.', '0b101', '0o17', '2099', '99999');
const dateLike = fc.constantFrom('2026-12-01', '2026-02-29', '9999-12-31', '0999-01-01', '0000-01-01', '+010000-01-01', '2026-13-01', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00+07:00', '2026-12-01T25:00:00Z', 'today', '1970-01-01');
const cursorLike = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.record({ pk: fc.oneof(fc.constant('TICKET#'), wellFormed), sk: fc.oneof(fc.constant('TICKET'), wellFormed) }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.constantFrom('e30', '!!!', 'bnVsbA', 'W10', 'eyJwayI6MX0'),
);
// Built lazily: the real values exist only once beforeAll has run.
const realValue = fc.constant(null).chain(() => fc.constantFrom(...real.ids));
/** A value as a path, query or form field might carry it: right, nearly right, or anything. */
const fieldValue = (extra: fc.Arbitrary<string>[] = []) =>
  fc.oneof(realValue, numberLike, dateLike, cursorLike, wellFormed, anyText, huge, ...extra);

/** The UTF-8 percent-encoding of any string (a lone surrogate goes as U+FFFD, as a browser sends it). */
const percentEncode = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
const malformedEscape = fc.constantFrom('%ZZ', '%', '%E0%A4%A', '%C0%AF', '%uD800', '%ED%A0%80', '%F4%90%80%80', '%FF', '%00', '%2F', '%2e%2e', 'a%', '%%41');

// Shapes from the route's own contract (its zod schemas as JSON Schema) -----------------------

type Json = Record<string, any>;

function jsonSchemaOf(schema: z.ZodType | undefined): Json | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  } catch {
    return {};
  }
}

/** Property names anywhere in a schema: query keys, body fields, header names. */
function propertyNames(schema: Json | undefined): string[] {
  const names = new Set<string>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    if ('properties' in s) Object.keys((s as Json).properties).forEach((k) => names.add(k));
    Object.values(s).forEach(walk);
  };
  walk(schema);
  return [...names];
}

/** Values shaped like the schema, each node now and then swapped for something else entirely. */
function shaped(root: Json): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyText, huge, fc.constantFrom(null, -1, 1.5, 1e300, true, [], {}, '', 2 ** 53 + 2));
  const go = (s: Json | undefined, depth: number): fc.Arbitrary<unknown> => {
    if (!s || depth > 6) return wrong;
    if (s.$ref) return go(root.$defs?.[String(s.$ref).replace('#/$defs/', '')], depth + 1);
    const right = ((): fc.Arbitrary<unknown> => {
      if (s.const !== undefined) return fc.constant(s.const);
      if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
      const union = s.anyOf ?? s.oneOf;
      if (Array.isArray(union)) return fc.oneof(...union.map((u: Json) => go(u, depth + 1)));
      if (Array.isArray(s.allOf)) return go(s.allOf[0], depth + 1);
      const type = Array.isArray(s.type) ? s.type[0] : s.type;
      switch (type) {
        case 'object': {
          const props = Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Json>).map(([k, v]) => [k, go(v, depth + 1)]));
          return fc.tuple(fc.record(props, { requiredKeys: [] }), fc.option(fc.dictionary(wellFormed, wrong, { maxKeys: 2 }), { freq: 4 })).map(([obj, extra]) => ({ ...obj, ...extra }));
        }
        case 'array':
          return fc.array(go(s.items ?? s.prefixItems?.[0], depth + 1), { maxLength: 4 });
        case 'string':
          return s.format === 'date' || s.format === 'date-time' ? dateLike : fieldValue();
        case 'integer':
          return fc.oneof(fc.integer({ min: -5, max: 150 }), fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e21));
        case 'number':
          return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -200, max: 200 }));
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        default:
          return wrong;
      }
    })();
    return fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: wrong });
  };
  return go(root, 0);
}

interface Shapes {
  queryKeys: string[];
  body: fc.Arbitrary<unknown>;
  bodyFields: string[];
  headerNames: string[];
}

const GENERIC_QUERY_KEYS = ['limit', 'cursor', 'from', 'to', 'status', 'scope', 'category', 'api_key', 'jurisdiction_id', 'constructor', '__proto__', 'toString'];

async function shapesOf(route: Route): Promise<Shapes> {
  const contract = ((await loadFunction(route.fn)).handler as { contract: Contract }).contract;
  const body = jsonSchemaOf(contract.body);
  return {
    queryKeys: [...new Set([...propertyNames(jsonSchemaOf(contract.query)), ...GENERIC_QUERY_KEYS])],
    body: body ? shaped(body) : fc.jsonValue({ maxDepth: 3 }),
    bodyFields: propertyNames(body),
    headerNames: propertyNames(jsonSchemaOf(contract.headers)),
  };
}

// Requests ----------------------------------------------------------------------------------

const isOpen311 = (route: Route) => route.path.startsWith('/open311/');
const paramNames = (route: Route) => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

interface Body {
  text?: string;
  contentType?: string;
}

function bodyArb(route: Route, shapes: Shapes): fc.Arbitrary<Body> {
  if (route.method === 'GET') return fc.constant({});
  const json = fc.record({
    text: fc.oneof({ weight: 6, arbitrary: shapes.body.map((v) => JSON.stringify(v) ?? 'null') }, fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v))),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/merge-patch+json', undefined),
  });
  const broken = fc.record({
    text: fc.oneof(wellFormed, fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'nul', '\uFEFF{}', '{"__proto__":{"x":1}}', '{"a":1}{"b":2}', '['.repeat(5000), 'x'.repeat(1024 * 1024 + 1))),
    contentType: fc.constantFrom('application/json', undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '*/*', 'application/jsonx', 'image/png'),
  });
  const formField = fc.oneof(fc.constantFrom('api_key', 'service_code', 'attribute[ward_code]', 'attribute[urgent]', 'attribute[x]', 'lat', 'long', 'address_string', 'description', 'email', 'media_url', 'jurisdiction_id', 'account_id'), wellFormed);
  const formValue = fc.oneof(fc.constant(null).chain(() => fc.constantFrom(real.apiKey, 'health', '00001', 'true', 'Quầy bán thực phẩm hết hạn sử dụng', 'a@b.vn', 'https://x.vn/a.jpg')), fieldValue());
  const form = fc.record({
    text: fc.array(fc.tuple(formField, formValue), { maxLength: 10 }).map((pairs) => new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v.replace(/[\uD800-\uDFFF]/g, '')])).toString()),
    contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'application/json', undefined),
  });
  const arbs: Array<fc.WeightedArbitrary<Body>> = [
    { weight: 1, arbitrary: fc.constant({}) },
    { weight: isOpen311(route) ? 1 : 6, arbitrary: json },
    { weight: 2, arbitrary: broken },
  ];
  if (isOpen311(route)) arbs.push({ weight: 6, arbitrary: form });
  return fc.oneof(...arbs);
}

type TokenChoice = Role | 'none' | 'garbage' | 'tampered' | 'basic' | 'expired';
const tokenChoice = fc.constantFrom<TokenChoice>('none', 'citizen', 'owner', 'staff', 'otherStaff', 'manager', 'districtManager', 'admin', 'garbage', 'tampered', 'basic', 'expired');
let expiredToken = '';

function authorization(choice: TokenChoice): string | undefined {
  switch (choice) {
    case 'none':
      return undefined;
    case 'garbage':
      return 'Bearer not-a-jwt';
    case 'tampered':
      return `Bearer ${tokens.citizen.slice(0, -3)}abc`;
    case 'basic':
      return 'Basic YWRtaW46YWRtaW4=';
    case 'expired':
      return `Bearer ${expiredToken}`;
    default:
      return `Bearer ${tokens[choice]}`;
  }
}

interface HttpCase {
  path: string;
  query: string;
  token: TokenChoice;
  headers: Record<string, string>;
  body: Body;
}

function httpCaseArb(route: Route, shapes: Shapes): fc.Arbitrary<HttpCase> {
  const segment = fc.oneof(
    { weight: 4, arbitrary: (isOpen311(route) ? fc.constantFrom(...real.open311Files) : realValue).map(percentEncode) },
    { weight: 2, arbitrary: fc.oneof(wellFormed, anyText, numberLike).map(percentEncode) },
    { weight: 1, arbitrary: huge.map(percentEncode) },
    { weight: 2, arbitrary: fc.tuple(wellFormed, malformedEscape).map(([a, m]) => percentEncode(a) + m) },
  );
  const path = fc.tuple(...paramNames(route).map(() => segment)).map((segments) => {
    let i = 0;
    return route.path.replace(/\{\w+\}/g, () => segments[i++] || 'x');
  });
  const pair = fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...shapes.queryKeys) }, { weight: 1, arbitrary: wellFormed }),
    fc.oneof({ weight: 6, arbitrary: fieldValue().map(percentEncode) }, { weight: 1, arbitrary: malformedEscape }),
  );
  const query = fc.array(pair, { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${v}`).join('&'));
  const headerValue = fc.oneof(printable, realValue, fc.constantFrom('', 'k', 'x'.repeat(129), 'x'.repeat(8000)));
  const headers = fc.dictionary(fc.constantFrom(...shapes.headerNames, 'idempotency-key', 'x-forwarded-proto', 'accept', 'accept-language', 'x-amzn-trace-id', 'origin'), headerValue, { maxKeys: 3 });
  return fc.record({ path, query, token: tokenChoice, headers, body: bodyArb(route, shapes) });
}

// Checks ------------------------------------------------------------------------------------

const STACK = /\n\s*at |\.(?:ts|js|mjs|cjs):\d+:\d+|node:internal|file:\/\//;

/** The answer's error shape: problem+json, or (Open311 routes) Open311's own error list. */
function checkAnswer(route: Route, status: number, contentType: string, text: string, label: string) {
  expect(status, `${label}: never a 5xx, nor a 1xx/3xx`).toSatisfy((s: number) => (s >= 200 && s < 300) || (s >= 400 && s < 500));
  expect(text, `${label}: no stack trace`).not.toMatch(STACK);
  if (status < 400) return;
  if (contentType === 'application/problem+json') {
    const p = JSON.parse(text);
    expect(p, label).toMatchObject({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) });
    expect(p, label).not.toHaveProperty('stack');
    return;
  }
  expect(isOpen311(route), `${label}: a 4xx that is not application/problem+json (${contentType})`).toBe(true);
  if (contentType.startsWith('application/json')) expect(JSON.parse(text), label).toEqual([{ code: status, description: expect.any(String) }]);
  else {
    expect(contentType, label).toBe('text/xml; charset=utf-8');
    expect(text, label).toContain(`<errors><error><code>${status}</code><description>`);
  }
}

/**
 * Writes only: reading the stream after every GET would double the file's time. Each write
 * route's property starts from a drained stream, so what a GET wrote is never blamed on it.
 */
async function checkStorage(route: Route, status: number, label: string) {
  if (route.method === 'GET') return;
  const changed = await changes.take();
  if (status >= 400) expect(changed, `${label}: a rejected write changed what is stored`).toEqual([]);
}

const settings = (numRuns: number) => ({ numRuns, ...(seed !== undefined ? { seed } : {}), endOnFailure: true });

describe('every route, fuzzed over HTTP through the local runtime', () => {
  beforeAll(async () => {
    expiredToken = await api.auth.mint({ sub: 'fuzz-expired', groups: ['admin'] }, Math.floor(Date.now() / 1000) - 60);
  });

  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      const shapes = await shapesOf(route);
      await changes.take();
      await fc.assert(
        fc.asyncProperty(httpCaseArb(route, shapes), async (c) => {
          const headers: Record<string, string> = { ...c.headers };
          const auth = authorization(c.token);
          if (auth) headers.authorization = auth;
          if (c.body.contentType) headers['content-type'] = c.body.contentType;
          const url = `${api.url}${c.path}${c.query ? `?${c.query}` : ''}`;
          const res = await fetch(url, { method: route.method, headers, body: c.body.text });
          const text = await res.text();
          const contentType = res.headers.get('content-type') ?? '';
          const label = `${route.method} ${(c.path + (c.query ? `?${c.query}` : '')).slice(0, 300)} [${c.token}] → ${res.status} ${text.slice(0, 300)}`;
          checkAnswer(route, res.status, contentType, text, label);
          if (res.status < 300 && /json/.test(contentType) && text) {
            // The 2xx matches the route's declared response schema (throws naming the mismatch).
            await checkResponseContract(route.method, c.path, res.status, contentType, JSON.parse(text));
          }
          await checkStorage(route, res.status, label);
        }),
        settings(HTTP_RUNS),
      );
    });
  }
});

describe('every handler, fed arbitrary API Gateway v2 events', () => {
  const claimsArb = fc.oneof(
    fc.constantFrom<Role | 'none'>('none', 'citizen', 'owner', 'staff', 'otherStaff', 'manager', 'districtManager', 'admin').map((r) => (r === 'none' ? undefined : claims[r])),
    // Claims API Gateway could hand over from some other token: any strings.
    fc.record({ sub: anyText, 'cognito:groups': fc.oneof(anyText, fc.constantFrom('[admin]', '[citizen staff]', 'admin', '[]', '[manager]')), 'custom:department_id': anyText, 'custom:scope': fc.oneof(anyText, fc.constantFrom('city', 'district-', 'district-999', 'ward-00001')) }, { requiredKeys: ['sub', 'cognito:groups'] }),
  );

  for (const route of routes) {
    it(`${route.method} ${route.path}`, async () => {
      const shapes = await shapesOf(route);
      const handler = (await loadFunction(route.fn)).handler as (e: APIGatewayProxyEventV2WithJWTAuthorizer, c: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
      const value = fc.oneof(fieldValue(), anyText);
      await changes.take();
      const eventArb = fc.record({
        pathParameters: fc.record(Object.fromEntries(paramNames(route).map((n) => [n, isOpen311(route) ? fc.oneof(fc.constantFrom(...real.open311Files), value) : value])), { requiredKeys: [] }),
        query: fc.option(fc.dictionary(fc.oneof(fc.constantFrom(...shapes.queryKeys), anyText), value, { maxKeys: 5 })),
        headers: fc.dictionary(fc.constantFrom('content-type', 'idempotency-key', 'x-forwarded-proto', 'authorization', ...shapes.headerNames), fc.oneof(anyText, fc.constantFrom('application/json', 'application/x-www-form-urlencoded')), { maxKeys: 3 }),
        body: fc.option(fc.oneof(shapes.body.map((v) => JSON.stringify(v) ?? ''), anyText, fc.jsonValue().map((v) => JSON.stringify(v)))),
        isBase64Encoded: fc.constantFrom(false, false, false, true),
        claims: claimsArb,
      });
      await fc.assert(
        fc.asyncProperty(eventArb, async (e) => {
          const event = {
            version: '2.0',
            routeKey: `${route.method} ${route.path}`,
            rawPath: route.path,
            rawQueryString: '',
            headers: e.headers,
            ...(e.query ? { queryStringParameters: e.query } : {}),
            ...(Object.keys(e.pathParameters).length ? { pathParameters: e.pathParameters } : {}),
            ...(e.body !== null ? { body: e.body } : {}),
            isBase64Encoded: e.isBase64Encoded,
            requestContext: {
              accountId: 'fuzz', apiId: 'fuzz', domainName: 'localhost', domainPrefix: 'localhost', requestId: ulid(), routeKey: `${route.method} ${route.path}`, stage: '$default',
              http: { method: route.method, path: route.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'fuzz' },
              time: new Date().toUTCString(), timeEpoch: Date.now(),
              ...(e.claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: e.claims, scopes: [] } } } : {}),
            },
          } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
          const result = await handler(event, lambdaContext(route.fn, 29_000));
          const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
          const label = `${route.method} ${route.path} ${JSON.stringify(e).slice(0, 400)} → ${result.statusCode} ${(result.body ?? '').slice(0, 300)}`;
          checkAnswer(route, result.statusCode ?? 200, headers['content-type'] ?? '', result.body ?? '', label);
          await checkStorage(route, result.statusCode ?? 200, label);
        }),
        settings(EVENT_RUNS),
      );
    });
  }
});
