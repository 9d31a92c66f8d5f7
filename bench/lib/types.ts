/**
 * The shapes every benchmark suite shares. A suite is one file under bench/suites/ that
 * default-exports a `Suite`; `npm run bench` finds it by its file name.
 */
import type { BenchEnv } from './env.js';

/** One figure. `baseline` and `ratio` when the figure is judged against a floor. */
export interface Row {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  /** e.g. `ratio ≤ 1.5`, `= 0` */
  goal?: string;
  ok?: boolean;
  note?: string;
}

export interface SuiteResult {
  rows: Row[];
  /** Anything worth keeping in results.json beside the rows (samples counts, breakdowns...). */
  details?: Record<string, unknown>;
  /** Printed under the table. */
  notes?: string[];
}

export interface BenchContext {
  /** The running platform: the local server on a fresh DynamoDB Local and table of this suite's own, with reference data; started on first call. */
  env(): Promise<BenchEnv>;
  log(line: string): void;
}

export interface Suite {
  /** Lower runs first when several suites run (default 100). */
  order?: number;
  description: string;
  run(ctx: BenchContext): Promise<SuiteResult>;
}

/** Reads a positive number from the environment. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}
