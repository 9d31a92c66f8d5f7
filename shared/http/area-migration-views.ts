/** What the admin routes show of a stored migration flag: a whitelist. */
import type * as z from 'zod';
import type { StoredFlag } from '../app/area-migration-flags.js';
import type { MigrationFlag } from '../schemas/area-migration.js';

export function flagView(flag: StoredFlag): z.infer<typeof MigrationFlag> {
  return {
    kind: flag.kind,
    id: flag.id,
    reason: flag.reason as z.infer<typeof MigrationFlag>['reason'],
    oldCode: flag.oldCode,
    candidates: [...flag.candidates],
    ...(flag.detail ? { detail: flag.detail } : {}),
    flaggedAt: flag.flaggedAt,
    ...(flag.resolution ? { resolution: flag.resolution } : {}),
    ...(flag.resolvedAt ? { resolvedAt: flag.resolvedAt } : {}),
    ...(flag.resolvedBy ? { resolvedBy: flag.resolvedBy } : {}),
  };
}
