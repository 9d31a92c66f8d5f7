/**
 * Who may read a department's own lists (its queue, its notifications): its staff, managers
 * whose scope covers it (the city, or the district it sits in), and admins.
 */
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import { managerScope, type Principal } from '../domain/principal.js';
import type { Dependencies } from './ports.js';

export async function authorizeDepartmentReader(
  deps: { departments: Pick<Dependencies['departments'], 'get'> },
  who: Principal,
  departmentId: string,
  what: string,
): Promise<void> {
  switch (who.role) {
    case 'staff':
      if (who.departmentId !== departmentId) throw new ForbiddenError(`Staff may read their own department's ${what} only.`);
      return;
    case 'manager': {
      const department = await deps.departments.get(departmentId);
      const scope = managerScope(who);
      if (scope?.kind === 'city') {
        if (!department) throw new NotFoundError(`No department ${departmentId}.`);
        return;
      }
      if (scope?.kind !== 'district' || department?.districtCode !== scope.code) throw new ForbiddenError(`The department ${departmentId} is outside your scope.`);
      return;
    }
    case 'admin':
      if (!(await deps.departments.get(departmentId))) throw new NotFoundError(`No department ${departmentId}.`);
      return;
    default:
      throw new ForbiddenError(`The ${who.role} role may not read department ${what}.`);
  }
}
