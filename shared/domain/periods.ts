/**
 * Calendar days and months as `YYYY-MM-DD` / `YYYY-MM` strings (local days, no time zone math
 * needed). Days are years 1000–9999 only, so every day is ten characters, string order is time
 * order, and the arithmetic is done on whole day numbers: nothing here can throw or run past the
 * range (a JavaScript Date overflows into `+010000-…` strings, which then sort before `9999`).
 */
export const FIRST_DAY = '1000-01-01';
export const LAST_DAY = '9999-12-31';
export const MAX_RANGE_DAYS = 400;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** The one test of a date anywhere in the API: a real calendar day, years 1000–9999. */
export function isDate(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function dayNumber(day: string): number {
  const [y0, m, d] = day.split('-').map(Number) as [number, number, number];
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dayString(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const FIRST = dayNumber(FIRST_DAY);
const LAST = dayNumber(LAST_DAY);

/** `day` moved by `n` days, held inside FIRST_DAY…LAST_DAY (a default range near an edge just starts or ends there). */
export function addDays(day: string, n: number): string {
  return dayString(Math.min(LAST, Math.max(FIRST, dayNumber(day) + n)));
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let n = dayNumber(from), end = dayNumber(to); n <= end; n++) days.push(dayString(n));
  return days;
}

export function rangeLengthDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** The months a range touches, each with the days of it inside the range (all of them when `full`). */
export function monthsOf(from: string, to: string): Array<{ month: string; full: boolean; from: string; to: string }> {
  const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
  const months = [];
  for (let i = index(from), end = index(to); i <= end; i++) {
    const [y, m] = [Math.floor(i / 12), (i % 12) + 1];
    const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    const start = `${month}-01`;
    const last = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
    const a = from > start ? from : start;
    const b = to < last ? to : last;
    months.push({ month, full: a === start && b === last, from: a, to: b });
  }
  return months;
}
