/**
 * `GET /v1/me`: the caller as the API understands the token, with the names a home screen
 * needs (the department's, the district's) so the console makes one call, not three.
 */
import type { LocalizedText } from '../domain/localized-text.js';
import { managerScope, type Principal } from '../domain/principal.js';
import type { Dependencies } from './ports.js';

export interface Me {
  userId: string;
  role: Principal['role'];
  name?: string;
  departmentId?: string;
  /** Absent when the token names a department that does not exist (the console shows the id). */
  department?: { id: string; name: LocalizedText; kind: string; active: boolean };
  scope?: string;
  /** A district manager's district; the city scope has none. */
  scopeArea?: { code: string; name: string; nameWithType: string; level: string };
}

export async function whoAmI(deps: Pick<Dependencies, 'departments' | 'areas'>, who: Principal): Promise<Me> {
  const scope = managerScope(who);
  const district = scope?.kind === 'district' ? scope.code : undefined;
  const [department, area] = await Promise.all([
    who.role === 'staff' && who.departmentId ? deps.departments.get(who.departmentId) : undefined,
    district ? deps.areas.get(district) : undefined,
  ]);
  return {
    userId: who.userId,
    role: who.role,
    ...(who.name ? { name: who.name } : {}),
    // Only staff work for a department; a department claim on another role means nothing here.
    ...(who.role === 'staff' && who.departmentId ? { departmentId: who.departmentId } : {}),
    ...(department ? { department: { id: department.id, name: department.name, kind: department.kind, active: department.active } } : {}),
    ...(who.role === 'manager' && who.scope ? { scope: who.scope } : {}),
    ...(area ? { scopeArea: { code: area.code, name: area.name, nameWithType: area.nameWithType, level: area.level } } : {}),
  };
}
