/**
 * The one test that really bundles: a NodejsFunction built by CDK with the project's local
 * esbuild (no Docker) and the shared settings of infra/bundling.ts, then run in a plain Node
 * process the way Lambda loads an ESM handler.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundling } from '../../infra/bundling.js';
import { readConfig } from '../../infra/config.js';
import { AppFunction } from '../../infra/constructs/app-function.js';
import { Data } from '../../infra/constructs/data.js';
import { cdkContext } from './support.js';

const outdir = mkdtempSync(join(tmpdir(), 'civic-infra-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** The heaviest kind of entry: a write route pulling middy, zod, Powertools and the AWS SDK. */
const fn = 'http/create-ticket';

describe('real bundling', () => {
  it(`bundles functions/${fn} with local esbuild into a minified ESM bundle that Node can run`, { timeout: 180_000 }, async () => {
    const app = new App({ outdir, context: { ...cdkContext }, builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'BundlingCheck');
    const data = new Data(stack, 'Data');
    const f = new AppFunction(stack, 'Fn', { fn, kind: 'http', config: readConfig(app.node) });
    f.bindTable(data.table, 'RW');
    const assembly = app.synth();

    const template = assembly.getStackByName('BundlingCheck').template;
    const code = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function').Properties.Code;
    const hash = String(code.S3Key).replace(/\.zip$/, '');
    const dir = join(outdir, `asset.${hash}`);
    const bundle = join(dir, 'index.mjs');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.map`)).toBe(true);

    const text = readFileSync(bundle, 'utf8');
    expect(text.startsWith(bundling.banner)).toBe(true);
    // Minified, and the AWS SDK is inside (nothing left for the runtime to provide).
    const lines = text.split('\n');
    expect(text.length / lines.length).toBeGreaterThan(1000);
    expect(text.trimEnd().endsWith('//# sourceMappingURL=index.mjs.map')).toBe(true);
    expect(text).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(text).toContain('DynamoDB');

    // Loaded and invoked as Lambda would: no token on a citizen route → 401 problem+json.
    const event = {
      version: '2.0',
      routeKey: 'POST /v1/tickets',
      rawPath: '/v1/tickets',
      rawQueryString: '',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/v1/tickets' }, requestId: 'r1', routeKey: 'POST /v1/tickets', stage: '$default' },
    };
    const script = `
      const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
      const context = { functionName: 'check', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10000 };
      process.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, context)));`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--enable-source-maps', '--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, TABLE_NAME: 'bundle-check', AWS_REGION: 'ap-southeast-1', POWERTOOLS_LOG_LEVEL: 'SILENT' },
    });
    const result = JSON.parse(stdout);
    expect(result.statusCode).toBe(401);
    expect(result.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
