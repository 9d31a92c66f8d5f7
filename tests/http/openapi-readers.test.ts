/**
 * Third-party tools read docs/openapi.json as the web apps' client generator will: each is
 * run on the committed document (openapi.test.ts keeps it equal to what the code declares).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = (name: string) => join(root, 'node_modules/.bin', name);
const documentPath = join(root, 'docs/openapi.json');
const quietEnv = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
const work = mkdtempSync(join(tmpdir(), 'openapi-readers-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A client as the web apps write one; the expect-error lines prove the types are not `any`. */
const client = `
import createClient from 'openapi-fetch';
import type { components, paths } from './api.js';

const api = createClient<paths>({ baseUrl: 'http://localhost:3000' });
type Ticket = components['schemas']['Ticket'];

export async function submit(token: string): Promise<Ticket | string> {
  const { data, error } = await api.POST('/v1/tickets', {
    headers: { authorization: \`Bearer \${token}\` },
    params: { header: { 'idempotency-key': 'k-1' } },
    body: { category: 'roads', description: 'A pothole on the corner', location: { wardCode: '00004' } },
  });
  if (error) return error.detail;
  return data;
}

export async function read(id: string): Promise<string> {
  const { data, error } = await api.GET('/v1/tickets/{id}', { params: { path: { id } } });
  if (error) return \`\${error.status} \${error.title}\`;
  const status: Ticket['status'] = data.status;
  return \`\${data.id} v\${data.version} \${status}\`;
}

export async function mine(): Promise<string[]> {
  const { data } = await api.GET('/v1/me/tickets', { params: { query: { limit: 5 } } });
  return (data?.items ?? []).map((t) => t.id);
}

export async function wrong(id: string) {
  // @ts-expect-error a ticket needs its location
  await api.POST('/v1/tickets', { body: { category: 'roads', description: 'x'.repeat(12) } });
  // @ts-expect-error the path needs its id
  await api.GET('/v1/tickets/{id}', { params: { path: {} } });
  const { data } = await api.GET('/v1/tickets/{id}', { params: { path: { id } } });
  // @ts-expect-error version is a number
  const version: string | undefined = data?.version;
  return version;
}
`;

describe('docs/openapi.json read by third-party tools', () => {
  it('openapi-typescript turns it into types that a typed client (openapi-fetch) compiles against', async () => {
    await run(bin('openapi-typescript'), [documentPath, '-o', join(work, 'api.d.ts')], { env: quietEnv });
    writeFileSync(join(work, 'client.ts'), client);
    const program = ts.createProgram([join(work, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2023,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
      paths: { 'openapi-fetch': [join(root, 'node_modules/openapi-fetch')] },
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    expect(diagnostics).toEqual([]);
  });

  it('@redocly/cli lint (recommended rules) finds no errors; the warnings left are known and reasoned', async () => {
    const { stdout } = await run(bin('redocly'), ['lint', documentPath, '--extends', 'recommended', '--format', 'json'], { env: quietEnv }).catch((e) => e);
    const problems = JSON.parse(stdout).problems as Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer: string }> }>;
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    // A private project has no licence to name; and the three operations that take no input at
    // all can answer no 4xx of ours. Any other warning is a regression.
    expect(problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`).sort()).toEqual([
      'info-license #/info',
      'operation-4xx-response #/paths/~1health/get/responses',
      'operation-4xx-response #/paths/~1openapi.json/get/responses',
      'operation-4xx-response #/paths/~1v1~1categories/get/responses',
    ]);
  });

  it('Spectral’s spectral:oas ruleset finds nothing at all', async () => {
    const { stdout } = await run(bin('spectral'), ['lint', documentPath, '-r', join(root, '.spectral.yaml'), '-f', 'json', '--quiet'], { env: quietEnv }).catch((e) => e);
    const results = (JSON.parse(stdout) as Array<{ code: string; path: string[] }>).map((r) => `${r.code} at ${r.path.join('.')}`);
    expect(results).toEqual([]);
  });
});
