import type { AreaMigrationStore, FlagKind, MigrationFlag, MigrationState, SnapshotEvent } from '../../shared/app/migrate-areas.js';
import type { Area } from '../../shared/domain/area.js';
import { incrementsFor } from '../../shared/domain/metrics.js';
import { localDate } from '../../shared/domain/working-hours.js';
import type { AreaMapping } from '../../shared/reference/area-mapping.js';
import { CountedEventItem } from '../../shared/schemas/event-item.js';
import type { MemoryDependencies } from './memory.js';

const copy = <T>(value: T): T => structuredClone(value);

/**
 * The area migration's store (shared/app/migrate-areas.ts) over the in-memory tickets and day
 * counters: moving an event rewrites its snapshot and moves its counters in one step, only
 * while the event still has the snapshot the migration read, as the DynamoDB store does.
 */
export function memoryAreaMigration(deps: MemoryDependencies, setup: { mappings: AreaMapping[]; areas: Area[] }) {
  let state: MigrationState | undefined;
  const flags = new Map<string, MigrationFlag & { flaggedAt: string }>();
  const fresh = new Map(setup.areas.map((a) => [a.code, copy(a)]));
  const count = (event: unknown, sign: 1 | -1) => {
    const parsed = CountedEventItem.parse(event);
    const day = localDate(new Date(parsed.ticket.createdAt));
    for (const { scope, category, counters } of incrementsFor(parsed)) {
      const key = `${scope}|${category}|${day}`;
      const next = { ...deps.state.counters.get(key) };
      for (const [field, value] of Object.entries(counters)) next[field] = (next[field] ?? 0) + sign * value;
      deps.state.counters.set(key, next);
    }
  };
  const store: AreaMigrationStore = {
    async mappings() {
      return copy(setup.mappings);
    },
    async areas(codes) {
      return new Map(codes.flatMap((c) => (fresh.has(c) ? [[c, copy(fresh.get(c)!)] as const] : [])));
    },
    async state() {
      return state && copy(state);
    },
    async checkpoint({ cursor, done, addDays, newPass }) {
      const days = new Set(newPass ? [] : (state?.days ?? []));
      for (const d of addDays ?? []) days.add(d);
      state = { ...(cursor ? { cursor } : {}), done, days: [...days].sort() };
    },
    async legacyTickets(cursor, limit) {
      const ids = [...deps.state.tickets.values()].filter((t) => t.location.districtCode && (!cursor || t.id > cursor)).map((t) => t.id).sort();
      const page = ids.slice(0, limit);
      return { ids: page, ...(ids.length > limit ? { cursor: page.at(-1)! } : {}) };
    },
    async moveEvent(event, next) {
      const stored = deps.state.events.get(event.ticketId)?.find((e) => e.version === event.version) as SnapshotEvent | undefined;
      const same = stored?.ticket.districtCode !== undefined && stored.ticket.wardCode === event.ticket.wardCode && stored.ticket.departmentId === event.ticket.departmentId;
      if (!stored || !same) return false;
      count(stored, -1);
      stored.ticket = copy(next) as SnapshotEvent['ticket'];
      count(stored, 1);
      return true;
    },
    async flag(flag, now) {
      const key = `${flag.kind}|${flag.id}`;
      const had = flags.get(key);
      flags.set(key, { ...copy(flag), ...(had?.resolution ? { resolution: had.resolution } : {}), flaggedAt: had?.flaggedAt ?? now.toISOString() });
    },
    async flags(filter) {
      return [...flags.values()].filter((f) => !filter || (f.kind === filter.kind && f.id === filter.id)).map(({ flaggedAt: _at, ...f }) => copy(f));
    },
  };
  /** An admin's answer to a split: the next run moves the ticket there. */
  const resolve = (kind: FlagKind, id: string, resolution: string) => void flags.set(`${kind}|${id}`, { ...flags.get(`${kind}|${id}`)!, resolution });
  /** Plays the metrics consumer: every stored event counted once into its cohort day. */
  const countAll = () => {
    for (const events of deps.state.events.values()) for (const e of events) count(e, 1);
  };
  return { ...deps, migration: store, resolve, countAll };
}
