/**
 * Daily: uploads granted 7 days ago (and the few days before, should a run have been missed)
 * that were never attached lose their media and their item. The item's TTL comes later, so the
 * sweep still finds what it must delete; incoming/ objects expire by the bucket's lifecycle.
 */
import { sweepUploads } from '../../shared/app/upload-sweep.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { logger } from '../../shared/observability/logger.js';

export async function handler(event: { now?: string } = {}) {
  const result = await sweepUploads(dependencies, event.now ? new Date(event.now) : undefined);
  logger.info('upload sweep', { ...result });
  return result;
}
