/**
 * `npm run bench [-- suite ...]`: runs the suites of bench/suites/ (all, or those named),
 * prints one table and writes bench/results.json (or $BENCH_OUT).
 *
 * The platform (DynamoDB Local in memory, a table with reference data, the local HTTP server
 * in this process) starts only if a suite asks for it, and is stopped on every way out:
 * normal end, a failing suite, Ctrl-C or SIGTERM.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configureProcessEnv, startBenchEnv, type BenchEnv } from './lib/env.js';
import { formatTable, machineInfo, writeResults, type SuiteRecord } from './lib/report.js';
import type { BenchContext, Suite } from './lib/types.js';

// Before any module that creates SDK clients is imported (they are imported dynamically).
const { dynamodbPort } = await configureProcessEnv();

const suitesDir = new URL('./suites/', import.meta.url);
const available = readdirSync(suitesDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((n) => !available.includes(n));
if (unknown.length) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
const names = asked.length ? [...new Set(asked)] : available;
const suites = await Promise.all(
  names.map(async (name) => ({ name, suite: ((await import(new URL(`${name}.ts`, suitesDir).href)) as { default: Suite }).default })),
);
// Named suites run in the order given; a full run follows each suite's `order`.
if (!asked.length) suites.sort((a, b) => (a.suite.order ?? 100) - (b.suite.order ?? 100) || a.name.localeCompare(b.name));

const log = (line: string) => console.error(`[bench] ${line}`);
let envStarted: Promise<BenchEnv> | undefined;
const sharedEnv = () => (envStarted ??= startBenchEnv({ dynamodbPort, log }));

/** Each suite sees the one platform, but on a table of its own, created and seeded on its first `env()`. */
function contextFor(suite: string): BenchContext & { table?: string } {
  let ready: Promise<BenchEnv> | undefined;
  const ctx: BenchContext & { table?: string } = {
    env: () =>
      (ready ??= (async () => {
        const env = await sharedEnv();
        const table = `bench-${suite}-${Date.now()}`;
        await env.useFreshTable(table);
        ctx.table = table;
        return env;
      })()),
    log,
  };
  return ctx;
}

let stopping: Promise<void> | undefined;
let interrupted = false;
function stopEnv(): Promise<void> {
  return (stopping ??= (async () => {
    if (!envStarted) return;
    const env = await envStarted.catch(() => undefined);
    await env?.stop();
  })());
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping DynamoDB Local and the server…`);
    void stopEnv().finally(() => process.exit(130));
  });
}

const machine = machineInfo();
log(`node ${machine.node} · ${machine.cores} × ${machine.cpu} · load ${machine.loadavg.join(' ')} · suites: ${suites.map((s) => s.name).join(', ')}`);
const records: Record<string, SuiteRecord> = {};
let failed = false;
try {
  for (const { name, suite } of suites) {
    log(`── ${name}: ${suite.description}`);
    const started = performance.now();
    const ctx = contextFor(name);
    try {
      const result = await suite.run(ctx);
      records[name] = { date: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 100) / 10, ...result };
    } catch (error) {
      if (interrupted) break;
      failed = true;
      console.error(error);
      records[name] = { date: new Date().toISOString(), seconds: Math.round((performance.now() - started) / 100) / 10, rows: [], error: String((error as Error)?.stack ?? error) };
    }
  }
} finally {
  await stopEnv();
}
if (interrupted) await new Promise(() => undefined); // the signal handler exits

const rows = suites.flatMap(({ name }) => records[name]!.rows);
console.log(`\n${formatTable(rows)}\n`);
for (const { name } of suites) {
  const record = records[name]!;
  if (record.error) console.log(`${name}: FAILED: ${record.error.split('\n')[0]}`);
  for (const note of record.notes ?? []) console.log(`${name}: ${note}`);
}
const out = process.env.BENCH_OUT ?? fileURLToPath(new URL('./results.json', import.meta.url));
writeResults(out, { ...machine, loadavgAtEnd: machineInfo().loadavg }, records, available);
console.log(`\nresults: ${out}`);
process.exitCode = failed ? 1 : 0;
