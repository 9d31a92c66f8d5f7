/**
 * The local stand-in for API Gateway (HTTP API, payload 2.0): matches the route table, checks
 * the bearer token as the JWT authorizer would, builds an APIGatewayProxyEventV2 and calls the
 * very `handler` export that Lambda calls.
 */
import { randomUUID } from 'node:crypto';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { PROBLEM_CONTENT_TYPE, problem, problemResponse } from '../shared/http/problem.js';
import { routes, type Route } from '../shared/http/routes.js';
import type { DevAuth } from './dev-auth.js';
import { lambdaContext, loadFunction } from './handlers.js';
import { serveWeb } from './web-static.js';

const MAX_BODY_BYTES = 1024 * 1024;

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyResultV2>;

/** A local-only route: takes the parsed JSON body (and query), returns status and JSON. */
export type DevRoute = (input: { body: unknown; query: URLSearchParams }) => Promise<{ status: number; body: unknown }>;

export interface LocalServerOptions {
  auth: DevAuth;
  /** `'POST /dev/token'` → handler */
  devRoutes?: Record<string, DevRoute>;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
}

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), params };
}

// API Gateway prefers the most specific route: fewer path variables first.
const compiled = routes.map((r) => compile(r)).sort((a, b) => a.params.length - b.params.length);


const inFlight = new WeakMap<Server, Set<ServerResponse>>();

export function createLocalServer(opts: LocalServerOptions): Server {
  const active = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    active.add(res);
    res.once('close', () => active.delete(res));
    serve(req, res, opts).catch((error: unknown) => {
      console.error(error);
      send(res, problemResponse(problem('internal', 'The local runtime failed to serve this request.')));
    });
  });
  server.on('clientError', answerClientError);
  // Node's global agent drops an idle keep-alive socket after 5 s, the server's own default: two
  // equal timers race, and a request sent on a socket the server is closing ends with no answer
  // ("socket hang up"). The client must be the one to close, so the server waits longer, as load
  // balancers are told to.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  inFlight.set(server, active);
  return server;
}

/**
 * Stops accepting at once, lets the requests in flight finish (at most `drainMs`), then cuts
 * what is left. `server.close()` alone does not wait for them: its callback can fire while a
 * request is still reading its body, and whoever exits then resets it.
 */
export async function closeGracefully(server: Server, drainMs: number): Promise<void> {
  const active = inFlight.get(server) ?? new Set();
  const closed = new Promise<void>((ok) => server.close(() => ok()));
  const deadline = Date.now() + drainMs;
  // A keep-alive connection goes idle once its answer is sent; close it then, not at its timeout.
  while (active.size > 0 && Date.now() < deadline) {
    server.closeIdleConnections();
    await new Promise((ok) => setTimeout(ok, 25));
  }
  server.closeAllConnections();
  await closed;
}

/**
 * What Node's HTTP parser refuses before a handler runs (a control character in a header, raw
 * non-ASCII bytes in the path, headers past the size limit) is answered in the API's one error
 * shape, as Node itself would answer it but with a problem+json body.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const p =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem('headers_too_large', 'The request headers exceed the size this server accepts.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem('timeout', 'The request was not received in time.')
        : problem('validation', `The request is not valid HTTP (${error.code ?? 'parse error'}).`);
  const body = JSON.stringify(p);
  const reason = STATUS_CODES[p.status] ?? 'Error';
  socket.end(
    `HTTP/1.1 ${p.status} ${reason}\r\ncontent-type: ${PROBLEM_CONTENT_TYPE}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `access-control-allow-origin: *\r\nconnection: close\r\n\r\n${body}`,
  );
  // Bytes the parser never read would turn the close into a reset that can beat the answer.
  socket.resume();
  setTimeout(() => socket.destroy(), 1000).unref();
}

async function serve(req: IncomingMessage, res: ServerResponse, opts: LocalServerOptions) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'OPTIONS') return send(res, { statusCode: 204, headers: corsPreflightHeaders });

  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    return send(res, problemResponse(problem('payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES} bytes.`)));
  }

  const dev = opts.devRoutes?.[`${method} ${url.pathname}`];
  if (dev) return serveDev(res, dev, body, url);

  const match = matchRoute(method, url.pathname);
  if (!match && serveWeb(method, url.pathname, res)) return;
  if (!match) return send(res, problemResponse(problem('not_found', `No route for ${method} ${url.pathname}.`)));
  // API Gateway answers an undecodable path with its own 400 before any authorizer runs.
  if ('undecodable' in match) {
    return send(res, problemResponse(problem('validation', 'The path is not valid.', { errors: [{ path: `params.${match.undecodable}`, message: 'malformed percent-encoding' }] })));
  }

  let claims: Record<string, string> | undefined;
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token) claims = await opts.auth.verify(token);
  if (match.route.auth !== 'public' && !claims) {
    return send(res, problemResponse(problem('unauthenticated', 'A valid bearer token is required.'), { 'www-authenticate': 'Bearer' }));
  }

  const event = toEvent(req, url, method, body, match, claims);
  const handler = (await loadFunction(match.route.fn)).handler as Handler;
  const result = await handler(event, lambdaContext(match.route.fn, 29_000));
  send(res, normaliseResult(result));
}

function matchRoute(method: string, path: string): { route: Route; pathParameters: Record<string, string> } | { undecodable: string } | undefined {
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.pattern.exec(path);
    if (!m) continue;
    const pathParameters: Record<string, string> = {};
    for (const [i, name] of c.params.entries()) {
      const value = decodePathSegment(m[i + 1]!);
      if (value === undefined) return { undecodable: name };
      pathParameters[name] = value;
    }
    return { route: c.route, pathParameters };
  }
  return undefined;
}

/** undefined for a malformed escape, an overlong or invalid UTF-8 sequence, or an encoded surrogate. */
function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

async function serveDev(res: ServerResponse, dev: DevRoute, body: Buffer, url: URL) {
  let parsed: unknown = undefined;
  if (body.length > 0) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return send(res, problemResponse(problem('validation', 'The body is not valid JSON.')));
    }
  }
  const out = await dev({ body: parsed, query: url.searchParams });
  const isProblem = out.status >= 400;
  send(res, { statusCode: out.status, headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' }, body: JSON.stringify(out.body) });
}

function toEvent(
  req: IncomingMessage,
  url: URL,
  method: string,
  body: Buffer,
  match: { route: Route; pathParameters: Record<string, string> },
  claims: Record<string, string> | undefined,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
  const now = new Date();
  const contentType = headers['content-type'] ?? '';
  const textual = contentType === '' || /json|text|xml|x-www-form-urlencoded/i.test(contentType);
  const routeKey = `${match.route.method} ${match.route.path}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(Object.keys(match.pathParameters).length ? { pathParameters: match.pathParameters } : {}),
    ...(body.length ? { body: textual ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length > 0 && !textual,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]!,
      http: { method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: claims ? { principalId: '', integrationLatency: 0, jwt: { claims, scopes: [] } } : undefined,
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** API Gateway's rules for a result that is not a structured response. */
function normaliseResult(result: APIGatewayProxyResultV2) {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) return result;
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: typeof result === 'string' ? result : JSON.stringify(result) };
}

const corsHeaders = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'location' };
const corsPreflightHeaders = {
  ...corsHeaders,
  'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
  'access-control-allow-headers': 'authorization,content-type,idempotency-key',
  'access-control-max-age': '600',
};

function send(res: ServerResponse, result: { statusCode?: number; headers?: Record<string, string | number | boolean>; body?: string; isBase64Encoded?: boolean; cookies?: string[] }) {
  const headers: Record<string, string | string[]> = { ...corsHeaders };
  for (const [k, v] of Object.entries(result.headers ?? {})) headers[k.toLowerCase()] = String(v);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? undefined : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

