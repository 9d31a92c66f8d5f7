/**
 * One-off after the first deploy (and after upgrades that bring new reference data): loads
 * categories, holidays, areas, departments and default routing rules into the deployed table,
 * and gives tickets written before references existed their reference (a one-off scan).
 * Idempotent: only missing items are written, so admins' edits survive.
 *
 *   TABLE_NAME=<TableName output> AWS_REGION=<region> npm run seed:aws
 *   PROVINCES=01,79 ...   (GSO province codes or `all`; each gets departments and default rules; default 01, Hanoi)
 *   AREA_CATALOG=2024 ... (the three-level 2024 map; default 2025, two levels)
 *
 * Uses the default AWS credential chain; it writes only to TABLE_NAME.
 */
import { backfillNearbyEntries } from '../shared/adapters/dynamodb/backfill-nearby.js';
import { backfillTicketRefs } from '../shared/adapters/dynamodb/backfill-refs.js';
import { seedReferenceData } from '../shared/adapters/dynamodb/seed-reference.js';
import { dynamoPersonalDataStore } from '../shared/adapters/dynamodb/personal-data-store.js';
import { defaultPrivacyNotice } from '../shared/reference/privacy-notice.js';
import { catalogEdition, loadCatalog, provinceList } from '../local/area-catalogs.js';

if (!process.env.TABLE_NAME) {
  console.error('Set TABLE_NAME to the stack output TableName (and AWS_REGION to its region).');
  process.exit(2);
}
if (process.env.AWS_ENDPOINT_URL_DYNAMODB) console.log(`Using the DynamoDB endpoint ${process.env.AWS_ENDPOINT_URL_DYNAMODB}`);
const edition = catalogEdition(process.env.AREA_CATALOG);
const provinces = await provinceList(process.env.PROVINCES, edition);
const { areas, mappings } = await loadCatalog(edition, provinces);
const { seeded } = await seedReferenceData({ areas, provinceCode: provinces, mappings });
// The default privacy notice, unless the city already published its own.
if (await dynamoPersonalDataStore.putPrivacyNotice(defaultPrivacyNotice, { onlyIfAbsent: true })) console.log(`Privacy notice ${defaultPrivacyNotice.version} published`);
console.log(seeded ? `Seeded ${process.env.TABLE_NAME}: ${areas.length} areas of ${provinces.length} province(s), ${edition} catalog` : `${process.env.TABLE_NAME}: reference data already up to date`);
const refs = await backfillTicketRefs();
if (refs.assigned || refs.skipped) console.log(`References: ${refs.assigned} ticket(s) given one, ${refs.skipped} changed meanwhile (run again)`);
const entries = await backfillNearbyEntries();
if (entries.written || entries.skipped) console.log(`Nearby entries: ${entries.written} open ticket(s) given one, ${entries.skipped} rewritten meanwhile (they carry one)`);
