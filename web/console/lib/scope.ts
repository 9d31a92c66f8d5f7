/** Which units a signed-in person may open queues of: staff their own, managers those in their scope, admins all. */
import type { Session } from '../../shared/auth/session';
import type { Department } from './reference';

export function unitsInScope(s: Session, all: readonly Department[]): Department[] {
  if (s.role === 'staff') return all.filter((d) => d.id === s.departmentId);
  if (s.role === 'manager' && s.scope?.startsWith('district-')) {
    const code = s.scope.slice('district-'.length);
    return all.filter((d) => d.districtCode === code);
  }
  return [...all];
}
