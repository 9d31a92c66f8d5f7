import { describe, expect, it } from 'vitest';
import { planDepartment, planRule, successorUnit, ticketUnits, wardMove, wardTable } from '../../../shared/domain/area-migration.js';
import type { Department } from '../../../shared/domain/department.js';

// Shapes from Hanoi's real table: 00001 and 00037 merged into 00097; 00004 kept its code;
// 00226 split into 00226 and 00229; 00008 (a 2025 code) took in 2024 ward 00011, and 2024 ward
// 00008 itself went to 00097 (a chain: the same code on both maps, meaning different wards).
const table = wardTable([
  { oldCode: '00001', newCodes: ['00097'] },
  { oldCode: '00037', newCodes: ['00097'] },
  { oldCode: '00004', newCodes: ['00004'] },
  { oldCode: '00226', newCodes: ['00226', '00229'] },
  { oldCode: '00008', newCodes: ['00097'] },
  { oldCode: '00011', newCodes: ['00008'] },
  // A split ward whose code the 2025 map does not reuse.
  { oldCode: '00300', newCodes: ['00226', '00229'] },
]);
const unit = (id: string, opts: Partial<Department> = {}): Department => ({ id, name: { vi: id, en: id }, kind: 'ward', areaCode: id.slice(5), districtCode: '001', parentId: 'district-001', active: true, ...opts });

describe('wardMove', () => {
  it('moves, never guesses a split, and takes an admin resolution only among the candidates', () => {
    expect(wardMove(table, '00001')).toEqual({ kind: 'moved', to: '00097' });
    expect(wardMove(table, '00226')).toEqual({ kind: 'split', candidates: ['00226', '00229'] });
    expect(wardMove(table, '00226', '00229')).toEqual({ kind: 'moved', to: '00229' });
    expect(wardMove(table, '00226', '00097')).toMatchObject({ kind: 'split' });
    expect(wardMove(table, '99999')).toEqual({ kind: 'unmapped' });
  });
});

describe('successorUnit and ticketUnits', () => {
  it('passes a merged ward’s committee on, keeps units whose code is a 2025 ward, routes district work', () => {
    expect(successorUnit(table, 'ward-00001')).toBe('ward-00097');
    expect(successorUnit(table, 'ward-00008')).toBe('ward-00008');
    expect(successorUnit(table, 'district-001', 'city-construction')).toBe('city-construction');
    expect(successorUnit(table, 'city-health')).toBe('city-health');
    expect(successorUnit(table, 'ward-00226')).toBe('ward-00226');
  });

  it('sends a ticket’s own ward committee with the ticket, even where its old code is a 2025 ward', () => {
    const units = ticketUnits(table, '00008', '00097', 'triage');
    expect(units('ward-00008')).toBe('ward-00097');
    expect(units('district-001')).toBe('triage');
  });
});

describe('planDepartment', () => {
  const as2025 = (d: Department): Department => ({ ...d, districtCode: undefined, parentId: 'city-people-committee' });
  it('retires districts and merged wards, rewrites units whose code lives on, is a no-op the second time', () => {
    expect(planDepartment(unit('district-001', { kind: 'district', areaCode: '001' }), table, as2025)).toMatchObject({ action: 'write', why: 'retired', department: { active: false } });
    expect(planDepartment(unit('district-001', { kind: 'district', areaCode: '001', active: false }), table, as2025)).toEqual({ action: 'keep' });
    expect(planDepartment(unit('ward-00001'), table, as2025)).toMatchObject({ action: 'write', why: 'retired' });
    expect(planDepartment(unit('ward-00001', { active: false }), table, as2025)).toEqual({ action: 'keep' });
    expect(planDepartment(unit('ward-00004'), table, as2025)).toMatchObject({ action: 'write', why: 'rewritten', department: { parentId: 'city-people-committee' } });
    expect(planDepartment(unit('ward-00004', { districtCode: undefined }), table, as2025)).toEqual({ action: 'keep' });
  });
});

describe('planRule', () => {
  const none = () => undefined;
  it('deletes default district rules and flags an admin’s', () => {
    expect(planRule({ id: 'default-admin_procedures-001', category: 'admin_procedures', areaCode: '001', departmentId: 'district-001' }, table, none)).toEqual({ action: 'delete', why: 'district' });
    expect(planRule({ id: 'r1', category: 'admin_procedures', areaCode: '001', departmentId: 'district-001' }, table, none)).toMatchObject({ action: 'flag', reason: 'district' });
  });

  it('moves a rule to the ward it became, drops it when the same unit already holds the slot, flags a conflict', () => {
    const rule = { id: 'r2', category: 'roads_traffic', areaCode: '00001', departmentId: 'ward-00001' };
    expect(planRule(rule, table, none)).toEqual({ action: 'put', why: 'moved', rule: { ...rule, areaCode: '00097', departmentId: 'ward-00097' } });
    expect(planRule(rule, table, () => ({ id: 'x', category: 'roads_traffic', areaCode: '00097', departmentId: 'ward-00097' }))).toEqual({ action: 'delete', why: 'redundant' });
    expect(planRule(rule, table, () => ({ id: 'x', category: 'roads_traffic', areaCode: '00097', departmentId: 'city-transport' }))).toMatchObject({ action: 'flag', reason: 'conflict' });
  });

  it('flags split wards and an admin’s rule on a code both maps use for different wards', () => {
    expect(planRule({ id: 'r3', category: 'environment', areaCode: '00300', departmentId: 'city-environment' }, table, none)).toMatchObject({ action: 'flag', reason: 'split', candidates: ['00226', '00229'] });
    expect(planRule({ id: 'r5', category: 'environment', areaCode: '01', departmentId: 'ward-00300' }, table, none)).toMatchObject({ action: 'flag', reason: 'split', candidates: ['00226', '00229'] });
    expect(planRule({ id: 'r4', category: 'environment', areaCode: '00008', departmentId: 'city-environment' }, table, none)).toMatchObject({ action: 'flag', reason: 'ambiguous' });
    expect(planRule({ id: 'default-environment-00008', category: 'environment', areaCode: '00008', departmentId: 'ward-00008' }, table, none)).toEqual({ action: 'keep' });
  });
});
