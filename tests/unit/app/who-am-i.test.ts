/** GET /v1/me's use case (shared/app/who-am-i.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { whoAmI } from '../../../shared/app/who-am-i.js';
import { memoryDependencies } from '../../support/memory.js';

describe('whoAmI', () => {
  const deps = memoryDependencies();

  it('gives staff their department’s names', async () => {
    expect(await whoAmI(deps, { userId: 's', role: 'staff', departmentId: 'ward-00001', name: 'Chị Lan' })).toEqual({
      userId: 's',
      role: 'staff',
      name: 'Chị Lan',
      departmentId: 'ward-00001',
      department: { id: 'ward-00001', name: { vi: 'UBND Phường Phúc Xá', en: 'Phúc Xá Ward' }, kind: 'ward', active: true },
    });
  });

  it('keeps a department id that names nothing, without inventing its names', async () => {
    expect(await whoAmI(deps, { userId: 's', role: 'staff', departmentId: 'gone' })).toEqual({ userId: 's', role: 'staff', departmentId: 'gone' });
  });

  it('gives a district manager their district and the city manager none', async () => {
    expect(await whoAmI(deps, { userId: 'm', role: 'manager', scope: 'district-001' })).toEqual({
      userId: 'm',
      role: 'manager',
      scope: 'district-001',
      scopeArea: { code: '001', name: 'Ba Đình', nameWithType: 'Quận Ba Đình', level: 'district' },
    });
    expect(await whoAmI(deps, { userId: 'm', role: 'manager', scope: 'city' })).toEqual({ userId: 'm', role: 'manager', scope: 'city' });
  });

  it('ignores claims that mean nothing for the role', async () => {
    expect(await whoAmI(deps, { userId: 'c', role: 'citizen', departmentId: 'ward-00001', scope: 'city' })).toEqual({ userId: 'c', role: 'citizen' });
  });
});
