/** Who is calling, as the domain sees it: identity and role, nothing about tokens. */
import { parseScope, type ManagerScope } from './scope.js';

export type { ManagerScope } from './scope.js';

export const roles = ['citizen', 'staff', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Rank used when a user is in several groups: the highest wins. */
export const roleRank: Record<Role, number> = { citizen: 0, staff: 1, manager: 2, admin: 3 };

export interface Principal {
  userId: string;
  role: Role;
  /** staff: the department they work for */
  departmentId?: string;
  /** manager: `city` or `district-<code>` */
  scope?: string;
  name?: string;
  /** E.164 for signed-in citizens; as given for Open311 submitters */
  phone?: string;
  /** Open311 submitters' e-mail (a contact detail, like name and phone) */
  email?: string;
}

/** The caller's manager scope; undefined for other roles and for a claim that names neither the city nor a district. */
export function managerScope(who: Pick<Principal, 'role' | 'scope'>): ManagerScope | undefined {
  if (who.role !== 'manager') return undefined;
  const scope = parseScope(who.scope ?? '');
  return scope?.kind === 'city' || scope?.kind === 'district' ? scope : undefined;
}
