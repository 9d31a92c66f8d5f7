/**
 * Working-hours arithmetic: Mon–Fri 08:00–12:00 and 13:00–17:00 in Asia/Ho_Chi_Minh, minus
 * public holidays. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
 * offset is exact and far cheaper than Intl on the intake path.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 7 * HOUR;
const WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [8 * HOUR, 12 * HOUR],
  [13 * HOUR, 17 * HOUR],
];

export interface WorkCalendar {
  /** Local dates `YYYY-MM-DD` that are public holidays. */
  holidays: ReadonlySet<string>;
}

/** The local (UTC+7) calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + OFFSET).toISOString().slice(0, 10);
}

/** The instant moved by the local offset, so that its UTC fields read the wall clock in Hanoi; undefined for a string that is no instant. */
export function wallClock(iso: string): Date | undefined {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : new Date(t + OFFSET);
}

/** An ISO instant with the +07:00 offset, where a person or a spec reads local time (CSV, GeoReport); JSON replies carry UTC. */
export function toLocalIso(iso: string): string {
  const d = wallClock(iso);
  return d ? `${d.toISOString().slice(0, 19)}+07:00` : iso;
}

function isWorkingDay(localDayStart: number, calendar: WorkCalendar): boolean {
  const day = new Date(localDayStart);
  const weekday = day.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !calendar.holidays.has(day.toISOString().slice(0, 10));
}

/** Guards against a calendar with no working day at all (e.g. a year of holidays). */
const MAX_DAYS = 3 * 366;

/**
 * The instant `hours` working hours after `start`. A deadline that uses up a window exactly
 * ends at that window's close (12:00 or 17:00), not at the next opening.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkCalendar): Date {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
  let remaining = Math.round(hours * HOUR);
  let local = start.getTime() + OFFSET;
  if (remaining === 0) return new Date(start.getTime());
  for (let days = 0; days < MAX_DAYS; days++) {
    const dayStart = Math.floor(local / DAY) * DAY;
    if (isWorkingDay(dayStart, calendar)) {
      for (const [open, close] of WINDOWS) {
        const windowEnd = dayStart + close;
        if (local >= windowEnd) continue;
        const from = Math.max(local, dayStart + open);
        const available = windowEnd - from;
        if (remaining <= available) return new Date(from + remaining - OFFSET);
        remaining -= available;
        local = windowEnd;
      }
    }
    local = dayStart + DAY;
  }
  throw new RangeError('the calendar has no working time within three years');
}

/** Working hours elapsed from `from` to `to` (0 when `to` is not after `from`). */
export function workingHoursBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let local = from.getTime() + OFFSET;
  const end = to.getTime() + OFFSET;
  let total = 0;
  while (local < end) {
    const dayStart = Math.floor(local / DAY) * DAY;
    if (isWorkingDay(dayStart, calendar)) {
      for (const [open, close] of WINDOWS) {
        const a = Math.max(local, dayStart + open);
        const b = Math.min(end, dayStart + close);
        if (b > a) total += b - a;
      }
    }
    local = dayStart + DAY;
  }
  return total / HOUR;
}
