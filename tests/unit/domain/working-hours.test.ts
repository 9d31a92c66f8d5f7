import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingHours, localDate, workingHoursBetween } from '../../../shared/domain/working-hours.js';
import { seedHolidays } from '../../../shared/reference/holidays.js';

const noHolidays = { holidays: new Set<string>() };
const vn = { holidays: new Set(Object.values(seedHolidays).flat()) };
/** Local (UTC+7) wall-clock time → instant. */
const hcm = (local: string) => new Date(`${local}+07:00`);

const hanoi = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh', weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hourCycle: 'h23',
});
/**
 * The property's oracle, kept apart from the module it checks: Hanoi's wall clock from the
 * platform's time-zone data, not the module's fixed offset. Window edges count as inside.
 */
function inWorkingTime(at: Date, holidays: ReadonlySet<string>): boolean {
  const p = Object.fromEntries(hanoi.formatToParts(at).map(({ type, value }) => [type, value]));
  if (p.weekday === 'Sat' || p.weekday === 'Sun' || holidays.has(`${p.year}-${p.month}-${p.day}`)) return false;
  const minute = Number(p.hour) * 60 + Number(p.minute) + (Number(p.second) + Number(p.fractionalSecond) / 1000) / 60;
  return (minute >= 8 * 60 && minute <= 12 * 60) || (minute >= 13 * 60 && minute <= 17 * 60);
}

describe('addWorkingHours', () => {
  it('counts only the morning and afternoon windows', () => {
    // Monday 2026-11-23 09:00 + 4h = 14:00 (12:00–13:00 is lunch)
    expect(addWorkingHours(hcm('2026-11-23T09:00:00'), 4, noHolidays)).toEqual(hcm('2026-11-23T14:00:00'));
  });

  it('starts the clock at 08:00 when work arrives at night', () => {
    expect(addWorkingHours(hcm('2026-11-23T22:15:00'), 1, noHolidays)).toEqual(hcm('2026-11-24T09:00:00'));
  });

  it('skips the weekend', () => {
    // Friday 16:00 + 2h = Monday 09:00
    expect(addWorkingHours(hcm('2026-11-27T16:00:00'), 2, noHolidays)).toEqual(hcm('2026-11-30T09:00:00'));
  });

  it('ends a deadline that uses up a window at its close, not the next opening', () => {
    expect(addWorkingHours(hcm('2026-11-23T08:00:00'), 8, noHolidays)).toEqual(hcm('2026-11-23T17:00:00'));
    expect(addWorkingHours(hcm('2026-11-23T08:00:00'), 4, noHolidays)).toEqual(hcm('2026-11-23T12:00:00'));
  });

  it('skips Tết 2026 (14–22 Feb) entirely', () => {
    // Friday 13 Feb 16:00 + 2h → Monday 23 Feb 09:00
    expect(addWorkingHours(hcm('2026-02-13T16:00:00'), 2, vn)).toEqual(hcm('2026-02-23T09:00:00'));
  });

  it('gives 5 working days for a normal case (40 h)', () => {
    expect(addWorkingHours(hcm('2026-11-23T10:30:00'), 40, noHolidays)).toEqual(hcm('2026-11-30T10:30:00'));
  });

  it('rejects negative or non-finite hours', () => {
    expect(() => addWorkingHours(new Date(), -1, noHolidays)).toThrow(RangeError);
    expect(() => addWorkingHours(new Date(), Number.NaN, noHolidays)).toThrow(RangeError);
  });
});

describe('working-hours properties', () => {
  const instant = fc.date({ min: new Date('2025-06-01T00:00:00Z'), max: new Date('2027-10-01T00:00:00Z'), noInvalidDate: true });
  const hours = fc.double({ min: 0.25, max: 200, noNaN: true });

  it('never lands outside working time', () => {
    fc.assert(
      fc.property(instant, hours, (start, h) => {
        expect(inWorkingTime(addWorkingHours(start, h, vn), vn.holidays)).toBe(true);
      }),
    );
  });

  it('is monotonic in the hours added and in the start', () => {
    fc.assert(
      fc.property(instant, hours, hours, (start, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addWorkingHours(start, lo, vn).getTime()).toBeLessThanOrEqual(addWorkingHours(start, hi, vn).getTime());
      }),
    );
    fc.assert(
      fc.property(instant, instant, hours, (s1, s2, h) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        expect(addWorkingHours(early, h, vn).getTime()).toBeLessThanOrEqual(addWorkingHours(late, h, vn).getTime());
      }),
    );
  });

  it('skips holidays: no working time is counted on one', () => {
    fc.assert(
      fc.property(instant, hours, (start, h) => {
        const due = addWorkingHours(start, h, vn);
        expect(vn.holidays.has(localDate(due))).toBe(false);
        // the hours between start and due are exactly the hours added (to the minute)
        expect(workingHoursBetween(start, due, vn)).toBeCloseTo(Math.round(h * 3600_000) / 3600_000, 6);
      }),
    );
  });
});
