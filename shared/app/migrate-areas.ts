/**
 * The area migration: moves departments, routing rules and tickets written on the 2024
 * three-level map onto the 2025 two-level map, with the old → new ward table the 2025 seed
 * writes (`AREA_MAPPING#2024`). Run it after seeding the 2025 catalog over a 2024 table.
 *
 * Idempotent: every step computes the target state and writes only what differs, and a ticket
 * is on the old map exactly while it carries a `districtCode` (shared/domain/area-migration.ts),
 * so a second run changes nothing. Resumable: tickets are scanned in pages and the scan's
 * position is checkpointed after each page; a run that stops (time budget, crash) continues
 * from there, and whatever the last page had already done is found done. A ticket split between
 * wards is flagged for an admin, never guessed.
 *
 * Metrics: each counted event's counters move from its old scopes (ward, district, unit) to its
 * new ones in the same transaction that rewrites the event's snapshot (so exactly once, and in
 * any order with the stream consumer, since ADDs commute); the city's totals do not move. Then
 * the reconciliation recounts every cohort day the migration touched from the rewritten events
 * and reports any drift.
 */
import type { Area } from '../domain/area.js';
import { buildRuleIndex, codesFromWard, decideRoute, ruleSlot, type RuleIndex } from '../domain/routing.js';
import {
  migrateSnapshot,
  migrateTicket,
  planDepartment,
  planRule,
  ticketUnits,
  wardMove,
  wardTable,
  type WardTable,
} from '../domain/area-migration.js';
import { areaUnitId, type Department } from '../domain/department.js';
import { VersionConflictError } from '../domain/errors.js';
import type { Ticket, TicketEvent } from '../domain/ticket.js';
import { localDate } from '../domain/working-hours.js';
import type { AreaMapping } from '../reference/area-mapping.js';
import { areaCommittee } from '../reference/departments.js';
import type { EventTicketSnapshot } from '../schemas/event-item.js';
import type * as z from 'zod';
import type { Dependencies } from './ports.js';
import { reconcileDay, type Drift } from './reconcile-metrics.js';

type Snapshot = z.infer<typeof EventTicketSnapshot>;
export type SnapshotEvent = TicketEvent & { ticket: Snapshot };

export type FlagKind = 'ticket' | 'rule' | 'department';

/** Something the migration would not decide: listed for an admin (see docs/data-model.md). */
export interface MigrationFlag {
  kind: FlagKind;
  id: string;
  reason: string;
  /** The 2024 ward (or area) the item names. */
  oldCode: string;
  /** The 2025 wards it could go to (a split), if any. */
  candidates: readonly string[];
  detail?: string;
  /** Set by an admin to one of the candidates: the next run moves the ticket there. */
  resolution?: string;
}

export interface MigrationState {
  /** Where the ticket scan stands (opaque); absent at the start of a pass. */
  cursor?: string;
  /** true once a pass has finished: the next run starts a new pass. */
  done: boolean;
  /** Cohort days of the tickets moved in this pass (the reconciliation's work). */
  days: string[];
}

export interface AreaMigrationStore {
  mappings(): Promise<AreaMapping[]>;
  /** Areas read afresh (not from an instance's cache, which may predate the 2025 seed). */
  areas(codes: readonly string[]): Promise<Map<string, Area>>;
  state(): Promise<MigrationState | undefined>;
  /** Saves the scan position; `days` are added to the pass's set. */
  checkpoint(update: { cursor?: string; done: boolean; addDays?: readonly string[]; newPass?: boolean }): Promise<void>;
  /** Ids of tickets still on the 2024 map, from `cursor`; `cursor` absent in the reply: the scan is complete. */
  legacyTickets(cursor: string | undefined, limit: number): Promise<{ ids: string[]; cursor?: string }>;
  /**
   * Rewrites one event's snapshot and moves its counters from the old snapshot's scopes to the
   * new one's, atomically, if the event still has the old snapshot; false when it no longer had.
   */
  moveEvent(event: SnapshotEvent, next: Snapshot): Promise<boolean>;
  flag(flag: MigrationFlag, now: Date): Promise<void>;
  /** Flags of one item (to read an admin's resolution) or all of them. */
  flags(filter?: { kind: FlagKind; id: string }): Promise<MigrationFlag[]>;
}

export interface MigrationOptions {
  /** Tickets scanned per page (and per checkpoint). */
  pageSize?: number;
  /** Asked before each page: true stops the run with `done: false` (a Lambda's time budget, a test's "crash"). */
  shouldStop?: (progress: MigrationReport['tickets']) => boolean;
}

export interface MigrationReport {
  done: boolean;
  resumed: boolean;
  departments: { rewritten: number; retired: number; flagged: number };
  rules: { moved: number; updated: number; deleted: number; flagged: number };
  tickets: { scanned: number; migrated: number; flagged: number; eventsMoved: number; conflicts: number };
  /** When done: the reconciliation of every cohort day the pass touched. */
  reconciled?: { days: number; drift: Drift[] };
  flags: MigrationFlag[];
}

type Deps = Pick<Dependencies, 'clock' | 'ids' | 'tickets' | 'departments' | 'rules' | 'metrics'> & { migration: AreaMigrationStore };

const MAX_TICKET_ATTEMPTS = 5;

export async function migrateAreas(deps: Deps, options: MigrationOptions = {}): Promise<MigrationReport> {
  const pageSize = options.pageSize ?? 200;
  const mappings = await deps.migration.mappings();
  if (mappings.length === 0) throw new Error('No 2024 → 2025 ward table (AREA_MAPPING#2024): seed the 2025 catalog first (AREA_CATALOG=2025).');
  const table = wardTable(mappings);
  const wards = new Map([...(await deps.migration.areas([...table.newWards]))].filter(([, a]) => a.level === 'ward' && !a.districtCode));
  const report: MigrationReport = {
    done: false,
    resumed: false,
    departments: { rewritten: 0, retired: 0, flagged: 0 },
    rules: { moved: 0, updated: 0, deleted: 0, flagged: 0 },
    tickets: { scanned: 0, migrated: 0, flagged: 0, eventsMoved: 0, conflicts: 0 },
    flags: [],
  };

  const previous = await deps.migration.state();
  const resume = previous && !previous.done;
  report.resumed = Boolean(resume && previous.cursor);
  if (!resume) await deps.migration.checkpoint({ done: false, newPass: true });

  // Reference data first (small, idempotent, redone on a resume): tickets route by the migrated rules.
  await migrateDepartments(deps, table, wards, report);
  await migrateRules(deps, table, report);
  const index = buildRuleIndex(await deps.rules.all());

  let cursor = resume ? previous.cursor : undefined;
  do {
    if (options.shouldStop?.(report.tickets)) {
      report.flags = await deps.migration.flags();
      return report;
    }
    const page = await deps.migration.legacyTickets(cursor, pageSize);
    const days = new Set<string>();
    for (const id of page.ids) {
      report.tickets.scanned++;
      const day = await migrateOneTicket(deps, table, wards, index, id, report);
      if (day) days.add(day);
    }
    cursor = page.cursor;
    await deps.migration.checkpoint({ cursor, done: false, addDays: [...days] });
  } while (cursor);

  const state = await deps.migration.state();
  const drift: Drift[] = [];
  for (const day of state?.days ?? []) drift.push(...(await reconcileDay(deps, day)).drift);
  await deps.migration.checkpoint({ done: true });
  report.done = true;
  report.reconciled = { days: state?.days.length ?? 0, drift };
  report.flags = await deps.migration.flags();
  return report;
}

async function allDepartments(deps: Deps): Promise<Department[]> {
  const all: Department[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.departments.list({ limit: 100, cursor });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** `wards`: the 2025 wards of the table, as the 2025 seed wrote them (over the 2024 items of the same codes). */
async function migrateDepartments(deps: Deps, table: WardTable, wards: ReadonlyMap<string, Area>, report: MigrationReport) {
  const departments = await allDepartments(deps);
  const byId = new Map(departments.map((d) => [d.id, d]));
  const as2025 = (d: Department): Department | undefined => {
    const area = wards.get(d.areaCode);
    if (!area) return undefined;
    const district = d.districtCode ? byId.get(areaUnitId('district', d.districtCode)) : undefined;
    const parentId = district?.parentId ?? d.parentId;
    return { ...areaCommittee(area, parentId ?? ''), active: d.active };
  };
  for (const d of departments) {
    const plan = planDepartment(d, table, as2025);
    if (plan.action === 'write') {
      await deps.departments.put(plan.department);
      report.departments[plan.why]++;
    } else if (plan.action === 'flag') {
      await deps.migration.flag({ kind: 'department', id: d.id, reason: plan.reason, oldCode: d.areaCode, candidates: plan.candidates }, deps.clock.now());
      report.departments.flagged++;
    }
  }
}

async function migrateRules(deps: Deps, table: WardTable, report: MigrationReport) {
  const rules = await deps.rules.all();
  const slots = new Map(rules.map((r) => [ruleSlot(r), r]));
  for (const rule of rules) {
    const plan = planRule(rule, table, (category, areaCode) => slots.get(ruleSlot({ category, areaCode })));
    if (plan.action === 'delete') {
      await deps.rules.delete(rule);
      slots.delete(ruleSlot(rule));
      report.rules.deleted++;
    } else if (plan.action === 'put') {
      await deps.rules.put(plan.rule, rule);
      slots.delete(ruleSlot(rule));
      slots.set(ruleSlot(plan.rule), plan.rule);
      report.rules[plan.why === 'moved' ? 'moved' : 'updated']++;
    } else if (plan.action === 'flag') {
      await deps.migration.flag({ kind: 'rule', id: rule.id, reason: plan.reason, oldCode: rule.areaCode, candidates: plan.candidates, ...(plan.detail ? { detail: plan.detail } : {}) }, deps.clock.now());
      report.rules.flagged++;
    }
  }
}

/** One ticket onto the new map; the cohort day whose counters it moved, if it moved. */
async function migrateOneTicket(deps: Deps, table: WardTable, wards: ReadonlyMap<string, Area>, index: RuleIndex, id: string, report: MigrationReport): Promise<string | undefined> {
  for (let attempt = 1; attempt <= MAX_TICKET_ATTEMPTS; attempt++) {
    const ticket = await deps.tickets.get(id);
    if (!ticket?.location.districtCode) return undefined;
    const oldWard = ticket.location.wardCode;
    const resolution = (await deps.migration.flags({ kind: 'ticket', id }))[0]?.resolution;
    const move = wardMove(table, oldWard, resolution);
    if (move.kind !== 'moved') {
      await deps.migration.flag({ kind: 'ticket', id, reason: move.kind, oldCode: oldWard, candidates: move.kind === 'split' ? move.candidates : [] }, deps.clock.now());
      report.tickets.flagged++;
      return undefined;
    }
    const units = ticketUnits(table, oldWard, move.to, routedUnit(index, wards, ticket, move.to));
    for (const event of (await deps.tickets.events(id)) as SnapshotEvent[]) {
      if (!event.ticket?.districtCode) continue;
      if (await deps.migration.moveEvent(event, migrateSnapshot(event.ticket, move.to, units))) report.tickets.eventsMoved++;
    }
    const next = migrateTicket(ticket, { to: move.to, department: units, at: deps.clock.now().toISOString(), eventId: deps.ids.next() });
    try {
      await deps.tickets.update(next.ticket, next.event, ticket.version);
      report.tickets.migrated++;
      return localDate(new Date(ticket.createdAt));
    } catch (error) {
      // Someone acted on it meanwhile (maybe adding an event on the old map): read it again.
      if (!(error instanceof VersionConflictError)) throw error;
      report.tickets.conflicts++;
    }
  }
  throw new Error(`Ticket ${id} kept changing while the area migration moved it; run the migration again.`);
}

/** Where a district committee's ticket goes now: the current rules for its category in its new ward. */
function routedUnit(index: RuleIndex, wards: ReadonlyMap<string, Area>, ticket: Ticket, ward: string): string {
  const area = wards.get(ward);
  const codes = area ? codesFromWard(area) : [ward, ...(ticket.location.provinceCode ? [ticket.location.provinceCode] : [])];
  return decideRoute(index, ticket.category, codes).departmentId;
}

