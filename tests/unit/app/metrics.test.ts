/** Managers' figures from the counters (shared/app/metrics.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { authorizeScope, metricsReport, ranking, resolveRange } from '../../../shared/app/metrics.js';
import { ForbiddenError, ValidationError } from '../../../shared/domain/errors.js';
import { memoryDependencies } from '../../support/memory.js';

const city = { userId: 'm', role: 'manager' as const, scope: 'city' };
const district = { userId: 'm', role: 'manager' as const, scope: 'district-001' };

describe('resolveRange', () => {
  it('defaults to the 30 local days ending today, by the clock', () => {
    const deps = memoryDependencies();
    deps.clock.set('2026-12-02T17:30:00.000Z'); // already 3 December in Hanoi
    expect(resolveRange(deps)).toEqual({ from: '2026-11-04', to: '2026-12-03' });
  });

  it('refuses reversed ranges and ranges over 400 days', () => {
    const deps = memoryDependencies();
    expect(() => resolveRange(deps, '2026-12-02', '2026-12-01')).toThrow(ValidationError);
    expect(resolveRange(deps, '2025-10-29', '2026-12-02')).toEqual({ from: '2025-10-29', to: '2026-12-02' });
    expect(() => resolveRange(deps, '2025-10-28', '2026-12-02')).toThrow(ValidationError);
  });
});

describe('authorizeScope', () => {
  it('lets a district manager into their district, its wards and its units only', async () => {
    const deps = memoryDependencies();
    for (const scope of ['district-001', 'ward-00001', 'department-ward-00004']) await expect(authorizeScope(deps, district, scope), scope).resolves.toBeUndefined();
    for (const scope of ['city', 'district-002', 'ward-00037', 'department-city-transport']) await expect(authorizeScope(deps, district, scope), scope).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('names a scope that does not exist, or of the wrong level, as a bad field', async () => {
    const deps = memoryDependencies();
    for (const scope of ['district-00001', 'ward-001', 'department-nobody', 'planet', 'district-']) {
      await expect(authorizeScope(deps, city, scope), scope).rejects.toMatchObject({ errors: [{ path: 'query.scope' }] });
    }
  });
});

describe('metricsReport', () => {
  it('reads whole months from month counters and the ragged edges from day counters', async () => {
    const deps = memoryDependencies();
    const c = deps.state.counters;
    c.set('city|*|2026-10-31', { received: 100 }); // outside the range
    c.set('city|*|2026-11-30', { received: 2, processed: 1 });
    c.set('city|*|2026-12', { received: 10, processed: 8, onTime: 6, rated: 4, satisfied: 2, acceptable: 1 });
    c.set('city|*|2026-12-01', { received: 999 }); // inside a whole month: the month counter counts, not the days
    c.set('city|*|2027-01-01', { received: 3 });
    const report = await metricsReport(deps, city, { scope: 'city', from: '2026-11-30', to: '2027-01-01', granularity: 'month' });
    expect(report.series.map((s) => [s.period, s.received])).toEqual([['2026-11', 2], ['2026-12', 10], ['2027-01', 3]]);
    expect(report.totals).toMatchObject({ received: 15, processed: 9, responseRate: 0.6, onTimeRate: 0.6667, satisfactionRate: 0.75 });
    const total = await metricsReport(deps, city, { scope: 'city', from: '2026-11-30', to: '2027-01-01', granularity: 'total' });
    expect(total.series).toEqual([expect.objectContaining({ period: '2026-11-30/2027-01-01', received: 15 })]);
  });

  it('fills every day of a daily series, empty rates null', async () => {
    const deps = memoryDependencies();
    deps.state.counters.set('ward-00001|health|2026-12-02', { received: 1 });
    const report = await metricsReport(deps, city, { scope: 'ward-00001', category: 'health', from: '2026-12-01', to: '2026-12-03', granularity: 'day' });
    expect(report.series.map((s) => [s.period, s.received, s.responseRate])).toEqual([['2026-12-01', 0, null], ['2026-12-02', 1, 0], ['2026-12-03', 0, null]]);
    expect(report.category).toBe('health');
    await expect(metricsReport(deps, city, { scope: 'city', category: 'unicorns', granularity: 'total' })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('ranking', () => {
  it('ranks units by the rate asked for, lists small samples apart, and keeps a district manager to their units', async () => {
    const deps = memoryDependencies();
    const c = deps.state.counters;
    c.set('department-ward-00001|*|2026-12-02', { received: 20, processed: 18, onTime: 18 });
    c.set('department-ward-00004|*|2026-12-02', { received: 25, processed: 25, onTime: 20 });
    c.set('department-ward-00037|*|2026-12-02', { received: 30, processed: 30, onTime: 30 });
    c.set('department-city-transport|*|2026-12-02', { received: 2, processed: 2, onTime: 2 });
    const all = await ranking(deps, city, { from: '2026-12-02', to: '2026-12-02', minSample: 20, metric: 'responseRate' });
    expect(all.ranked.map((r) => [r.rank, r.departmentId])).toEqual([[1, 'ward-00037'], [2, 'ward-00004'], [3, 'ward-00001']]);
    expect(all.belowMinSample.map((r) => r.departmentId)).toEqual(['city-transport']);
    const mine = await ranking(deps, district, { from: '2026-12-02', to: '2026-12-02', minSample: 20, metric: 'onTimeRate' });
    expect(mine.ranked.map((r) => r.departmentId)).toEqual(['ward-00001', 'ward-00004']);
    await expect(ranking(deps, { userId: 'm', role: 'manager' }, { from: '2026-12-02', to: '2026-12-02', minSample: 20, metric: 'onTimeRate' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
