/**
 * JWT claims → Principal. API Gateway's JWT authorizer hands claims over as strings and
 * flattens arrays to `"[a b]"`; the local runtime does the same, so this one parser serves both.
 */
import { roleRank, roles, type Principal, type Role } from '../../domain/principal.js';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

export function groupsOf(value: Claims[string]): string[] {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return [];
  return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
}

export function principalFromClaims(claims: Claims | undefined): Principal | undefined {
  const sub = claims?.sub;
  if (!claims || typeof sub !== 'string' || !sub) return undefined;
  const role = groupsOf(claims['cognito:groups'])
    .filter((g): g is Role => (roles as readonly string[]).includes(g))
    .sort((a, b) => roleRank[b] - roleRank[a])[0];
  if (!role) return undefined;
  const str = (name: string) => (typeof claims[name] === 'string' && claims[name] ? (claims[name] as string) : undefined);
  const principal: Principal = { userId: sub, role };
  const departmentId = str('custom:department_id');
  const scope = str('custom:scope');
  const name = str('name');
  const phone = str('phone_number');
  if (departmentId) principal.departmentId = departmentId;
  if (scope) principal.scope = scope;
  if (name) principal.name = name;
  if (phone) principal.phone = phone;
  return principal;
}
