import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, FIRST_DAY, isDate, LAST_DAY, monthsOf, rangeLengthDays } from '../../../shared/domain/periods.js';

/** Any real calendar day the API accepts, from 1000-01-01 to 9999-12-31. */
const day = fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('isDate', () => {
  it('accepts real calendar days with years 1000–9999 only', () => {
    for (const ok of ['1000-01-01', '9999-12-31', '2028-02-29', '2026-12-02']) expect(isDate(ok), ok).toBe(true);
    for (const bad of ['0999-12-31', '0000-01-01', '10000-01-01', '+010000-01-01', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00', '']) {
      expect(isDate(bad), bad).toBe(false);
    }
    expect([FIRST_DAY, LAST_DAY]).toEqual(['1000-01-01', '9999-12-31']);
  });
});

describe('period arithmetic', () => {
  it('never throws and stays consistent at the edges of the range', () => {
    expect(addDays('9999-12-31', 1)).toBe('9999-12-31');
    expect(addDays('1000-01-01', -1)).toBe('1000-01-01');
    expect(monthsOf('9999-12-01', '9999-12-31')).toEqual([{ month: '9999-12', full: true, from: '9999-12-01', to: '9999-12-31' }]);
    expect(daysBetween('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(monthsOf('1000-01-01', '1000-01-31')[0]!.full).toBe(true);
  });

  it('walks any range day by day and month by month without a gap or a throw', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        expect(isDate(to)).toBe(true);
        const days = daysBetween(from, to);
        expect(days.length).toBe(rangeLengthDays(from, to));
        expect(days[0]).toBe(from);
        expect(days[days.length - 1]).toBe(to);
        const months = monthsOf(from, to);
        expect(months.flatMap((m) => daysBetween(m.from, m.to))).toEqual(days);
      }),
      { numRuns: 300 },
    );
  });
});
