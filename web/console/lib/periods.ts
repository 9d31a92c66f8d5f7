/** Dashboard periods as local dates (Asia/Ho_Chi_Minh), and the period just before, of the same length. */
import { localDate } from '../../../shared/domain/working-hours.js';

export type Preset = 'p7' | 'p30' | 'month' | 'year' | 'custom';
export interface Period {
  from: string;
  to: string;
}

const DAY = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
export const daysIn = (p: Period) => Math.round((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / DAY) + 1;

export function presetPeriod(preset: Exclude<Preset, 'custom'>, now = new Date()): Period {
  const today = localDate(now);
  switch (preset) {
    case 'p7':
      return { from: shift(today, -6), to: today };
    case 'p30':
      return { from: shift(today, -29), to: today };
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export function previousPeriod(p: Period): Period {
  const n = daysIn(p);
  return { from: shift(p.from, -n), to: shift(p.from, -1) };
}

/** Days for up to about two months, months beyond. */
export const granularityFor = (p: Period): 'day' | 'month' => (daysIn(p) <= 62 ? 'day' : 'month');
