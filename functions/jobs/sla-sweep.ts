/**
 * Every 15 minutes: flags tickets past their deadlines, escalates, auto-closes (see
 * shared/app/sla-sweep.ts) and reports the counts as CloudWatch metrics (EMF).
 * `now` (ISO instant) runs it as of another time: the local runtime's dev route uses it.
 */
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { runSlaSweep } from '../../shared/app/sla-sweep.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { logger } from '../../shared/observability/logger.js';
import { metrics } from '../../shared/observability/metrics.js';

/** Stop paging with this much time left; the next run carries on where the index says. */
const SAFETY_MS = 10_000;

export async function handler(event: { now?: string } = {}, context?: Context) {
  const result = await runSlaSweep(dependencies, {
    ...(event.now ? { now: new Date(event.now) } : {}),
    shouldStop: () => (context ? context.getRemainingTimeInMillis() < SAFETY_MS : false),
  });
  const count = (type: string) => result.changes.filter((c) => c.type === type).length;
  metrics.addMetric('OverdueTickets', MetricUnit.Count, count('overdue'));
  metrics.addMetric('AckOverdueTickets', MetricUnit.Count, count('ack_overdue'));
  metrics.addMetric('EscalatedTickets', MetricUnit.Count, count('escalated'));
  metrics.addMetric('AutoClosedTickets', MetricUnit.Count, count('auto_closed'));
  metrics.addMetric('SweepConflicts', MetricUnit.Count, result.skipped.length);
  metrics.publishStoredMetrics();
  logger.info('sla sweep', { now: result.now, examined: result.examined, changes: result.changes.length, skipped: result.skipped.length, readUnits: result.readUnits, complete: result.complete });
  return result;
}
