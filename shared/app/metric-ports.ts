/** Reading the metric counters the stream consumer keeps. */
import type { Counters } from '../domain/metrics.js';

export interface MetricReader {
  /** Counters of one scope × category for each period between `from` and `to` (days `YYYY-MM-DD` or months `YYYY-MM`). */
  counters(scope: string, category: string, granularity: 'day' | 'month', from: string, to: string): Promise<Map<string, Counters>>;
  /** Every department's counters for one day or month. */
  departments(granularity: 'day' | 'month', period: string): Promise<Map<string, Counters>>;
}
