import { resolveMigrationFlag } from '../../shared/app/area-migration-flags.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { dynamoMigrationFlagStore } from '../../shared/adapters/dynamodb/area-migration-store.js';
import { flagView } from '../../shared/http/area-migration-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { MigrationFlag, MigrationFlagParams, MigrationFlagResolution } from '../../shared/schemas/area-migration.js';

export const handler = httpRoute(
  'resolveAreaMigrationFlag',
  { params: MigrationFlagParams, body: MigrationFlagResolution, responses: { 200: { description: 'The flag with the ward chosen; run the migration job again to move the ticket', schema: MigrationFlag } } },
  async ({ params, body, principal }) =>
    json(200, flagView(await resolveMigrationFlag({ ...dependencies, migrationFlags: dynamoMigrationFlagStore }, principal, params.kind, params.id, body.resolution))),
);
