/**
 * The scopes metrics, ticket exports and managers' `scope` claims name, parsed in one place.
 * Their string forms are the API's and the metric counters' partition keys: `city`,
 * `district-<code>`, `ward-<code>`, `department-<id>`.
 */
export type Scope =
  | { kind: 'city' }
  | { kind: 'district'; code: string }
  | { kind: 'ward'; code: string }
  | { kind: 'department'; id: string };

/** What a manager's `scope` claim covers: the whole city, or the units of one district. */
export type ManagerScope = Extract<Scope, { kind: 'city' | 'district' }>;

export const CITY_SCOPE = 'city';

/** The scope a string names; undefined for one that names none (the request schemas say which forms a route takes). */
export function parseScope(key: string): Scope | undefined {
  if (key === CITY_SCOPE) return { kind: 'city' };
  const dash = key.indexOf('-');
  const kind = key.slice(0, dash);
  const rest = key.slice(dash + 1);
  if (dash < 1 || !rest) return undefined;
  if (kind === 'district' || kind === 'ward') return { kind, code: rest };
  if (kind === 'department') return { kind, id: rest };
  return undefined;
}

export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'city':
      return CITY_SCOPE;
    case 'department':
      return `department-${scope.id}`;
    default:
      return `${scope.kind}-${scope.code}`;
  }
}

/** Where a ticket counts: its unit and its place. */
export interface ScopedTicket {
  departmentId: string;
  location: { wardCode: string; districtCode?: string };
}

/** Does the scope take in this ticket (by its current unit, its ward or its district)? */
export function scopeCovers(scope: Scope, ticket: ScopedTicket): boolean {
  switch (scope.kind) {
    case 'city':
      return true;
    case 'district':
      return ticket.location.districtCode === scope.code;
    case 'ward':
      return ticket.location.wardCode === scope.code;
    case 'department':
      return ticket.departmentId === scope.id;
  }
}
