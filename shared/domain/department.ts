/** A unit that answers tickets, and where an escalation goes (its parent). */
import type { LocalizedText } from './localized-text.js';

export const departmentKinds = ['ward', 'district', 'city_department', 'police', 'triage'] as const;
export type DepartmentKind = (typeof departmentKinds)[number];

export interface Department {
  id: string;
  name: LocalizedText;
  kind: DepartmentKind;
  /** The area it serves: a ward, district or province code. */
  areaCode: string;
  /** The district it belongs to (ward and district units), so district managers' scope can be checked without an area lookup. */
  districtCode?: string;
  /** Escalations go here; the city-level units have none. */
  parentId?: string;
  active: boolean;
}

/** A ward's or district's People's Committee is named by its area's GSO code: `ward-<5 digits>`, `district-<3 digits>`. */
export const areaUnitId = (level: 'ward' | 'district', code: string): string => `${level}-${code}`;
const WARD_UNIT = /^ward-(\d{5})$/;
const DISTRICT_UNIT = /^district-(\d{3})$/;
/** The ward a ward committee's id names; undefined for any other unit. */
export const wardOfUnit = (departmentId: string): string | undefined => WARD_UNIT.exec(departmentId)?.[1];
export const isDistrictUnit = (departmentId: string): boolean => DISTRICT_UNIT.test(departmentId);
