/**
 * Hourly: tickets closed or rejected RETENTION_MONTHS (default 24) months ago, by local day,
 * lose their personal data the way an erasure removes it; erasures a crash left pending are
 * finished. Idempotent: a ticket already cleared leaves the index the job reads.
 */
import { runRetention } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { retentionMonths } from '../../shared/domain/personal-data.js';
import { logger } from '../../shared/observability/logger.js';

export async function handler(event: { now?: string } = {}) {
  const result = await runRetention(dependencies, { months: retentionMonths(process.env.RETENTION_MONTHS), ...(event.now ? { now: new Date(event.now) } : {}) });
  logger.info('retention', { ...result });
  return result;
}
