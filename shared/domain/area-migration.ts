/**
 * Moving data written on the 2024 three-level map (province → district → ward) onto the 2025
 * two-level map, with the old → new ward table. Pure rules; the job (shared/app/migrate-areas.ts)
 * reads and writes.
 *
 * Why decisions key on `districtCode` and on id shapes rather than on ward codes: every 2025 ward
 * code is also a 2024 ward code (the new ward took one of its predecessors' codes), and a few
 * 2024 wards moved to a *different* 2025 ward whose code another 2024 ward had. A ward code alone
 * cannot say which map it speaks; a district can, since the 2025 map has none. So a ticket or an
 * event snapshot is on the 2024 map exactly while it carries a `districtCode`, and migrating it
 * removes that: a second run finds nothing to do.
 */
import { areaUnitId, isDistrictUnit, wardOfUnit, type Department } from './department.js';
import type { RoutingRule } from './routing.js';
import type { Ticket, TicketEvent } from './ticket.js';

export const AREA_MIGRATED_EVENT = 'area_migrated';
export const AREA_MIGRATION_ACTOR = { id: 'area-migration-2025', role: 'system' } as const;

export interface WardTable {
  /** 2024 ward code → its 2025 ward codes (one: moved; several: split). */
  targets: ReadonlyMap<string, readonly string[]>;
  /** Every 2025 ward the table names. */
  newWards: ReadonlySet<string>;
}

export function wardTable(mappings: Iterable<{ oldCode: string; newCodes: readonly string[] }>): WardTable {
  const targets = new Map<string, readonly string[]>();
  const newWards = new Set<string>();
  for (const m of mappings) {
    targets.set(m.oldCode, m.newCodes);
    for (const code of m.newCodes) newWards.add(code);
  }
  return { targets, newWards };
}

export type WardMove = { kind: 'moved'; to: string } | { kind: 'split'; candidates: readonly string[] } | { kind: 'unmapped' };

/**
 * Where a 2024 ward's data goes. A split is never guessed: only an admin's `resolution` (one of
 * the candidates, recorded on the flag) settles it.
 */
export function wardMove(table: WardTable, oldCode: string, resolution?: string): WardMove {
  const targets = table.targets.get(oldCode) ?? [];
  if (targets.length === 1) return { kind: 'moved', to: targets[0]! };
  if (targets.length === 0) return { kind: 'unmapped' };
  if (resolution && targets.includes(resolution)) return { kind: 'moved', to: resolution };
  return { kind: 'split', candidates: targets };
}

/** GSO codes: province 2 digits, district 3, ward 5. */
export const isDistrictCode = (code: string) => /^\d{3}$/.test(code);

/**
 * The unit that takes over a 2024-era department id: a ward's People's Committee whose code is a
 * 2025 ward is that ward's committee now (planDepartment rewrites it); one whose ward merged into
 * another passes to the committee of the ward it became; a district's committee no longer exists,
 * so its work goes where the current rules route it (`routed`, supplied per ticket). `undefined`
 * when the ward split or is not in the table. Other units (city departments, police, triage) stay.
 */
export function successorUnit(table: WardTable, departmentId: string, routed?: string): string | undefined {
  const ward = wardOfUnit(departmentId);
  if (ward !== undefined) {
    if (table.newWards.has(ward)) return departmentId;
    const move = wardMove(table, ward);
    return move.kind === 'moved' ? areaUnitId('ward', move.to) : undefined;
  }
  if (isDistrictUnit(departmentId)) return routed;
  return departmentId;
}

/** The event snapshot fields the move changes (the rest of the snapshot is untouched). */
export interface SnapshotAreas {
  wardCode: string;
  districtCode?: string;
  departmentId: string;
}

export function migrateSnapshot<S extends SnapshotAreas>(snapshot: S, to: string, department: (id: string) => string): Omit<S, 'districtCode'> {
  const { districtCode: _gone, ...rest } = snapshot;
  return { ...rest, wardCode: to, departmentId: department(snapshot.departmentId) };
}

/**
 * The ticket on the new map, as one versioned change with its event (internal: staff see it in
 * the history; nobody is notified and no counter moves). A ticket that changes unit loses its
 * assignee, as on a transfer: the person worked for the old unit.
 */
export function migrateTicket(ticket: Ticket, args: { to: string; department: (id: string) => string; at: string; eventId: string }): { ticket: Ticket; event: TicketEvent } {
  const { districtCode: _gone, ...location } = ticket.location;
  const departmentId = args.department(ticket.departmentId);
  const { assignee, ...rest } = ticket;
  const next: Ticket = {
    ...rest,
    ...(assignee && departmentId === ticket.departmentId ? { assignee } : {}),
    location: { ...location, wardCode: args.to },
    departmentId,
    ...(ticket.escalatedTo ? { escalatedTo: args.department(ticket.escalatedTo) } : {}),
    ...(ticket.passedUpTo ? { passedUpTo: args.department(ticket.passedUpTo) } : {}),
    ...(ticket.response ? { response: { ...ticket.response, departmentId: args.department(ticket.response.departmentId) } } : {}),
    version: ticket.version + 1,
    updatedAt: args.at,
  };
  const event: TicketEvent = {
    eventId: args.eventId,
    ticketId: ticket.id,
    version: next.version,
    type: AREA_MIGRATED_EVENT,
    at: args.at,
    actor: { ...AREA_MIGRATION_ACTOR },
    visibility: 'internal',
    data: {
      from: { wardCode: ticket.location.wardCode, districtCode: ticket.location.districtCode, departmentId: ticket.departmentId },
      to: { wardCode: args.to, departmentId },
    },
  };
  return { ticket: next, event };
}

export type DepartmentPlan =
  | { action: 'keep' }
  | { action: 'write'; department: Department; why: 'rewritten' | 'retired' }
  | { action: 'flag'; reason: 'split' | 'unmapped'; candidates: readonly string[] };

/**
 * A 2024 unit on the new map. District committees are retired (inactive: kept for the history
 * and metrics that name them). A ward committee whose code is a 2025 ward becomes that ward's
 * committee (`as2025` gives its 2025 form: name, parent, no district); one whose ward merged into
 * another is retired, its tickets passing to the successor (successorUnit); a split ward's unit
 * stays as it is, flagged, since its tickets stay too.
 */
export function planDepartment(d: Department, table: WardTable, as2025: (d: Department) => Department | undefined): DepartmentPlan {
  if (d.kind === 'district') return d.active ? { action: 'write', department: { ...d, active: false }, why: 'retired' } : { action: 'keep' };
  if (d.kind !== 'ward' || !d.districtCode) return { action: 'keep' };
  if (table.newWards.has(d.areaCode)) {
    const next = as2025(d);
    return next ? { action: 'write', department: next, why: 'rewritten' } : { action: 'flag', reason: 'unmapped', candidates: [] };
  }
  const move = wardMove(table, d.areaCode);
  if (move.kind === 'split') return { action: 'flag', reason: 'split', candidates: move.candidates };
  if (move.kind === 'unmapped') return { action: 'flag', reason: 'unmapped', candidates: [] };
  return d.active ? { action: 'write', department: { ...d, active: false }, why: 'retired' } : { action: 'keep' };
}

export type RulePlan =
  | { action: 'keep' }
  | { action: 'delete'; why: 'district' | 'redundant' }
  | { action: 'put'; rule: RoutingRule; why: 'moved' | 'department' }
  | { action: 'flag'; reason: 'split' | 'unmapped' | 'district' | 'conflict' | 'department_retired' | 'ambiguous'; candidates: readonly string[]; detail?: string };

/** Rules the seed writes; an admin's own rules are never deleted, only flagged when unclear. */
export const isDefaultRule = (rule: RoutingRule) => rule.id.startsWith('default-');

/**
 * A rule on the new map. The district step is gone: default district rules are deleted (the
 * 2025 seed routes those categories province-wide), an admin's are flagged (they can no longer
 * match). A rule on a 2024-only ward moves to the ward it became, unless that (category, ward)
 * already has a rule: the same unit makes it redundant, another is a conflict for an admin.
 * `holder` answers who holds a (category, area) slot now.
 */
export function planRule(rule: RoutingRule, table: WardTable, holder: (category: string, areaCode: string) => RoutingRule | undefined): RulePlan {
  if (isDistrictCode(rule.areaCode)) {
    return isDefaultRule(rule) ? { action: 'delete', why: 'district' } : { action: 'flag', reason: 'district', candidates: [] };
  }
  const department = successorUnit(table, rule.departmentId);
  if (department === undefined) {
    const ward = wardOfUnit(rule.departmentId);
    const candidates = (ward && table.targets.get(ward)) || [];
    return { action: 'flag', reason: ward ? (candidates.length > 1 ? 'split' : 'unmapped') : 'department_retired', candidates, detail: rule.departmentId };
  }
  const oldOnly = table.targets.has(rule.areaCode) && !table.newWards.has(rule.areaCode);
  if (!oldOnly) {
    // A 2025 ward whose code a 2024 ward also had, and that 2024 ward went elsewhere: an admin's rule here may mean either.
    const targets = table.targets.get(rule.areaCode);
    if (targets && !(targets.length === 1 && targets[0] === rule.areaCode) && !isDefaultRule(rule)) {
      return { action: 'flag', reason: 'ambiguous', candidates: targets };
    }
    return department === rule.departmentId ? { action: 'keep' } : { action: 'put', rule: { ...rule, departmentId: department }, why: 'department' };
  }
  const move = wardMove(table, rule.areaCode);
  if (move.kind !== 'moved') return { action: 'flag', reason: move.kind, candidates: move.kind === 'split' ? move.candidates : [] };
  const taken = holder(rule.category, move.to);
  if (taken && taken.id !== rule.id) {
    return taken.departmentId === department ? { action: 'delete', why: 'redundant' } : { action: 'flag', reason: 'conflict', candidates: [move.to], detail: taken.id };
  }
  return { action: 'put', rule: { ...rule, areaCode: move.to, departmentId: department }, why: 'moved' };
}

/**
 * The unit mapping for one ticket and its events: the committee of the ticket's own ward follows
 * the ticket to its new ward; any other id goes as successorUnit says, or stays when it cannot say.
 */
export function ticketUnits(table: WardTable, oldWard: string, to: string, routed: string): (departmentId: string) => string {
  return (id) => (id === areaUnitId('ward', oldWard) ? areaUnitId('ward', to) : (successorUnit(table, id, routed) ?? id));
}
