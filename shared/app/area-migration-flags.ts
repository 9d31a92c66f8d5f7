/**
 * What an admin does with the area migration's flags (docs/data-model.md, "Area migration"):
 * reads them, and settles a split ward's ticket by choosing one of its candidate wards, which
 * the next run of the job then moves it to. Rules and departments the job flagged are fixed
 * through their own admin routes, so their flags take no resolution.
 */
import { InvalidStateError, NotFoundError, ValidationError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import type { FlagKind, MigrationFlag } from './migrate-areas.js';
import type { Clock, Page, PageRequest } from './ports.js';

export interface StoredFlag extends MigrationFlag {
  flaggedAt: string;
  resolvedAt?: string;
  resolvedBy?: string;
}

export interface MigrationFlagStore {
  flagPage(query: PageRequest & { kind?: FlagKind }): Promise<Page<StoredFlag>>;
  flag(kind: FlagKind, id: string): Promise<StoredFlag | undefined>;
  /** Records the choice if the flag still offers it; false when it no longer does (rewritten or gone). */
  resolve(kind: FlagKind, id: string, resolution: string, by: string, now: Date): Promise<boolean>;
}

interface Deps {
  migrationFlags: MigrationFlagStore;
  clock: Clock;
}

export function listMigrationFlags(deps: Deps, query: PageRequest & { kind?: FlagKind }): Promise<Page<StoredFlag>> {
  return deps.migrationFlags.flagPage(query);
}

/** Idempotent: the same choice again changes nothing but the time it was made. */
export async function resolveMigrationFlag(deps: Deps, who: Principal, kind: FlagKind, id: string, resolution: string): Promise<StoredFlag> {
  const flag = await deps.migrationFlags.flag(kind, id);
  if (!flag) throw new NotFoundError(`No ${kind} flag ${id}.`);
  if (kind !== 'ticket' || flag.reason !== 'split') {
    throw new InvalidStateError('Only a ticket in a split ward is settled by choosing a ward; fix flagged rules and departments through their own routes.', 'flag_not_resolvable');
  }
  if (!flag.candidates.includes(resolution)) {
    throw new ValidationError('The ward must be one of the flag’s candidates.', [{ path: 'body.resolution', message: `one of ${flag.candidates.join(', ')}` }]);
  }
  const now = deps.clock.now();
  if (!(await deps.migrationFlags.resolve(kind, id, resolution, who.userId, now))) throw new NotFoundError(`No ${kind} flag ${id}.`);
  return { ...flag, resolution, resolvedAt: now.toISOString(), resolvedBy: who.userId };
}
