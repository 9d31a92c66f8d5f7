import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJava, JavaMissingError } from '../../../local/dynamodb-local.js';
import { settingsFromEnv, startRuntime, type Runtime } from '../../../local/runtime.js';

describe('the local runtime (what `npm start` runs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-runtime-'));
  let runtime: Runtime;
  const lines: string[] = [];

  beforeAll(async () => {
    // AWS_ENDPOINT_URL_DYNAMODB points at the test run's DynamoDB Local, so the runtime uses it
    // instead of starting its own (as it would use LocalStack).
    runtime = await startRuntime({ ...settingsFromEnv({ DATA_DIR: dataDir, PORT: '0', S3_PORT: '0' }), tableName: `runtime-${Date.now()}` }, (l) => lines.push(l));
  }, 120_000);
  afterAll(() => runtime?.stop());

  it('creates the table, seeds reference and demo data, and serves the API', async () => {
    expect(lines.join('\n')).toMatch(/Created table/);
    // The default is the 2025 two-level map: Hanoi and its 126 communes and wards.
    expect(lines.join('\n')).toMatch(/Reference data seeded: 127 areas of province\(s\) 01 \(2025 catalog\)/);
    expect(await (await fetch(`${runtime.url}/health`)).json()).toEqual({ status: 'ok' });
    const { token } = (await (await fetch(`${runtime.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: 'demo-citizen', groups: ['citizen'] }) })).json()) as { token: string };
    const mine = (await (await fetch(`${runtime.url}/v1/me/tickets`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
    expect(mine.items.length).toBe(3);
  });

  it('publishes the privacy notice 2026-01, which the demo tickets accepted', async () => {
    expect(lines.join('\n')).toMatch(/Privacy notice 2026-01 published/);
    expect(await (await fetch(`${runtime.url}/v1/privacy-notice`)).json()).toMatchObject({ version: '2026-01', text: { vi: expect.any(String), en: expect.any(String) } });
    const { token } = (await (await fetch(`${runtime.url}/dev/token`, { method: 'POST', body: JSON.stringify({ sub: 'demo-citizen', groups: ['citizen'] }) })).json()) as { token: string };
    const mine = (await (await fetch(`${runtime.url}/v1/me/tickets`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: Array<{ consent?: { version: string } }> };
    expect(mine.items.map((t) => t.consent?.version)).toEqual(['2026-01', '2026-01', '2026-01']);
  });

  it('serves Hanoi\'s 126 wards of the 2025 map, each directly under the city', async () => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await fetch(`${runtime.url}/v1/areas?parent=01&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { items: Array<{ code: string; level: string; districtCode?: string }>; nextCursor: string | null };
      expect(page.items.every((a) => a.level === 'ward' && a.districtCode === undefined)).toBe(true);
      codes.push(...page.items.map((a) => a.code));
      cursor = page.nextCursor;
    } while (cursor);
    expect(codes).toHaveLength(126);
    expect(await (await fetch(`${runtime.url}/v1/areas/00004`)).json()).toMatchObject({ nameWithType: 'Phường Ba Đình', level: 'ward', parentCode: '01' });
    // Phúc Xá (00001) was merged away in 2025.
    expect((await fetch(`${runtime.url}/v1/areas/00001`)).status).toBe(404);
  });

  it('keeps its dev signing key in DATA_DIR, so tokens survive a restart', () => {
    expect(existsSync(join(dataDir, 'dev-signing-key.json'))).toBe(true);
  });
});

describe('checkJava', () => {
  const fakeJava = (versionLine: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-java-'));
    writeFileSync(join(dir, 'java'), `#!/bin/sh\necho '${versionLine}' >&2\n`);
    chmodSync(join(dir, 'java'), 0o755);
    return dir;
  };
  const withPath = (dir: string, fn: () => void) => {
    const saved = process.env.PATH;
    process.env.PATH = `${dir}:${saved}`;
    try {
      fn();
    } finally {
      process.env.PATH = saved;
    }
  };

  it('says plainly when Java is too old', () => {
    withPath(fakeJava('openjdk version "11.0.2" 2019-01-15'), () => expect(() => checkJava()).toThrow(JavaMissingError));
    withPath(fakeJava('java version "1.8.0_371"'), () => expect(() => checkJava()).toThrow(/Java 8 found/));
  });

  it('accepts Java 17 and newer', () => {
    withPath(fakeJava('openjdk version "21.0.1" 2023-10-17'), () => expect(() => checkJava()).not.toThrow());
  });

  it('says plainly when Java is missing', () => {
    const saved = process.env.PATH;
    process.env.PATH = mkdtempSync(join(tmpdir(), 'cf-empty-'));
    try {
      expect(() => checkJava()).toThrow(/not installed/);
    } finally {
      process.env.PATH = saved;
    }
  });
});
