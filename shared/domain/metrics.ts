/**
 * Metric math. Counters are kept per scope × category × period and keyed by the ticket's
 * cohort: the local day (Asia/Ho_Chi_Minh) it was received. "Processed in November" thus means
 * "of the tickets received in November, how many were processed", so a rate never exceeds
 * 100% and a late rating still lands on the ticket it rates.
 */
import type { CountedEvent } from '../schemas/event-item.js';
import { ANY_CATEGORY } from './category.js';
import { scopeKey, type Scope } from './scope.js';
import type { Rating } from './ticket.js';
import { localDate } from './working-hours.js';

export const counterFields = [
  'received', 'processed', 'responded', 'rejected', 'onTime', 'overdue',
  'rated', 'satisfied', 'acceptable', 'notSatisfied', 'reopened', 'followers', 'duplicates',
] as const;
/** Fed by follow events (outbox items beside the ticket), not by ticket events: reconciliation cannot recount them. */
export const followCounterFields: ReadonlySet<CounterField> = new Set(['followers']);
export type CounterField = (typeof counterFields)[number];

/** Upper bounds (hours) of the response-time buckets; the last bucket is open-ended. */
export const responseBucketsHours = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 720] as const;
export const histogramFields = [...responseBucketsHours.map((_, i) => `h${i}`), `h${responseBucketsHours.length}`];

export type Counters = Record<string, number>;

/** An event item as counting reads it: its one contract is shared/schemas/event-item.ts. */
export type { CountedEvent };

export interface Increment {
  scope: string;
  category: string;
  counters: Counters;
}

const ratingField: Record<Rating, CounterField> = { satisfied: 'satisfied', acceptable: 'acceptable', not_satisfied: 'notSatisfied' };

export function bucketOf(hours: number): number {
  const i = responseBucketsHours.findIndex((upper) => hours <= upper);
  return i < 0 ? responseBucketsHours.length : i;
}

/** The counters one event moves, for every scope it belongs to (empty: the event counts nothing). */
export function incrementsFor(event: CountedEvent): Increment[] {
  const { ticket } = event;
  const counters: Counters = {};
  const add = (field: string) => (counters[field] = (counters[field] ?? 0) + 1);
  // Processed once per ticket: not again after a reopening, nor when an answered ticket is rejected.
  const firstProcessing = !ticket.reopenCount && (event.type !== 'rejected' || !ticket.respondedAt);
  switch (event.type) {
    case 'created':
      add('received');
      break;
    case 'responded':
    case 'rejected':
      add(event.type);
      if (event.type === 'rejected' && event.data.reasonCode === 'duplicate') add('duplicates');
      if (firstProcessing) {
        add('processed');
        if (event.at <= ticket.dueAt) add('onTime');
        add(`h${bucketOf((Date.parse(event.at) - Date.parse(ticket.createdAt)) / 3_600_000)}`);
      }
      break;
    case 'rated': {
      const rating = event.data.rating as Rating;
      if (!ratingField[rating]) return [];
      add('rated');
      add(ratingField[rating]);
      break;
    }
    case 'reopened':
      add('reopened');
      break;
    case 'followed':
    case 'unfollowed': {
      const count = typeof event.data.count === 'number' && event.data.count > 0 ? event.data.count : 1;
      counters.followers = event.type === 'followed' ? count : -count;
      break;
    }
    case 'overdue':
      // A ticket overdue again at another unit (after a transfer) is still one overdue ticket.
      if (((event.data.overdueCount as number | undefined) ?? 1) > 1) return [];
      add('overdue');
      break;
    case 'transferred':
      // The receiving unit received it too (it answers for it now); areas and the city did not.
      return [{ scope: scopeKey({ kind: 'department', id: ticket.departmentId }), category: ANY_CATEGORY, counters: { received: 1 } }];
    default:
      return [];
  }
  const scopes: Scope[] = [{ kind: 'city' }, { kind: 'ward', code: ticket.wardCode }, { kind: 'department', id: ticket.departmentId }];
  if (ticket.districtCode) scopes.push({ kind: 'district', code: ticket.districtCode });
  return scopes.map(scopeKey).flatMap((scope) => [
    { scope, category: ANY_CATEGORY, counters },
    { scope, category: ticket.category, counters },
  ]);
}

/** The periods a ticket's counters go to: its cohort day and month. */
export function cohortPeriods(createdAt: string): { day: string; month: string } {
  const day = localDate(new Date(createdAt));
  return { day, month: day.slice(0, 7) };
}

export interface MetricRow {
  received: number;
  processed: number;
  responded: number;
  rejected: number;
  onTime: number;
  overdue: number;
  rated: number;
  satisfied: number;
  acceptable: number;
  notSatisfied: number;
  reopened: number;
  followers: number;
  duplicates: number;
  responseRate: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  medianResponseHours: number | null;
  p90ResponseHours: number | null;
}

export function sumCounters(items: Iterable<Counters>): Counters {
  const total: Counters = {};
  for (const item of items) for (const [k, v] of Object.entries(item)) if (typeof v === 'number') total[k] = (total[k] ?? 0) + v;
  return total;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

/** Counters → the row the API shows: rates with a zero denominator are null, never NaN. */
export function toMetricRow(c: Counters): MetricRow {
  const get = (f: string) => c[f] ?? 0;
  const histogram = histogramFields.map(get);
  return {
    received: get('received'),
    processed: get('processed'),
    responded: get('responded'),
    rejected: get('rejected'),
    onTime: get('onTime'),
    overdue: get('overdue'),
    rated: get('rated'),
    satisfied: get('satisfied'),
    acceptable: get('acceptable'),
    notSatisfied: get('notSatisfied'),
    reopened: get('reopened'),
    followers: get('followers'),
    duplicates: get('duplicates'),
    responseRate: ratio(get('processed'), get('received')),
    onTimeRate: ratio(get('onTime'), get('processed')),
    satisfactionRate: ratio(get('satisfied') + get('acceptable'), get('rated')),
    medianResponseHours: quantileHours(histogram, 0.5),
    p90ResponseHours: quantileHours(histogram, 0.9),
  };
}

/**
 * A quantile read from the histogram, interpolated linearly inside its bucket (the open-ended
 * last bucket reports its lower bound).
 */
export function quantileHours(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i]!;
    if (count > 0 && seen + count >= rank) {
      const lower = i === 0 ? 0 : responseBucketsHours[i - 1]!;
      const upper = responseBucketsHours[i];
      if (upper === undefined) return lower;
      return Math.round((lower + ((rank - seen) / count) * (upper - lower)) * 100) / 100;
    }
    seen += count;
  }
  return null;
}
