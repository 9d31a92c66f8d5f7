/** Which units a signed-in person may open queues of: staff their own, managers those in their scope, admins all. */
import { managerScope } from '../../../shared/domain/principal.js';
import type { Session } from '../../shared/auth/session';
import type { Department } from './reference';

export function unitsInScope(s: Session, all: readonly Department[]): Department[] {
  if (s.role === 'staff') return all.filter((d) => d.id === s.departmentId);
  const scope = managerScope(s);
  if (scope?.kind === 'district') return all.filter((d) => d.districtCode === scope.code);
  return [...all];
}
