/**
 * Drives the local runtime's HTTP server in-process against this file's table: real routing,
 * real token checks, real handlers, real DynamoDB Local.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createDevAuth, type DevAuth, type DevTokenRequest } from '../../local/dev-auth.js';
import { createDevRoutes } from '../../local/dev-routes.js';
import { createLocalServer } from '../../local/server.js';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../local/dynamodb-local.js';
import { freePort } from '../../local/free-port.js';
import { startStreamPoller, type StreamPoller, type StreamPollerOptions } from '../../local/stream-poller.js';
import { streamConsumers } from '../../shared/background.js';
import { startProcessingS3 } from '../../local/upload-processing.js';
import type { LocalS3 } from '../../local/s3-local.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import type { TestClock } from './clock.js';
import { createTestTable, type TestTableOptions } from './table.js';
import { checkResponseContract } from './response-contract.js';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestApi {
  url: string;
  /** With `{ streams: true }`: the stream consumers of shared/background.ts, fed as on AWS. */
  streams: StreamPoller;
  /** With `{ s3: true }`: this file's local S3 server (policy-checked POSTs, uploads processed on arrival). */
  s3: LocalS3;
  /** Shifts the local S3's clock (an expired grant without waiting five minutes). */
  s3Clock: { offsetMs: number };
  auth: DevAuth;
  token(claims: DevTokenRequest): Promise<string>;
  request<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string }): Promise<ApiResponse<T>>;
}

/** Call at the top of a test file: table + server (+ stream consumers) before all tests, closed after. */
/** `seed: false` skips the reference seed (areas, departments, rules): for files that put the little they need. */
/** `clock`: the handlers' clock for this file (tests/support/clock.ts), so deadlines can be asserted exactly. */
export function useTestApi(opts: { streams?: boolean; s3?: boolean; onBatch?: StreamPollerOptions['onBatch']; clock?: TestClock } & TestTableOptions = {}): TestApi {
  const api = {} as TestApi;
  let close: () => Promise<void>;
  let ownDynamoDb: DynamoDbLocal | undefined;
  beforeAll(async () => {
    if (opts.streams) {
      // DynamoDB Local keeps every stream record of the run, deleted tables' too, and GetRecords
      // slows with them (9 ms fresh, 39 ms after 40,000): polled every 50 ms, late files crawled.
      // A file that reads the stream gets a DynamoDB Local of its own. The SDK clients resolve
      // their endpoint at their first request, which is this file's next line.
      ownDynamoDb = await startDynamoDbLocal({ port: await freePort(), timeoutMs: 60_000 });
      process.env.AWS_ENDPOINT_URL_DYNAMODB = ownDynamoDb.endpoint;
    }
    await createTestTable(opts);
    const streams = opts.streams
      ? await startStreamPoller({ tableName: tableName(), consumers: streamConsumers, intervalMs: 50, onBatch: opts.onBatch })
      : undefined;
    const s3Clock = { offsetMs: 0 };
    const s3 = opts.s3 ? await startProcessingS3({ port: 0, bucket: process.env.MEDIA_BUCKET!, clock: () => new Date(Date.now() + s3Clock.offsetMs) }) : undefined;
    if (s3) process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    // The local runtime loads the handlers into this process: they share this module's wiring.
    const wallClock = dependencies.clock;
    if (opts.clock) dependencies.clock = opts.clock;
    const auth = await createDevAuth();
    const server = createLocalServer({ auth, devRoutes: createDevRoutes({ auth }) });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    Object.assign(api, {
      url,
      streams: streams as StreamPoller,
      s3: s3 as LocalS3,
      s3Clock,
      auth,
      token: (claims: DevTokenRequest) => auth.mint(claims),
      async request(method: string, path: string, opts: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string } = {}) {
        const headers: Record<string, string> = { ...opts.headers };
        if (opts.token) headers.authorization = `Bearer ${opts.token}`;
        let body: string | undefined = opts.rawBody;
        if (opts.body !== undefined) {
          headers['content-type'] ??= 'application/json';
          body = JSON.stringify(opts.body);
        }
        const res = await fetch(url + path, { method, headers, body });
        const text = await res.text();
        const type = res.headers.get('content-type') ?? '';
        const parsed = /json/.test(type) && text ? JSON.parse(text) : text;
        // Every 2xx the suite sees is checked against the schema its route declares.
        await checkResponseContract(method, path, res.status, type, parsed);
        return { status: res.status, headers: res.headers, body: parsed };
      },
    } satisfies TestApi);
    close = async () => {
      dependencies.clock = wallClock;
      await streams?.stop();
      await s3?.stop();
      await new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); });
      await ownDynamoDb?.stop();
    };
  });
  afterAll(async () => {
    await close?.();
    if (!close) await ownDynamoDb?.stop();
  });
  return api;
}
