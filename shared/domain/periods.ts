/** Calendar days and months as `YYYY-MM-DD` / `YYYY-MM` strings (local days, no time zone math needed). */
const DAY = 86_400_000;

export const MAX_RANGE_DAYS = 400;

export function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function rangeLengthDays(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
}

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The months a range touches, each with the days of it inside the range (all of them when `full`). */
export function monthsOf(from: string, to: string): Array<{ month: string; full: boolean; from: string; to: string }> {
  const months = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
    const start = `${month}-01`;
    const end = lastDayOfMonth(month);
    const a = from > start ? from : start;
    const b = to < end ? to : end;
    months.push({ month, full: a === start && b === end, from: a, to: b });
  }
  return months;
}
