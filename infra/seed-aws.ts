/**
 * One-off after the first deploy (and after upgrades that bring new reference data): loads
 * categories, holidays, areas, departments and default routing rules into the deployed table.
 * Idempotent: only missing items are written, so admins' edits survive.
 *
 *   TABLE_NAME=<TableName output> AWS_REGION=<region> npm run seed:aws
 *   PROVINCES=01,79 ...   (GSO province codes; the first one's departments and rules are seeded; default 01, Hanoi)
 *
 * Uses the default AWS credential chain; it writes only to TABLE_NAME.
 */
import { seedReferenceData } from '../shared/adapters/dynamodb/seed-reference.js';
import { loadAreas } from '../local/hanhchinhvn.js';

if (!process.env.TABLE_NAME) {
  console.error('Set TABLE_NAME to the stack output TableName (and AWS_REGION to its region).');
  process.exit(2);
}
if (process.env.AWS_ENDPOINT_URL_DYNAMODB) console.log(`Using the DynamoDB endpoint ${process.env.AWS_ENDPOINT_URL_DYNAMODB}`);
const provinces = (process.env.PROVINCES ?? '01').split(',').map((p) => p.trim()).filter(Boolean);
const areas = loadAreas(provinces);
const { seeded } = await seedReferenceData({ areas, provinceCode: provinces[0]! });
console.log(seeded ? `Seeded ${process.env.TABLE_NAME}: ${areas.length} areas of province(s) ${provinces.join(', ')}` : `${process.env.TABLE_NAME}: reference data already up to date`);
