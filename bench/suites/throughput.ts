/**
 * Throughput: autocannon (in a child process) against POST /v1/tickets on the local runtime,
 * several citizens and bodies in rotation, a fresh Idempotency-Key per request. Reports
 * requests/s, latency p50/p99, errors and non-2xx (both must be 0).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { envNumber, type Suite } from '../lib/types.js';

const run = promisify(execFile);
const worker = fileURLToPath(new URL('../lib/load-worker.ts', import.meta.url));

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  statusCodeStats?: Record<string, { count: number }>;
}

const suite: Suite = {
  order: 20,
  description: 'autocannon against POST /v1/tickets: requests/s, p99, errors',
  async run(ctx) {
    const env = await ctx.env();
    const seconds = envNumber('BENCH_SECONDS', 20);
    const connections = envNumber('BENCH_CONNECTIONS', 10);

    // The intake suite warms the server when it ran first; alone, a short warm-up of our own.
    for (let i = 0; i < 100; i++) {
      const res = await env.request('POST', '/v1/tickets', { token: env.citizens[i % env.citizens.length]!.token, body: JSON.stringify(env.bodies[i % env.bodies.length]) });
      if (res.status !== 201) throw new Error(`warm-up: ${res.status} ${res.body.slice(0, 300)}`);
    }

    ctx.log(`throughput: ${connections} connections for ${seconds} s`);
    const config = {
      url: env.url,
      path: '/v1/tickets',
      seconds,
      connections,
      tokens: env.citizens.map((c) => c.token),
      bodies: env.bodies.map((b) => JSON.stringify(b)),
      idempotencyKeys: true,
    };
    const { stdout } = await run(process.execPath, ['--no-warnings', worker], {
      env: { ...process.env, NODE_OPTIONS: '', BENCH_LOAD_CONFIG: JSON.stringify(config) },
      timeout: (seconds + 60) * 1000,
      maxBuffer: 64 * 1024 * 1024,
    });
    const r = JSON.parse(stdout) as AutocannonResult;
    const failures = r.errors + r.timeouts + r.non2xx;
    const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]));
    const note = `${connections} connections, ${r.duration.toFixed(0)} s, ${r.requests.total} requests`;
    return {
      rows: [
        { suite: 'throughput', metric: 'POST /v1/tickets requests/s', value: Math.round(r.requests.average * 10) / 10, unit: 'req/s', note },
        { suite: 'throughput', metric: 'POST /v1/tickets p50', value: r.latency.p50, unit: 'ms' },
        { suite: 'throughput', metric: 'POST /v1/tickets p99', value: r.latency.p99, unit: 'ms' },
        { suite: 'throughput', metric: 'errors + timeouts + non-2xx', value: failures, unit: 'count', goal: '= 0', ok: failures === 0, note: `errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}` },
      ],
      details: { seconds, connections, idempotencyKeys: true, citizens: env.citizens.length, bodies: env.bodies.length, statuses, latency: r.latency, requests: r.requests },
      ...(failures ? { notes: [`statuses: ${JSON.stringify(statuses)}`] } : {}),
    };
  },
};

export default suite;
