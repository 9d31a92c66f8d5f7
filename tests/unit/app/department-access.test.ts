/** Who may read a department's own lists (shared/app/department-access.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { authorizeDepartmentReader } from '../../../shared/app/department-access.js';
import { ForbiddenError, NotFoundError } from '../../../shared/domain/errors.js';
import { memoryDependencies } from '../../support/memory.js';

describe('authorizeDepartmentReader', () => {
  const deps = memoryDependencies();
  const check = (who: Parameters<typeof authorizeDepartmentReader>[1], id: string) => authorizeDepartmentReader(deps, who, id, 'queue');

  it('staff read their own unit only, without a lookup', async () => {
    await expect(check({ userId: 's', role: 'staff', departmentId: 'ward-00001' }, 'ward-00001')).resolves.toBeUndefined();
    await expect(check({ userId: 's', role: 'staff', departmentId: 'ward-00001' }, 'ward-00004')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('managers read the units of their scope; the city manager is told a unit does not exist', async () => {
    await expect(check({ userId: 'm', role: 'manager', scope: 'district-001' }, 'ward-00004')).resolves.toBeUndefined();
    await expect(check({ userId: 'm', role: 'manager', scope: 'district-001' }, 'ward-00037')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(check({ userId: 'm', role: 'manager', scope: 'district-001' }, 'nowhere')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(check({ userId: 'm', role: 'manager', scope: 'city' }, 'ward-00037')).resolves.toBeUndefined();
    await expect(check({ userId: 'm', role: 'manager', scope: 'city' }, 'nowhere')).rejects.toBeInstanceOf(NotFoundError);
    await expect(check({ userId: 'm', role: 'manager' }, 'ward-00001')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('admins read any unit that exists; citizens none', async () => {
    await expect(check({ userId: 'a', role: 'admin' }, 'city-transport')).resolves.toBeUndefined();
    await expect(check({ userId: 'a', role: 'admin' }, 'nowhere')).rejects.toBeInstanceOf(NotFoundError);
    await expect(check({ userId: 'c', role: 'citizen' }, 'ward-00001')).rejects.toBeInstanceOf(ForbiddenError);
  });
});
