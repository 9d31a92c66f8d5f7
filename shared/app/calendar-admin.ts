/** Admins keep the public holidays per year; deadlines computed afterwards skip them. */
import { ValidationError, type FieldError } from '../domain/errors.js';
import { isDate } from '../domain/periods.js';
import type { Dependencies } from './ports.js';

export interface Holidays {
  year: number;
  dates: string[];
}

export async function getHolidays(deps: Pick<Dependencies, 'reference'>, year: number): Promise<Holidays> {
  return { year, dates: (await deps.reference.holidays(year)) ?? [] };
}

/** Replaces the year's holidays: every date real and in that year; duplicates folded, sorted. */
export async function putHolidays(deps: Pick<Dependencies, 'reference'>, year: number, dates: string[]): Promise<Holidays> {
  const errors: FieldError[] = [];
  dates.forEach((date, i) => {
    if (!isDate(date)) errors.push({ path: `body.dates.${i}`, message: `"${date}" is not a date YYYY-MM-DD` });
    else if (!date.startsWith(`${year}-`)) errors.push({ path: `body.dates.${i}`, message: `${date} is not in ${year}` });
  });
  if (errors.length) throw new ValidationError('Some holidays are not dates of this year.', errors);
  const sorted = [...new Set(dates)].sort();
  await deps.reference.putHolidays(year, sorted);
  return { year, dates: sorted };
}
