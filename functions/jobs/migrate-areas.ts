/**
 * Invoked by hand (an on-demand job of the stack, shared/background.ts: `aws lambda invoke` on the
 * `MigrateAreasFunction` output; or `POST /dev/jobs/migrate-areas` locally), once the 2025 catalog is seeded
 * over a 2024 table: moves departments, rules and tickets to the 2025 codes (shared/app/migrate-areas.ts).
 * It stops a minute before the Lambda's time runs out with `done: false`; invoke it again to
 * continue from its checkpoint.
 */
import type { Context } from 'aws-lambda';
import { migrateAreas } from '../../shared/app/migrate-areas.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { dynamoAreaMigrationStore } from '../../shared/adapters/dynamodb/area-migration-store.js';
import { logger } from '../../shared/observability/logger.js';

/** Enough for one more page of tickets and the checkpoint after it. */
const SAFETY_MS = 60_000;

export async function handler(event: { pageSize?: number; stopAfterTickets?: number } = {}, context?: Pick<Context, 'getRemainingTimeInMillis'>) {
  const report = await migrateAreas(
    { ...dependencies, migration: dynamoAreaMigrationStore },
    {
      ...(event.pageSize ? { pageSize: event.pageSize } : {}),
      shouldStop: (progress) =>
        (event.stopAfterTickets !== undefined && progress.scanned >= event.stopAfterTickets) || (context?.getRemainingTimeInMillis?.() ?? Infinity) < SAFETY_MS,
    },
  );
  const { flags, ...summary } = report;
  if (report.reconciled?.drift.length) logger.error('area migration: metric counters drifted', { drift: report.reconciled.drift.slice(0, 50) });
  logger.info('area migration', { ...summary, reconciled: report.reconciled && { days: report.reconciled.days, drift: report.reconciled.drift.length }, flags: flags.length });
  return report;
}
