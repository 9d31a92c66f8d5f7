/** Admin edits of routing's reference data (shared/app/reference-admin.ts), in memory. */
import { describe, expect, it } from 'vitest';
import { deleteRoutingRule, previewRouting, putCategory, putDepartment, putRoutingRule } from '../../../shared/app/reference-admin.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/domain/errors.js';
import { memoryDependencies } from '../../support/memory.js';

describe('routing rules', () => {
  it('names every unknown object a rule refers to, and writes nothing', async () => {
    const deps = memoryDependencies();
    const error = await putRoutingRule(deps, 'r-new', { category: 'unicorns', areaCode: '99999', departmentId: 'nobody' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path)).toEqual(['body.category', 'body.areaCode', 'body.departmentId']);
    expect(await deps.rules.get('r-new')).toBeUndefined();
  });

  it('creates, replaces, and routes by the new rule at once; a second rule for the same slot conflicts', async () => {
    const deps = memoryDependencies();
    expect(await previewRouting(deps, 'health', '00037')).toEqual({ departmentId: 'ward-00037', ruleId: 'r-ward-00037' });
    expect(await putRoutingRule(deps, 'r-health-hk', { category: 'health', areaCode: '00037', departmentId: 'city-transport' })).toMatchObject({ created: true });
    expect(await previewRouting(deps, 'health', '00037')).toEqual({ departmentId: 'city-transport', ruleId: 'r-health-hk' });
    expect(await putRoutingRule(deps, 'r-health-hk', { category: 'health', areaCode: '00037', departmentId: 'ward-00037' })).toMatchObject({ created: false });
    await expect(putRoutingRule(deps, 'r-other', { category: 'health', areaCode: '00037', departmentId: 'ward-00037' })).rejects.toBeInstanceOf(ConflictError);
    await deleteRoutingRule(deps, 'r-health-hk');
    await expect(deleteRoutingRule(deps, 'r-health-hk')).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewRouting(deps, 'unicorns', '00000')).rejects.toMatchObject({ errors: [{ path: 'body.category' }, { path: 'body.wardCode' }] });
  });
});

describe('departments and categories', () => {
  const unit = { name: { vi: 'Tổ', en: 'Team' }, kind: 'ward' as const, areaCode: '00004', active: true };

  it('takes its district from its area, and refuses an unknown area or parent', async () => {
    const deps = memoryDependencies();
    expect(await putDepartment(deps, 'team-1', { ...unit, parentId: 'ward-00004' })).toEqual({ created: true, department: { id: 'team-1', ...unit, parentId: 'ward-00004', districtCode: '001' } });
    await expect(putDepartment(deps, 'team-2', { ...unit, areaCode: '99999', parentId: 'nobody' })).rejects.toMatchObject({ errors: [{ path: 'body.areaCode' }, { path: 'body.parentId' }] });
  });

  it('refuses a parent that would make escalation go round in a circle', async () => {
    const deps = memoryDependencies();
    await expect(putDepartment(deps, 'district-001', { ...unit, areaCode: '001', kind: 'district', parentId: 'ward-00001' })).rejects.toBeInstanceOf(ConflictError);
    await expect(putDepartment(deps, 'ward-00001', { ...unit, areaCode: '00001', parentId: 'ward-00001' })).rejects.toBeInstanceOf(ConflictError);
    expect((await deps.departments.get('district-001'))!.parentId).toBe('city-people-committee');
  });

  it('a category put says whether it was new', async () => {
    const deps = memoryDependencies();
    const health = (await deps.reference.category('health'))!;
    const { code: _code, ...rest } = health;
    expect((await putCategory(deps, 'health', { ...rest, active: false })).created).toBe(false);
    expect((await putCategory(deps, 'noise', rest)).created).toBe(true);
    expect((await deps.reference.category('health'))!.active).toBe(false);
  });
});
