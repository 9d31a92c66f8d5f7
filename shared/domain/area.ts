/**
 * Administrative units, by General Statistics Office code: province (2 digits) → district
 * (3) → ward/commune (5). Since the 2025 reform Vietnam has two levels (province → commune);
 * then a ward's parent is its province and it has no district.
 */
export const areaLevels = ['province', 'district', 'ward'] as const;
export type AreaLevel = (typeof areaLevels)[number];

/** The root every province hangs from, for listing provinces as "children". */
export const COUNTRY_CODE = 'VN';

export interface Area {
  code: string;
  name: string;
  /** e.g. "Phường Phúc Xá", "Quận Ba Đình" */
  nameWithType: string;
  /** The catalog's type: thanh-pho, tinh, quan, huyen, thi-xa, phuong, xa, thi-tran, ... */
  type: string;
  level: AreaLevel;
  parentCode: string;
  provinceCode: string;
  districtCode?: string;
}
