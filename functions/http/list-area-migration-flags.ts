import { listMigrationFlags } from '../../shared/app/area-migration-flags.js';
import { dependencies } from '../../shared/adapters/dependencies.js';
import { dynamoMigrationFlagStore } from '../../shared/adapters/dynamodb/area-migration-store.js';
import { flagView } from '../../shared/http/area-migration-views.js';
import { httpRoute, json } from '../../shared/http/route-handler.js';
import { MigrationFlag, MigrationFlagsQuery } from '../../shared/schemas/area-migration.js';
import { pageOf } from '../../shared/schemas/common.js';

export const handler = httpRoute(
  'listAreaMigrationFlags',
  { query: MigrationFlagsQuery, responses: { 200: { description: 'By kind, then id', schema: pageOf(MigrationFlag) } } },
  async ({ query }) => {
    const page = await listMigrationFlags({ ...dependencies, migrationFlags: dynamoMigrationFlagStore }, query);
    return json(200, { items: page.items.map(flagView), nextCursor: page.nextCursor });
  },
);
