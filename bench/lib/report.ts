/** The printed table and bench/results.json. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import type { Row, SuiteResult } from './types.js';

function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '';
  switch (unit) {
    case 'bytes':
      return value >= 1024 * 1024 ? `${(value / 1024 / 1024).toFixed(2)} MB` : `${(value / 1024).toFixed(1)} kB`;
    case 'ms':
      return `${value.toFixed(2)} ms`;
    case 'req/s':
      return `${value.toFixed(0)} req/s`;
    case 'count':
      return value.toFixed(0);
    default:
      return `${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`.trim();
  }
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['suite', 'metric', 'value', 'floor', 'ratio', 'goal', 'ok', 'note'];
  const body = rows.map((r) => [
    r.suite,
    r.metric,
    formatValue(r.value, r.unit),
    formatValue(r.baseline, r.unit),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.goal ?? '',
    r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((line) => line[i]!.length)));
  const right = new Set([2, 3, 4]);
  const line = (cells: string[]) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

export function machineInfo() {
  const cpu = cpus();
  let commit: string | undefined;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = undefined;
  }
  return {
    node: process.version,
    platform: `${process.platform} ${release()} ${process.arch}`,
    cpu: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    commit,
  };
}

export interface SuiteRecord extends SuiteResult {
  date: string;
  seconds: number;
  error?: string;
}

type Machine = ReturnType<typeof machineInfo> & { loadavgAtEnd?: number[] };

interface ResultsFile {
  date: string;
  machine: Machine;
  /** Every row of every suite in this file, in run order. */
  rows: Row[];
  suites: Record<string, SuiteRecord>;
}

/**
 * Writes the results of this run. A run of some suites replaces those suites' records and
 * keeps the others (each record carries its own date).
 */
export function writeResults(path: string, machine: Machine, ran: Record<string, SuiteRecord>, order: string[]): void {
  let previous: Partial<ResultsFile> = {};
  if (existsSync(path)) {
    try {
      previous = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
    } catch {
      previous = {};
    }
  }
  const suites: Record<string, SuiteRecord> = { ...(previous.suites ?? {}), ...ran };
  const names = [...order.filter((n) => n in suites), ...Object.keys(suites).filter((n) => !order.includes(n))];
  const file: ResultsFile = {
    date: new Date().toISOString(),
    machine,
    rows: names.flatMap((n) => suites[n]!.rows),
    suites: Object.fromEntries(names.map((n) => [n, suites[n]!])),
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}
