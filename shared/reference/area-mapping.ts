/**
 * The 2024 → 2025 ward table the area migration reads. The source lists each old ward either by
 * its GSO code or, for some rows, only by its names (ward, district, province), and a ward whose
 * territory was divided appears once per new ward: so an old ward gets every new ward either
 * kind of row names. One target is a move; several are a split, which the migration leaves for
 * an admin rather than guessing; none means the table does not cover it.
 */
import type { Area } from '../domain/area.js';

export interface AreaMapping {
  /** The 2024 ward code. */
  oldCode: string;
  /** 2025 ward codes, sorted: exactly one unless the ward was split (or is not covered). */
  newCodes: string[];
}

export interface MappingRow {
  oldCode?: string;
  oldWardName?: string | null;
  oldDistrictName?: string | null;
  oldProvinceName?: string | null;
  newCode?: string;
}

export function buildWardMappings(old: readonly Area[], rows: readonly MappingRow[], newWardCodes: ReadonlySet<string>): AreaMapping[] {
  const byCode = new Map(old.map((a) => [a.code, a]));
  const targetsByCode = new Map<string, Set<string>>();
  const targetsByName = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, code: string) => map.set(key, (map.get(key) ?? new Set()).add(code));
  for (const row of rows) {
    if (!row.newCode || !newWardCodes.has(row.newCode)) continue;
    if (row.oldCode) add(targetsByCode, row.oldCode, row.newCode);
    else if (row.oldWardName) add(targetsByName, `${row.oldProvinceName}|${row.oldDistrictName}|${row.oldWardName}`, row.newCode);
  }
  return old
    .filter((a) => a.level === 'ward')
    .map((ward) => {
      const district = ward.districtCode ? byCode.get(ward.districtCode)?.nameWithType : undefined;
      const province = byCode.get(ward.provinceCode)?.nameWithType;
      const codes = new Set([...(targetsByCode.get(ward.code) ?? []), ...(targetsByName.get(`${province}|${district}|${ward.nameWithType}`) ?? [])]);
      return { oldCode: ward.code, newCodes: [...codes].sort() };
    });
}
