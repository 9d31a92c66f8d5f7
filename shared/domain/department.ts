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
