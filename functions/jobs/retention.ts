/**
 * Daily: removes the personal data of tickets closed or rejected more than RETENTION_MONTHS
 * (default 24) ago, as erasure does, and finishes erasures a crash left pending.
 * `now` (ISO instant) runs it as of another time: the local runtime's dev route uses it.
 */
import { runRetention } from '../../shared/app/personal-data.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { logger } from '../../shared/http/logger.js';

export async function handler(event: { now?: string } = {}) {
  const result = await runRetention(dependencies, event.now ? { now: new Date(event.now) } : {});
  logger.info('retention', { cutoff: result.cutoff, months: result.months, anonymised: result.anonymised.length, resumedErasures: result.resumedErasures.length });
  return result;
}
