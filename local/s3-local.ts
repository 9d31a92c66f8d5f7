/**
 * The local S3: @20minutes/s3rver (a maintained fork of s3rver, no Docker) on an internal
 * port, behind a small front on the public port that does what s3rver does not: check
 * browser POST uploads against their signed policy (local/post-policy.ts), so local runs
 * refuse what S3 refuses. Everything else is passed through; s3rver checks SigV4 itself.
 * Object-created events under a prefix are handed to `onObjectCreated`, as S3 notifications would be.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { freePort } from './free-port.js';
import { checkPostPolicy, type PolicyRefusal } from './post-policy.js';

const require = createRequire(import.meta.url);

/** Bodies beyond this are cut off before parsing: far above any grant's 10 MiB. */
const MAX_POST_BYTES = 64 * 1024 * 1024;

export interface LocalS3Options {
  port: number;
  bucket: string;
  /** Objects persist here; undefined: a temporary directory, removed on stop. */
  dataDir?: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Object-created events whose key starts with `prefix` go to `handler`. */
  notify?: { prefix: string; handler: (event: S3Event) => Promise<unknown> };
  clock?: () => Date;
}

export interface LocalS3 {
  endpoint: string;
  /** Every notification delivered so far (tests replay them). */
  readonly events: S3Event[];
  /** Resolves once every notification handed out so far has been handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const S3rver = require('@20minutes/s3rver');
  const { DUMMY_ACCOUNT } = require('@20minutes/s3rver/lib/models/account');
  // s3rver checks SigV4 against its own key registry: register the credentials the SDK signs with.
  DUMMY_ACCOUNT.createKeyPair(opts.credentials.accessKeyId, opts.credentials.secretAccessKey);
  const temporary = opts.dataDir ? undefined : mkdtempSync(resolve(tmpdir(), 'civic-s3-'));
  const directory = opts.dataDir ? resolve(opts.dataDir, 's3') : temporary!;
  mkdirSync(directory, { recursive: true });
  const innerPort = await freePort();
  const inner = new S3rver({
    address: '127.0.0.1',
    port: innerPort,
    silent: true,
    directory,
    vhostBuckets: false,
    configureBuckets: [{ name: opts.bucket, configs: [corsConfiguration] }],
  });
  await inner.run();

  const events: S3Event[] = [];
  const inFlight = new Set<Promise<unknown>>();
  inner.on('event', (event: S3Event) => {
    const record = event.Records[0];
    if (!opts.notify || !record?.eventName.startsWith('ObjectCreated:') || !decodeURIComponent(record.s3.object.key).startsWith(opts.notify.prefix)) return;
    const shaped: S3Event = { Records: event.Records.map((r) => ({ ...r, awsRegion: process.env.AWS_REGION ?? 'local', s3: { ...r.s3, bucket: { ...r.s3.bucket, arn: `arn:aws:s3:::${r.s3.bucket.name}` } } })) };
    events.push(shaped);
    const run = deliver(opts.notify.handler, shaped).finally(() => inFlight.delete(run));
    inFlight.add(run);
  });

  // s3rver's file store prunes a prefix's directory when its last object is deleted, so a write
  // racing that delete fails with ENOENT (a 500). Writes go to it one at a time; reads don't wait.
  let writes: Promise<unknown> = Promise.resolve();
  const front = createServer((req, res) => {
    const serve = () =>
      serveFront(req, res, innerPort, opts).catch((error: unknown) => {
        console.error('local S3:', error);
        if (!res.headersSent) sendError(res, { status: 400, code: 'InvalidArgument', message: 'The local S3 front could not read the request.' });
      });
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return void serve();
    writes = writes.then(serve);
  });
  await new Promise<void>((ok, fail) => {
    front.once('error', fail);
    front.listen(opts.port, '127.0.0.1', ok);
  });
  const { port } = front.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    events,
    async idle() {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      await Promise.allSettled([...inFlight]);
      front.closeAllConnections();
      await new Promise<void>((ok) => front.close(() => ok()));
      await inner.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/** Like S3's asynchronous invocation of Lambda: a failure is retried twice, then logged. */
async function deliver(handler: (event: S3Event) => Promise<unknown>, event: S3Event) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handler(event);
    } catch (error) {
      if (attempt >= 3) return console.error('local S3: processing failed three times', event.Records[0]?.s3.object.key, error);
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

async function serveFront(req: IncomingMessage, res: ServerResponse, innerPort: number, opts: LocalS3Options) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const bucket = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  const isFormPost = req.method === 'POST' && bucket !== undefined && url.search === '' && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  if (!isFormPost) return forward(req, res, innerPort);

  const body = await readCapped(req, MAX_POST_BYTES);
  if (!body) return sendError(res, { status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size.' });
  const form = await new Request('http://local/', { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body }).formData();
  const fields: Record<string, string> = {};
  let fileSize = -1;
  for (const [name, value] of form) {
    if (name === 'file' && typeof value !== 'string') fileSize = value.size;
    else if (typeof value === 'string') fields[name] = value;
  }
  if (fileSize < 0) return sendError(res, { status: 400, code: 'InvalidArgument', message: 'POST requires exactly one file upload per request.' });
  const refusal = checkPostPolicy({
    bucket,
    fields,
    fileSize,
    now: opts.clock?.() ?? new Date(),
    secretFor: (id) => (id === opts.credentials.accessKeyId ? opts.credentials.secretAccessKey : undefined),
  });
  if (refusal) return sendError(res, refusal);
  return forward(req, res, innerPort, body);
}

function forward(req: IncomingMessage, res: ServerResponse, innerPort: number, body?: Buffer) {
  return new Promise<void>((done, fail) => {
    const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    const upstream = httpRequest({ host: '127.0.0.1', port: innerPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('end', () => done());
    });
    upstream.on('error', fail);
    if (body) upstream.end(body);
    else req.pipe(upstream);
  });
}

function readCapped(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => ok(over ? undefined : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function sendError(res: ServerResponse, refusal: PolicyRefusal) {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message.replace(/[<&>]/g, (c) => `&#${c.charCodeAt(0)};`)}</Message></Error>`;
  res.writeHead(refusal.status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(xml);
}

/** The web apps post from the API's origin to this port: allow it, as the bucket's CORS does on AWS. */
const corsConfiguration = `<CORSConfiguration>
  <CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>POST</AllowedMethod><AllowedMethod>GET</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule>
</CORSConfiguration>`;

