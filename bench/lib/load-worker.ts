/**
 * Runs autocannon in its own process (so the load generator does not share the server's event
 * loop) and prints its result as JSON. Config comes as JSON in BENCH_LOAD_CONFIG. Run by node
 * directly (type stripping), so: erasable TypeScript only, no imports from the project.
 */
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

interface LoadConfig {
  url: string;
  path: string;
  seconds: number;
  connections: number;
  tokens: string[];
  bodies: string[];
  /** Send a fresh Idempotency-Key with every request, as the mobile app does. */
  idempotencyKeys: boolean;
}

const config = JSON.parse(process.env.BENCH_LOAD_CONFIG ?? '{}') as LoadConfig;
const autocannon = createRequire(import.meta.url)('autocannon');

const prefix = randomUUID();
let n = 0;
const result = await autocannon({
  url: config.url,
  connections: config.connections,
  duration: config.seconds,
  requests: [
    {
      method: 'POST',
      path: config.path,
      setupRequest(req: Record<string, unknown>) {
        const i = n++;
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          authorization: `Bearer ${config.tokens[i % config.tokens.length]}`,
        };
        if (config.idempotencyKeys) headers['idempotency-key'] = `${prefix}-${i}`;
        return { ...req, headers, body: config.bodies[(i * 7 + Math.floor(i / config.bodies.length)) % config.bodies.length] };
      },
    },
  ],
});
process.stdout.write(JSON.stringify(result));
