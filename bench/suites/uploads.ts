/**
 * Photos: the grant's latency through the local runtime, a 4 MB phone photo from POST to
 * `ready` through the local S3 and the processing function, the processing's CPU time and peak
 * memory in a fresh process (to size the Lambda), and the processing function's bundle with
 * sharp installed for Lambda's platform (linux arm64) the way the CDK bundling does it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { round, summary } from '../lib/stats.js';
import { envNumber, type Row, type Suite } from '../lib/types.js';

const run = promisify(execFile);
const work = new URL('../.work/uploads/', import.meta.url).pathname;

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** A 12 MP phone-like JPEG of about 4 MB (texture that compresses like a photo's). */
async function phonePhoto(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const [w, h] = [4000, 3000];
  const pixels = Buffer.alloc(w * h * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i += 3) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const x = (i / 3) % w;
    const n = (seed >>> 24) & 63;
    pixels[i] = (x >> 4) + n;
    pixels[i + 1] = 120 + n;
    pixels[i + 2] = 200 - (x >> 5) + n;
  }
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).withMetadata({ orientation: 6 }).toBuffer();
}

const suite: Suite = {
  order: 60,
  description: 'photos: grant latency, upload → ready (4 MB), processing CPU and memory, bundle with sharp for linux arm64',
  async run(ctx) {
    const env = await ctx.env();
    const grants = envNumber('BENCH_UPLOAD_GRANTS', 200);
    const photos = envNumber('BENCH_UPLOAD_PHOTOS', 15);
    mkdirSync(work, { recursive: true });
    process.env.MEDIA_BUCKET ??= 'bench-media';
    const { startProcessingS3 } = await import('../../local/upload-processing.js');
    const s3 = await startProcessingS3({ port: 0, bucket: process.env.MEDIA_BUCKET });
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    const token = env.citizens[0]!.token;
    const rows: Row[] = [];
    const notes: string[] = [];
    try {
      const photo = await phonePhoto();
      const photoPath = join(work, 'phone.jpg');
      writeFileSync(photoPath, photo);
      const body = JSON.stringify({ purpose: 'ticket', contentType: 'image/jpeg', size: photo.length });

      const grantMs: number[] = [];
      for (let i = 0; i < grants + 20; i++) {
        const t = performance.now();
        const res = await env.request('POST', '/v1/uploads', { token, body });
        if (res.status !== 201) throw new Error(`grant: ${res.status} ${res.body}`);
        if (i >= 20) grantMs.push(performance.now() - t);
      }
      const g = summary(grantMs);
      rows.push({ suite: 'uploads', metric: 'grant p50', value: round(g.p50), unit: 'ms' }, { suite: 'uploads', metric: 'grant p99', value: round(g.p99), unit: 'ms' });

      const readyMs: number[] = [];
      for (let i = 0; i < photos; i++) {
        const t = performance.now();
        const grant = JSON.parse((await env.request('POST', '/v1/uploads', { token, body })).body) as { id: string; url: string; fields: Record<string, string> };
        const form = new FormData();
        for (const [k, v] of Object.entries(grant.fields)) form.append(k, v);
        form.append('file', new Blob([new Uint8Array(photo)]), 'phone.jpg');
        const posted = await fetch(grant.url, { method: 'POST', body: form });
        if (posted.status !== 204) throw new Error(`POST to S3: ${posted.status} ${await posted.text()}`);
        for (;;) {
          const status = JSON.parse((await env.request('GET', `/v1/uploads/${grant.id}`, { token })).body).status;
          if (status === 'ready') break;
          if (status === 'rejected') throw new Error('the bench photo was rejected');
          await new Promise((r) => setTimeout(r, 10));
        }
        readyMs.push(performance.now() - t);
      }
      const r = summary(readyMs);
      rows.push(
        { suite: 'uploads', metric: `upload → ready p50 (${round(photo.length / 1e6, 1)} MB, 12 MP)`, value: round(r.p50), unit: 'ms' },
        { suite: 'uploads', metric: 'upload → ready p99', value: round(r.p99), unit: 'ms' },
      );

      const children: Array<{ cpuMs: number; wallMs: number; peakRssMb: number; rssBeforeMb: number }> = [];
      for (let i = 0; i < 5; i++) {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('../lib/process-photo-child.ts', import.meta.url).pathname, photoPath], { env: process.env });
        children.push(JSON.parse(stdout));
      }
      const cpu = summary(children.map((c) => c.cpuMs));
      const peak = summary(children.map((c) => c.peakRssMb));
      rows.push(
        { suite: 'uploads', metric: 'processing CPU per photo (median of 5 fresh processes)', value: round(cpu.p50), unit: 'ms' },
        { suite: 'uploads', metric: 'processing peak RSS per photo (whole process)', value: round(peak.p50, 1), unit: 'MB', note: `+${round(summary(children.map((c) => c.peakRssMb - c.rssBeforeMb)).p50, 1)} MB over the process before processing` },
      );

      // The bundle as the CDK bundling builds it: esbuild (sharp external) + sharp installed for linux arm64.
      const { build } = await import('esbuild');
      const { esbuildOptions } = await import('../../infra/bundling.js');
      const out = join(work, 'asset');
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      await build({ ...esbuildOptions, mainFields: [...esbuildOptions.mainFields], external: [...esbuildOptions.external, 'sharp'], entryPoints: [new URL('../../functions/events/process-upload.ts', import.meta.url).pathname], outfile: join(out, 'index.mjs') });
      const jsBytes = statSync(join(out, 'index.mjs')).size;
      rows.push({ suite: 'uploads', metric: 'processing bundle: index.mjs (minified, sharp external)', value: round(jsBytes / 1024, 1), unit: 'KiB' });
      const pkg = JSON.parse((await import('node:fs')).readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
      try {
        // Its own package.json first, as the CDK hook does: otherwise npm climbs to the repository and installs there.
        writeFileSync(join(out, 'package.json'), '{"private":true}');
        await run('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', '--os=linux', '--cpu=arm64', '--libc=glibc', `sharp@${pkg.dependencies.sharp}`], { cwd: out, env: process.env });
        const modules = readdirSync(join(out, 'node_modules', '@img'));
        const nativeBytes = dirBytes(join(out, 'node_modules'));
        rows.push({ suite: 'uploads', metric: 'processing bundle: node_modules (sharp for linux arm64)', value: round(nativeBytes / 1024 / 1024, 1), unit: 'MiB', note: modules.join(', ') });
        await run('zip', ['-qr', '../asset.zip', '.'], { cwd: out }).catch(() => undefined);
        try {
          rows.push({ suite: 'uploads', metric: 'processing asset zipped', value: round(statSync(join(work, 'asset.zip')).size / 1024 / 1024, 1), unit: 'MiB' });
        } catch {
          notes.push('zip not installed: no zipped size');
        }
      } catch (error) {
        notes.push(`npm install of sharp for linux arm64 failed (offline?): ${(error as Error).message.split('\n')[0]}`);
      }
      notes.push('DynamoDB Local and s3rver timings: compare runs with each other, not with AWS.');
      return { rows, notes, details: { grant: g, ready: r, processing: children } };
    } finally {
      await s3.stop();
    }
  },
};

export default suite;
