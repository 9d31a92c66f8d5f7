/**
 * Cold start: every function (each route's `fn`, each stream consumer and scheduled job) is
 * bundled with the CDK stack's own esbuild settings (infra/bundling.ts), then measured beside
 * a floor bundle built with the same settings that imports and instantiates only the AWS SDK
 * clients the function pulls in (read from the esbuild metafile): what any function using
 * those clients must pay. For each: bundle bytes, and the median time to `import()` the
 * bundle in a fresh node process. All bundles are measured round-robin, in a shuffled order
 * each round, so noise falls on all of them alike.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '../../infra/bundling.js';
import { onDemandJobs, scheduledJobs, streamConsumers } from '../../shared/background.js';
import { routes } from '../../shared/http/routes.js';
import { median, round } from '../lib/stats.js';
import { envNumber, type Row, type Suite } from '../lib/types.js';

const GOAL = 1.25;
/** A function's own addition (beyond what most share) worth naming in the notes. */
const OWN_NOTEWORTHY = 8 * 1024;
const root = fileURLToPath(new URL('../../', import.meta.url));
const workDir = fileURLToPath(new URL('../.work/cold-start/', import.meta.url));
const run = promisify(execFile);

/** The SDK packages whose clients a floor instantiates. */
const SDK_PACKAGE = /node_modules\/(@aws-sdk\/(?:client-[a-z0-9-]+|lib-dynamodb))\//;

interface Bundle {
  name: string;
  file: string;
  bytes: number;
  metafile: Metafile;
}

interface Contribution {
  input: string;
  bytes: number;
}

async function bundle(name: string, entry: { file: string } | { source: string }): Promise<Bundle> {
  const file = `${workDir}${name.replaceAll('/', '__')}.mjs`;
  const result = await build({
    ...esbuildOptions,
    mainFields: [...esbuildOptions.mainFields],
    external: [...esbuildOptions.external],
    banner: { ...esbuildOptions.banner },
    ...('file' in entry ? { entryPoints: [entry.file] } : { stdin: { contents: entry.source, resolveDir: root, sourcefile: `${name}.js`, loader: 'js' as const } }),
    outfile: file,
    metafile: true,
    write: true,
  });
  return { name, file, bytes: statSync(file).size, metafile: result.metafile };
}

/** `@aws-sdk/client-dynamodb`, `@aws-sdk/lib-dynamodb`, ... found among a bundle's inputs. */
function sdkPackages(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const input of Object.keys(metafile.inputs)) {
    const m = SDK_PACKAGE.exec(input);
    if (m) found.add(m[1]!);
  }
  return [...found].sort();
}

/** Source of a module that imports and instantiates those clients, nothing else. */
async function floorSource(packages: string[]): Promise<string> {
  const lines: string[] = [];
  const created: string[] = [];
  const clients = packages.filter((p) => p !== '@aws-sdk/lib-dynamodb');
  // lib-dynamodb wraps a DynamoDB client.
  if (packages.includes('@aws-sdk/lib-dynamodb') && !clients.includes('@aws-sdk/client-dynamodb')) clients.push('@aws-sdk/client-dynamodb');
  for (const [i, pkg] of clients.entries()) {
    const exported = Object.keys(await import(pkg)).find((k) => /^[A-Z]\w*Client$/.test(k));
    if (!exported) throw new Error(`no client class exported by ${pkg}`);
    lines.push(`import { ${exported} as C${i} } from '${pkg}';`, `const c${i} = new C${i}({});`);
    created.push(`c${i}`);
    if (pkg === '@aws-sdk/client-dynamodb' && packages.includes('@aws-sdk/lib-dynamodb')) {
      lines.push(`import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';`, `const doc = DynamoDBDocumentClient.from(c${i}, { marshallOptions: { removeUndefinedValues: true } });`);
      created.push('doc');
    }
  }
  lines.push(`export const clients = [${created.join(', ')}];`);
  return lines.join('\n');
}

/** Bytes in the output by package (node_modules) or by own source file, largest first. */
function contributions(b: Bundle): Contribution[] {
  const output = Object.values(b.metafile.outputs).find((o) => o.entryPoint !== undefined || Object.keys(o.inputs).length > 0)!;
  const byKey = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    const key = m ? m[1]! : input;
    byKey.set(key, (byKey.get(key) ?? 0) + bytesInOutput);
  }
  return [...byKey.entries()].map(([input, bytes]) => ({ input, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** What a function carries beyond its floor, by package or own file, largest first. */
function excess(f: Bundle, floor: Bundle): Contribution[] {
  const base = new Map(contributions(floor).map((c) => [c.input, c.bytes]));
  return contributions(f)
    .map((c) => ({ input: c.input, bytes: c.bytes - (base.get(c.input) ?? 0) }))
    .filter((c) => c.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

interface Miss {
  name: string;
  extra: number;
  additions: Contribution[];
}

/** What the functions that miss carry beyond their floor: the additions most share, then each one's own. */
function explainMisses(misses: Miss[], total: number): string[] {
  if (!misses.length) return [];
  const byInput = new Map<string, number[]>();
  for (const m of misses) for (const a of m.additions) byInput.set(a.input, [...(byInput.get(a.input) ?? []), a.bytes]);
  const common = [...byInput]
    .filter(([, sizes]) => sizes.length >= Math.ceil(misses.length / 2))
    .map(([input, sizes]) => ({ input, bytes: median(sizes) }))
    .sort((a, b) => b.bytes - a.bytes);
  const commonSet = new Set(common.map((c) => c.input));
  const lines = [
    `${misses.length}/${total} functions miss a goal (or have no SDK floor). Additions over the floor shared by most of them (median): ${common.slice(0, 6).map((c) => `${c.input} ${kB(c.bytes)}`).join(', ')}`,
  ];
  const quiet: string[] = [];
  for (const m of misses) {
    const own = m.additions.filter((a) => !commonSet.has(a.input)).slice(0, 3);
    if ((own[0]?.bytes ?? 0) < OWN_NOTEWORTHY) quiet.push(m.name);
    else lines.push(`  ${m.name}: +${kB(m.extra)}; beyond those, its largest: ${own.map((a) => `${a.input} ${kB(a.bytes)}`).join(', ')}`);
  }
  if (quiet.length) lines.push(`  ${quiet.length} others add nothing of their own above ${kB(OWN_NOTEWORTHY)}: ${quiet.join(', ')}`);
  return lines;
}

const IMPORT_SCRIPT = `const t0 = performance.now(); await import(process.env.BENCH_IMPORT_URL); const t1 = performance.now(); process.stdout.write(JSON.stringify({ importMs: t1 - t0 }));`;

/**
 * The environment the CDK stack gives a function (infra/constructs/app-function.ts and
 * infra/stack.ts), with placeholder values: some modules check their settings at import.
 * NODE_OPTIONS=--enable-source-maps is what the stack sets; BENCH_SOURCE_MAPS=0 drops it.
 */
function lambdaEnv(file: string, sourceMaps = process.env.BENCH_SOURCE_MAPS !== '0'): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    BENCH_IMPORT_URL: pathToFileURL(file).href,
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_LAMBDA_FUNCTION_NAME: 'bench',
    TABLE_NAME: 'bench',
    POWERTOOLS_SERVICE_NAME: 'civic-feedback',
    POWERTOOLS_LOG_LEVEL: 'INFO',
    POWERTOOLS_METRICS_NAMESPACE: 'civic-feedback',
    CITIZEN_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:000000000000:bench-citizen',
    DEPARTMENT_TOPIC_ARN: 'arn:aws:sns:ap-southeast-1:000000000000:bench-department',
    NODE_OPTIONS: sourceMaps ? '--enable-source-maps' : '',
  };
}

class ImportFailed extends Error {}

/** Milliseconds to import the bundle in a fresh node process. */
async function importMs(file: string, sourceMaps?: boolean): Promise<number> {
  try {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', IMPORT_SCRIPT], { cwd: workDir, env: lambdaEnv(file, sourceMaps), timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return (JSON.parse(stdout) as { importMs: number }).importMs;
  } catch (error) {
    // Minified bundles put whole files on one line: keep only the error's own lines.
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    const message = stderr.split('\n').find((l) => /^\w*Error\b/.test(l)) ?? stderr.slice(0, 200);
    throw new ImportFailed(message);
  }
}

function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

const suite: Suite = {
  order: 30,
  description: 'bundle bytes and fresh-process import time of every function vs a floor of its AWS SDK clients',
  async run(ctx) {
    const runs = Math.floor(envNumber('BENCH_COLD_RUNS', 15));
    const sourceMapsOn = lambdaEnv('').NODE_OPTIONS === '--enable-source-maps';
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });

    const fns = [...new Set([...routes.map((r) => r.fn), ...streamConsumers.map((c) => c.fn), ...scheduledJobs.map((j) => j.fn), ...onDemandJobs.map((j) => j.fn)])] as string[];
    ctx.log(`cold-start: bundling ${fns.length} functions`);
    const functions = await Promise.all(fns.map((fn) => bundle(fn, { file: `${root}functions/${fn}.ts` })));

    // One floor per distinct set of SDK packages.
    const floors = new Map<string, Bundle>();
    const floorOf = new Map<string, { key: string; packages: string[] }>();
    for (const f of functions) {
      const packages = sdkPackages(f.metafile);
      const key = packages.length ? packages.map((p) => p.replace('@aws-sdk/', '')).join('+') : 'none';
      floorOf.set(f.name, { key, packages });
      if (!floors.has(key)) floors.set(key, await bundle(`floor/${key}`, { source: await floorSource(packages) }));
    }

    const targets = [...functions, ...floors.values()];
    ctx.log(`cold-start: ${runs} rounds × ${targets.length} bundles (${floors.size} floors: ${[...floors.keys()].join(', ')})`);
    // A first import of each warms the file cache (not counted) and finds bundles that cannot load.
    const failed = new Map<string, string>();
    for (const t of targets) {
      await importMs(t.file).catch((e: unknown) => {
        if (!(e instanceof ImportFailed)) throw e;
        failed.set(t.name, e.message);
      });
    }
    const times = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    const timed = targets.filter((t) => !failed.has(t.name));
    for (let r = 0; r < runs; r++) {
      for (const t of shuffle(timed)) times.get(t.name)!.push(await importMs(t.file));
    }
    // The stack sets NODE_OPTIONS=--enable-source-maps; a shorter pass without it shows what that costs.
    const plainRuns = sourceMapsOn ? Math.floor(envNumber('BENCH_COLD_PLAIN_RUNS', 5)) : 0;
    const plain = new Map<string, number[]>(targets.map((t) => [t.name, []]));
    if (plainRuns) ctx.log(`cold-start: ${plainRuns} more rounds without --enable-source-maps`);
    for (let r = 0; r < plainRuns; r++) {
      for (const t of shuffle(timed)) plain.get(t.name)!.push(await importMs(t.file, false));
    }

    const rows: Row[] = [];
    const notes: string[] = [];
    const perFunction: Record<string, unknown> = {};
    const misses: Miss[] = [];
    for (const f of functions) {
      const { key, packages } = floorOf.get(f.name)!;
      const floor = floors.get(key)!;
      const importError = failed.get(f.name) ?? failed.get(floor.name);
      const ms = median(times.get(f.name)!);
      const floorMs = median(times.get(floor.name)!);
      const sizeRatio = f.bytes / floor.bytes;
      const timeRatio = ms / floorMs;
      const judged = packages.length > 0;
      const top = contributions(f).slice(0, 8);
      const beyondFloor = excess(f, floor).slice(0, 8);
      const note = judged ? `floor: ${key}` : 'no SDK client: floor is an empty module, ratio not judged';
      rows.push(
        { suite: 'cold-start', metric: `${f.name} bytes`, value: f.bytes, unit: 'bytes', baseline: floor.bytes, ratio: round(sizeRatio, 3), goal: judged ? `ratio ≤ ${GOAL}` : undefined, ok: judged ? sizeRatio <= GOAL : undefined, note },
        importError
          ? { suite: 'cold-start', metric: `${f.name} import`, value: Number.NaN, unit: 'ms', goal: `ratio ≤ ${GOAL}`, ok: false, note: `import failed: ${importError}` }
          : { suite: 'cold-start', metric: `${f.name} import`, value: round(ms, 2), unit: 'ms', baseline: round(floorMs, 2), ratio: round(timeRatio, 3), goal: judged ? `ratio ≤ ${GOAL}` : undefined, ok: judged ? timeRatio <= GOAL : undefined },
      );
      perFunction[f.name] = { bytes: f.bytes, importMsMedian: round(ms, 2), importMsMin: round(Math.min(...times.get(f.name)!), 2), importMsWithoutSourceMaps: plainRuns ? round(median(plain.get(f.name)!), 2) : undefined, floor: key, floorBytes: floor.bytes, floorImportMsMedian: round(floorMs, 2), topInputs: top, beyondFloor };
      if (!judged || importError || sizeRatio > GOAL || timeRatio > GOAL) misses.push({ name: f.name, extra: f.bytes - floor.bytes, additions: excess(f, floor) });
    }
    notes.push(...explainMisses(misses, functions.length));

    // One line per mode: the median over the SDK-using functions of their import-time ratio.
    const judgedFns = functions.filter((f) => floorOf.get(f.name)!.packages.length && !failed.has(f.name));
    const ratioOver = (series: Map<string, number[]>) =>
      median(judgedFns.map((f) => median(series.get(f.name)!) / median(series.get(floors.get(floorOf.get(f.name)!.key)!.name)!)));
    if (judgedFns.length) {
      const deployed = ratioOver(times);
      rows.push({ suite: 'cold-start', metric: `import ratio, median of ${judgedFns.length} fns`, value: round(deployed, 3), unit: '×', goal: `≤ ${GOAL}`, ok: deployed <= GOAL, note: sourceMapsOn ? 'NODE_OPTIONS=--enable-source-maps, as the stack sets' : 'without source maps' });
      if (plainRuns) {
        const withoutMaps = ratioOver(plain);
        rows.push({ suite: 'cold-start', metric: `import ratio, median of ${judgedFns.length} fns`, value: round(withoutMaps, 3), unit: '×', goal: `≤ ${GOAL}`, ok: withoutMaps <= GOAL, note: `without --enable-source-maps (${plainRuns} rounds)` });
      }
    }
    return {
      rows,
      notes,
      details: {
        runs,
        nodeOptions: lambdaEnv('').NODE_OPTIONS,
        plainRuns,
        importFailures: Object.fromEntries(failed),
        floors: Object.fromEntries([...floors].map(([key, b]) => [key, { bytes: b.bytes, importMsMedian: round(median(times.get(b.name)!), 2), importMsMin: round(Math.min(...times.get(b.name)!), 2), importMsWithoutSourceMaps: plainRuns ? round(median(plain.get(b.name)!), 2) : undefined }])),
        functions: perFunction,
        esbuild: esbuildOptions,
      },
    };
  },
};

export default suite;
