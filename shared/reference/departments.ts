/**
 * The units that answer citizens in one province: a People's Committee per ward and per
 * district, the city departments (Sở) that take feedback, the city police, and a triage desk.
 * Escalations climb ward → district → the city People's Committee; on a two-level catalog
 * (2025) a ward's parent is the province's committee.
 *
 * Several provinces in one table: ward and district ids are GSO codes, unique nationally; the
 * province-level units of every province after the first carry its code (`p79-city-transport`),
 * so a one-city deployment keeps the short ids its users know.
 */
import type { Area } from '../domain/area.js';
import { areaUnitId, type Department } from '../domain/department.js';
import { TRIAGE_DEPARTMENT_ID } from '../domain/routing.js';

export const CITY_COMMITTEE_ID = 'city-people-committee';

const englishType: Record<string, string> = {
  quan: 'district', huyen: 'district', 'thi-xa': 'town', 'thanh-pho': 'city',
  phuong: 'ward', xa: 'commune', 'thi-tran': 'township', 'dac-khu': 'special zone',
};

/** The prefix of a province's own units: none for the first (home) province. */
export const provinceUnitPrefix = (provinceCode: string, home: boolean) => (home ? '' : `p${provinceCode}-`);

/** City departments: id suffix, Vietnamese and English names. */
export const cityDepartments: ReadonlyArray<readonly [string, string, string]> = [
  ['transport', 'Sở Giao thông Vận tải', 'Department of Transport'],
  ['construction', 'Sở Xây dựng', 'Department of Construction'],
  ['environment', 'Sở Tài nguyên và Môi trường', 'Department of Natural Resources and Environment'],
  ['health', 'Sở Y tế', 'Department of Health'],
  ['education', 'Sở Giáo dục và Đào tạo', 'Department of Education and Training'],
  ['labour', 'Sở Lao động - Thương binh và Xã hội', 'Department of Labour, Invalids and Social Affairs'],
  ['industry', 'Sở Công Thương', 'Department of Industry and Trade'],
  ['information', 'Sở Thông tin và Truyền thông', 'Department of Information and Communications'],
  ['police', 'Công an Thành phố', 'City Police'],
];

export function seedDepartments(areas: readonly Area[], provinceCode: string, prefix = ''): Department[] {
  const province = areas.find((a) => a.level === 'province' && a.code === provinceCode);
  if (!province) throw new Error(`province ${provinceCode} is not among the areas`);
  const city: Department = {
    id: prefix + CITY_COMMITTEE_ID,
    name: { vi: `UBND ${province.nameWithType}`, en: `People's Committee of ${province.name}` },
    kind: 'city_department',
    areaCode: provinceCode,
    active: true,
  };
  const underCity = (id: string, vi: string, en: string, kind: Department['kind']): Department => ({
    id: prefix + id, name: { vi, en }, kind, areaCode: provinceCode, parentId: prefix + CITY_COMMITTEE_ID, active: true,
  });
  const departments: Department[] = [
    city,
    underCity(TRIAGE_DEPARTMENT_ID, 'Tổ tiếp nhận phản ánh, kiến nghị', 'Feedback triage desk', 'triage'),
    ...cityDepartments.map(([slug, vi, en]) => underCity(`city-${slug}`, slug === 'police' ? `Công an ${province.nameWithType}` : vi, en, slug === 'police' ? 'police' : 'city_department')),
  ];
  for (const area of areas) {
    if (area.provinceCode !== provinceCode || area.level === 'province') continue;
    const parentId = area.level === 'ward' && area.districtCode ? areaUnitId('district', area.districtCode) : prefix + CITY_COMMITTEE_ID;
    departments.push(areaCommittee(area, parentId));
  }
  return departments;
}

/** The People's Committee of a district or ward (also the area migration's 2025 form of a ward unit). */
export function areaCommittee(area: Area, parentId: string): Department {
  const kind = area.level === 'district' ? 'district' : 'ward';
  return {
    id: areaUnitId(kind, area.code),
    name: { vi: `UBND ${area.nameWithType}`, en: `People's Committee of ${area.name} ${englishType[area.type] ?? kind}` },
    kind,
    areaCode: area.code,
    ...(area.districtCode ? { districtCode: area.districtCode } : {}),
    parentId,
    active: true,
  };
}
