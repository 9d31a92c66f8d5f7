import { describe, expect, it } from 'vitest';
import { bucketOf, cohortPeriods, incrementsFor, quantileHours, responseBucketsHours, toMetricRow, type CountedEvent } from '../../../shared/domain/metrics.js';
import { monthsOf } from '../../../shared/domain/periods.js';

const ticket = { departmentId: 'ward-00001', category: 'environment', wardCode: '00001', districtCode: '001', createdAt: '2026-11-23T02:00:00.000Z', dueAt: '2026-11-30T02:00:00.000Z', reopenCount: 0 };
const event = (type: string, at = '2026-11-24T02:00:00.000Z', data: Record<string, unknown> = {}, t = ticket): CountedEvent => ({ eventId: 'e', type, at, data, ticket: t });

describe('incrementsFor', () => {
  it('counts a new ticket as received in every scope, overall and for its category', () => {
    const incs = incrementsFor(event('created'));
    expect(incs.map((i) => `${i.scope}|${i.category}`).sort()).toEqual(
      ['city|*', 'city|environment', 'department-ward-00001|*', 'department-ward-00001|environment', 'district-001|*', 'district-001|environment', 'ward-00001|*', 'ward-00001|environment'].sort(),
    );
    expect(incs.every((i) => i.counters.received === 1)).toBe(true);
  });

  it('counts a first answer as processed, on time or not, with its response time bucket', () => {
    const [early] = incrementsFor(event('responded', '2026-11-23T05:00:00.000Z'));
    expect(early!.counters).toEqual({ responded: 1, processed: 1, onTime: 1, [`h${bucketOf(3)}`]: 1 });
    const [late] = incrementsFor(event('rejected', '2026-12-05T02:00:00.000Z'));
    expect(late!.counters).toEqual({ rejected: 1, processed: 1, [`h${bucketOf(12 * 24)}`]: 1 }); // 12 days late, not on time
  });

  it('does not count an answered ticket as processed again when it is rejected', () => {
    const [rejected] = incrementsFor(event('rejected', undefined, {}, { ...ticket, respondedAt: '2026-11-23T05:00:00.000Z' } as typeof ticket));
    expect(rejected!.counters).toEqual({ rejected: 1 });
  });

  it('does not count a ticket as processed twice after it was reopened', () => {
    const [again] = incrementsFor(event('responded', undefined, {}, { ...ticket, reopenCount: 1 }));
    expect(again!.counters).toEqual({ responded: 1 });
  });

  it('counts ratings by level, reopenings, overdue flags and transfers to the new unit only', () => {
    expect(incrementsFor(event('rated', undefined, { rating: 'not_satisfied' }))[0]!.counters).toEqual({ rated: 1, notSatisfied: 1 });
    expect(incrementsFor(event('rated', undefined, { rating: 'bogus' }))).toEqual([]);
    expect(incrementsFor(event('reopened'))[0]!.counters).toEqual({ reopened: 1 });
    expect(incrementsFor(event('overdue'))[0]!.counters).toEqual({ overdue: 1 });
    expect(incrementsFor(event('transferred'))).toEqual([{ scope: 'department-ward-00001', category: '*', counters: { received: 1 } }]);
    expect(incrementsFor(event('note_added'))).toEqual([]);
  });

  it('files counters under the local day the ticket was received', () => {
    // 23:30 UTC on the 23rd is 06:30 on the 24th in Hanoi
    expect(cohortPeriods('2026-11-23T23:30:00.000Z')).toEqual({ day: '2026-11-24', month: '2026-11' });
  });
});

describe('rates and quantiles', () => {
  it('are null, never NaN, when nothing was counted', () => {
    const row = toMetricRow({});
    expect(row).toMatchObject({ received: 0, responseRate: null, onTimeRate: null, satisfactionRate: null, medianResponseHours: null, p90ResponseHours: null });
  });

  it('follow API.md’s definitions', () => {
    const row = toMetricRow({ received: 8, processed: 6, onTime: 3, rated: 4, satisfied: 1, acceptable: 2, notSatisfied: 1 });
    expect(row).toMatchObject({ responseRate: 0.75, onTimeRate: 0.5, satisfactionRate: 0.75 });
  });

  it('reads the median and p90 from the histogram', () => {
    const histogram = responseBucketsHours.map(() => 0).concat(0);
    histogram[bucketOf(3)] = 10; // (2, 4]
    histogram[bucketOf(30)] = 10; // (24, 48]
    expect(quantileHours(histogram, 0.5)).toBe(4);
    expect(quantileHours(histogram, 0.9)).toBeCloseTo(43.2, 5);
    expect(quantileHours(histogram.map(() => 0), 0.5)).toBeNull();
  });
});

describe('monthsOf', () => {
  it('splits a range into whole months and ragged edges', () => {
    expect(monthsOf('2026-10-15', '2026-12-31')).toEqual([
      { month: '2026-10', full: false, from: '2026-10-15', to: '2026-10-31' },
      { month: '2026-11', full: true, from: '2026-11-01', to: '2026-11-30' },
      { month: '2026-12', full: true, from: '2026-12-01', to: '2026-12-31' },
    ]);
    expect(monthsOf('2028-02-01', '2028-02-29')[0]!.full).toBe(true);
  });
});
