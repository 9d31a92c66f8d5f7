import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../shared/adapters/dynamodb/create-table.js';
import { seedReferenceData } from '../../shared/adapters/dynamodb/seed-reference.js';
import { tableName } from '../../shared/adapters/dynamodb/table.js';
import { loadAreas } from '../../local/hanhchinhvn.js';

/**
 * Hanoi on the 2024 three-level map (`AREA_CATALOG=2024`), loaded once per test file. The suite
 * seeds this catalog explicitly because its fixtures speak its codes (ward 00001 Phúc Xá,
 * district 001 Ba Đình) and district scopes need districts; the 2025 default is pinned by
 * tests/unit/reference/area-catalog-2025.test.ts and tests/integration/local/runtime.test.ts.
 */
export const hanoi = loadAreas(['01']);

/**
 * Hanoi cut to its first three districts (Ba Đình, Hoàn Kiếm, Tây Hồ: 40 wards). Seeding all
 * of Hanoi (~3,700 items) costs seconds per file on DynamoDB Local; files that assert on the
 * whole catalog ask for `catalog: 'full'`.
 */
export const hanoiSmall = hanoi.filter((a) => a.level === 'province' || ['001', '002', '003'].includes(a.districtCode ?? ''));

export interface TestTableOptions {
  /** false: no reference data at all (the file puts what it needs). */
  seed?: boolean;
  catalog?: 'small' | 'full';
}

/** Creates this file's table and seeds reference data. Call in beforeAll. */
export async function createTestTable(opts: TestTableOptions = {}): Promise<void> {
  const client = new DynamoDBClient({});
  await ensureTable(client, tableName());
  client.destroy();
  if (opts.seed !== false) await seedReferenceData({ areas: opts.catalog === 'full' ? hanoi : hanoiSmall, provinceCode: '01' });
}
