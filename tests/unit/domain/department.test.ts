import { describe, expect, it } from 'vitest';
import { areaUnitId, isDistrictUnit, wardOfUnit } from '../../../shared/domain/department.js';

describe('area committees are named by their area', () => {
  it('writes and reads ward and district committee ids', () => {
    expect(areaUnitId('ward', '00004')).toBe('ward-00004');
    expect(areaUnitId('district', '001')).toBe('district-001');
    expect(wardOfUnit(areaUnitId('ward', '00004'))).toBe('00004');
    expect(isDistrictUnit(areaUnitId('district', '001'))).toBe(true);
  });

  it('reads no area from other units, or from codes of the wrong length', () => {
    for (const id of ['district-001', 'city-transport', 'triage', 'ward-0004', 'ward-000045', 'p79-ward-00004']) expect(wardOfUnit(id), id).toBeUndefined();
    for (const id of ['ward-00004', 'district-01', 'district-0012', 'city-committee']) expect(isDistrictUnit(id), id).toBe(false);
  });
});
