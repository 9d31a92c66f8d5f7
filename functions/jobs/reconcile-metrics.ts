/** Daily: recounts yesterday's counters from the tickets and logs any drift (an alarm can watch it). */
import { reconcileDay } from '../../shared/app/reconcile-metrics.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { addDays } from '../../shared/domain/periods.js';
import { localDate } from '../../shared/domain/working-hours.js';
import { logger } from '../../shared/observability/logger.js';

export async function handler(event: { day?: string } = {}) {
  const day = event.day ?? addDays(localDate(dependencies.clock.now()), -1);
  const report = await reconcileDay(dependencies, day);
  if (report.drift.length) logger.error('metric counters drifted', { day, drift: report.drift.slice(0, 50), driftCount: report.drift.length });
  else logger.info('metric counters reconciled', { day, tickets: report.tickets, events: report.events });
  return report;
}
