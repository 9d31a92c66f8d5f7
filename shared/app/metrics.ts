/**
 * Managers' figures, read from the stream-fed counters: the cost of a read depends on the
 * range asked for, never on how many tickets exist. Whole months are read from month
 * counters, the ragged edges of a range from day counters.
 */
import { ForbiddenError, ValidationError } from '../domain/errors.js';
import { sumCounters, toMetricRow, type Counters, type MetricRow } from '../domain/metrics.js';
import { addDays, daysBetween, MAX_RANGE_DAYS, monthsOf, rangeLengthDays } from '../domain/periods.js';
import { ANY_CATEGORY } from '../domain/category.js';
import { managerScope, type Principal } from '../domain/principal.js';
import { parseScope } from '../domain/scope.js';
import { localDate } from '../domain/working-hours.js';
import type { Dependencies } from './ports.js';

export type Granularity = 'day' | 'month' | 'total';

export interface MetricsQuery {
  scope: string;
  from?: string;
  to?: string;
  granularity: Granularity;
  category?: string;
}

export interface MetricsReport {
  scope: string;
  from: string;
  to: string;
  granularity: Granularity;
  category: string | null;
  series: Array<{ period: string } & MetricRow>;
  totals: MetricRow;
}

type Deps = Pick<Dependencies, 'metrics' | 'areas' | 'departments' | 'reference' | 'clock'>;

/**
 * `from`/`to` (already real days: the query schema's LocalDay) default to the last 30 days;
 * reversed or over-long ranges are 400.
 */
export function resolveRange(deps: Pick<Deps, 'clock'>, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? localDate(deps.clock.now());
  const start = from ?? addDays(end, -29);
  if (start > end) throw new ValidationError('`from` is after `to`.', [{ path: 'query.from', message: 'must not be after `to`' }]);
  if (rangeLengthDays(start, end) > MAX_RANGE_DAYS) {
    throw new ValidationError(`Ranges are limited to ${MAX_RANGE_DAYS} days.`, [{ path: 'query.to', message: `at most ${MAX_RANGE_DAYS} days after \`from\`` }]);
  }
  return { from: start, to: end };
}

/** Checks the scope exists and the caller may see it (managers: their city or district). */
export async function authorizeScope(deps: Deps, who: Principal, scope: string): Promise<void> {
  const bad = (message: string) => new ValidationError('Unknown scope.', [{ path: 'query.scope', message }]);
  const named = parseScope(scope);
  let districtCode: string | undefined;
  switch (named?.kind) {
    case 'city':
      break;
    case 'district':
    case 'ward': {
      const area = await deps.areas.get(named.code);
      if (area?.level !== named.kind) throw bad(`no ${named.kind} "${named.code}"`);
      districtCode = area.districtCode;
      break;
    }
    case 'department': {
      const department = await deps.departments.get(named.id);
      if (!department) throw bad(`no department "${named.id}"`);
      districtCode = department.districtCode;
      break;
    }
    default:
      throw bad('city, district-<code>, ward-<code> or department-<id>');
  }
  const covers = managerScope(who);
  if (who.role === 'admin' || covers?.kind === 'city') return;
  if (covers?.kind === 'district' && districtCode === covers.code) return;
  throw new ForbiddenError(`Your scope (${who.scope ?? 'none'}) does not cover ${scope}.`);
}

export async function metricsReport(deps: Deps, who: Principal, query: MetricsQuery): Promise<MetricsReport> {
  const { from, to } = resolveRange(deps, query.from, query.to);
  if (query.category && !(await deps.reference.category(query.category))) {
    throw new ValidationError('Unknown category.', [{ path: 'query.category', message: `unknown category "${query.category}"` }]);
  }
  await authorizeScope(deps, who, query.scope);
  const category = query.category ?? ANY_CATEGORY;
  const months = monthsOf(from, to);
  const wholeMonths = query.granularity === 'day' ? [] : months.filter((m) => m.full);
  const dayRanges = query.granularity === 'day' ? [{ from, to }] : months.filter((m) => !m.full);

  const [monthCounters, ...dayCounters] = await Promise.all([
    wholeMonths.length ? deps.metrics.counters(query.scope, category, 'month', wholeMonths[0]!.month, wholeMonths[wholeMonths.length - 1]!.month) : new Map<string, Counters>(),
    ...dayRanges.map((r) => deps.metrics.counters(query.scope, category, 'day', r.from, r.to)),
  ]);
  const days = new Map(dayCounters.flatMap((m) => [...m]));
  const month = (m: (typeof months)[number]) => (m.full && query.granularity !== 'day' ? (monthCounters!.get(m.month) ?? {}) : sumCounters(daysBetween(m.from, m.to).map((d) => days.get(d) ?? {})));

  let series: Array<{ period: string; counters: Counters }>;
  if (query.granularity === 'day') series = daysBetween(from, to).map((d) => ({ period: d, counters: days.get(d) ?? {} }));
  else if (query.granularity === 'month') series = months.map((m) => ({ period: m.month, counters: month(m) }));
  else series = [{ period: `${from}/${to}`, counters: sumCounters(months.map(month)) }];

  return {
    scope: query.scope,
    from,
    to,
    granularity: query.granularity,
    category: query.category ?? null,
    series: series.map(({ period, counters }) => ({ period, ...toMetricRow(counters) })),
    totals: toMetricRow(sumCounters(series.map((s) => s.counters))),
  };
}

/** Every department's counters over a range (whole months from month partitions). */
export async function departmentTotals(deps: Pick<Deps, 'metrics'>, from: string, to: string): Promise<Map<string, Counters>> {
  const reads = monthsOf(from, to).flatMap((m) => (m.full ? [deps.metrics.departments('month', m.month)] : daysBetween(m.from, m.to).map((d) => deps.metrics.departments('day', d))));
  const totals = new Map<string, Counters[]>();
  for (const period of await Promise.all(reads)) for (const [id, c] of period) totals.set(id, [...(totals.get(id) ?? []), c]);
  return new Map([...totals].map(([id, list]) => [id, sumCounters(list)]));
}

export const rankingMetrics = ['responseRate', 'onTimeRate', 'satisfactionRate'] as const;
export type RankingMetric = (typeof rankingMetrics)[number];

export interface RankingEntry extends MetricRow {
  rank?: number;
  departmentId: string;
}

/**
 * Units ranked by a rate; units with fewer than `minSample` tickets received are listed apart,
 * so one lucky answer does not top the table.
 */
export async function ranking(
  deps: Deps,
  who: Principal,
  query: { from?: string; to?: string; minSample: number; metric: RankingMetric },
): Promise<{ from: string; to: string; metric: RankingMetric; minSample: number; ranked: RankingEntry[]; belowMinSample: RankingEntry[] }> {
  const { from, to } = resolveRange(deps, query.from, query.to);
  const covers = managerScope(who);
  if (who.role === 'manager' && !covers) throw new ForbiddenError('Your manager scope is not set.');
  const totals = await departmentTotals(deps, from, to);
  let rows: RankingEntry[] = [...totals].map(([departmentId, c]) => ({ departmentId, ...toMetricRow(c) }));
  if (covers?.kind === 'district') {
    const district = covers.code;
    const departments = await Promise.all(rows.map((r) => deps.departments.get(r.departmentId)));
    rows = rows.filter((_, i) => departments[i]?.districtCode === district);
  }
  const score = (r: RankingEntry) => r[query.metric] ?? -1;
  const byScore = (a: RankingEntry, b: RankingEntry) => score(b) - score(a) || (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.received - a.received || a.departmentId.localeCompare(b.departmentId);
  const ranked = rows.filter((r) => r.received >= query.minSample).sort(byScore).map((r, i) => ({ rank: i + 1, ...r }));
  const belowMinSample = rows.filter((r) => r.received < query.minSample).sort(byScore);
  return { from, to, metric: query.metric, minSample: query.minSample, ranked, belowMinSample };
}
