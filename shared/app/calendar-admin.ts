/** Admins keep the public holidays per year; deadlines computed afterwards skip them. */
import { ValidationError, type FieldError } from '../domain/errors.js';
import type { Dependencies } from './ports.js';

export interface Holidays {
  year: number;
  dates: string[];
}

export async function getHolidays(deps: Pick<Dependencies, 'reference'>, year: number): Promise<Holidays> {
  return { year, dates: (await deps.reference.holidays(year)) ?? [] };
}

/** True for a real calendar date `YYYY-MM-DD` (no 30 February). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Replaces the year's holidays: every date real and in that year; duplicates folded, sorted. */
export async function putHolidays(deps: Pick<Dependencies, 'reference'>, year: number, dates: string[]): Promise<Holidays> {
  const errors: FieldError[] = [];
  dates.forEach((date, i) => {
    if (!isRealDate(date)) errors.push({ path: `body.dates.${i}`, message: `"${date}" is not a date YYYY-MM-DD` });
    else if (!date.startsWith(`${year}-`)) errors.push({ path: `body.dates.${i}`, message: `${date} is not in ${year}` });
  });
  if (errors.length) throw new ValidationError('Some holidays are not dates of this year.', errors);
  const sorted = [...new Set(dates)].sort();
  await deps.reference.putHolidays(year, sorted);
  return { year, dates: sorted };
}
